-- The projection of stream-service's change log (image-stream-events) that plans are made from.
-- Every table here is rebuilt from the topic by POST /api/v1/projection/rebuild.

-- Events already applied (CloudEvents id), so a re-delivered event changes nothing.
create table projection_event (
    event_id   text        primary key,
    applied_at timestamptz not null default now()
);

-- Spec tags: a tag naming an image by digest pins it.
create table spec_tag (
    namespace      text not null,
    stream         text not null,
    tag            text not null,
    from_kind      text,
    from_namespace text,
    from_name      text,
    primary key (namespace, stream, tag)
);

-- Tag history as rows; seq grows with each new entry, so position 0 (the current image) has the highest seq.
create table history_entry (
    namespace              text        not null,
    stream                 text        not null,
    tag                    text        not null,
    seq                    bigint      not null,
    image                  text,
    docker_image_reference text        not null,
    pull_spec              text,
    created                timestamptz,
    generation             bigint      not null default 0,
    primary key (namespace, stream, tag, seq)
);

create index history_entry_image on history_entry (image);

-- Image objects as far as the events describe them.
create table image (
    digest                 text        primary key,
    size                   bigint,
    manifests              text[],
    docker_image_reference text,
    first_seen             timestamptz not null
);

-- The projection's own state: live, or being rebuilt from the beginning of the topic.
create table projection_state (
    id          integer     primary key check (id = 1),
    state       text        not null,
    started_at  timestamptz,
    finished_at timestamptz,
    events_read bigint      not null default 0,
    events_total bigint     not null default 0,
    error       text
);

insert into projection_state (id, state) values (1, 'Live');
