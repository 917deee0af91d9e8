-- The change log that watches read: every write of a stream (and image) records the object at its new
-- resourceVersion, so a client can resume a watch from any recent version. Old rows are trimmed by the service.
create table watch_event (
    resource_version bigint      primary key,
    resource         text        not null,
    namespace        text,
    name             text        not null,
    type             text        not null check (type in ('ADDED', 'MODIFIED', 'DELETED')),
    object           jsonb       not null,
    created_at       timestamptz not null default now()
);

create index watch_event_created_at on watch_event (created_at);
