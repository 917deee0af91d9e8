-- resourceVersion is one counter for every object, as in Kubernetes, so a watch can resume from any version.
create sequence resource_version_seq;

-- One row per stream. The spec (tags with their policies) is small and always read whole: JSON.
create table image_stream (
    id               bigserial   primary key,
    namespace        text        not null,
    name             text        not null,
    uid              uuid        not null unique,
    resource_version bigint      not null,
    generation       bigint      not null,
    created_at       timestamptz not null,
    labels           jsonb,
    annotations      jsonb,
    spec             jsonb       not null,
    constraint image_stream_namespace_name unique (namespace, name)
);

-- One row per status tag (conditions live here); its history is in tag_event.
create table tag_status (
    stream_id  bigint not null references image_stream (id) on delete cascade,
    tag        text   not null,
    conditions jsonb,
    primary key (stream_id, tag)
);

-- Tag history as rows: a stream with thousands of entries is appended to, never rewritten.
-- seq grows with each new entry, so the newest entry (position 0) has the highest seq.
create table tag_event (
    stream_id              bigint      not null,
    tag                    text        not null,
    seq                    bigint      not null,
    created                timestamptz not null,
    docker_image_reference text        not null,
    image                  text        not null,
    generation             bigint      not null,
    primary key (stream_id, tag, seq),
    foreign key (stream_id, tag) references tag_status (stream_id, tag) on delete cascade
);

create index tag_event_image on tag_event (image);

-- Image objects (cluster-scoped), keyed by digest.
create table image (
    name             text        primary key,
    uid              uuid        not null unique,
    resource_version bigint      not null,
    created_at       timestamptz not null,
    body             jsonb       not null
);
