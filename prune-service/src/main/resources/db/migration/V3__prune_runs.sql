-- Prune runs: their parameters, state, counts and plan (every history entry and image, kept or removed, with reasons).
create table prune_run (
    id                        uuid        primary key,
    namespace                 text,
    keep_tag_revisions        integer     not null,
    keep_younger_than_seconds bigint      not null,
    ignore_invalid_references boolean     not null,
    confirm                   boolean     not null,
    state                     text        not null,
    in_use_check              text        not null,
    created_at                timestamptz not null,
    finished_at               timestamptz,
    undoable_until            timestamptz,
    undone_at                 timestamptz,
    -- None (namespaced or dry run), Waiting (for the undo window), Sent, Skipped (undone)
    image_deletion            text        not null default 'None',
    plan_millis               bigint,
    error                     text,
    counts                    jsonb       not null default '{}',
    plan                      jsonb
);

create index prune_run_created on prune_run (created_at desc);

-- One PruneRevisions command per tag of a confirmed run, and its outcome from HistoryPruned / HistoryRestored.
create table run_command (
    run_id    uuid    not null references prune_run (id) on delete cascade,
    namespace text    not null,
    stream    text    not null,
    tag       text    not null,
    planned   jsonb   not null,
    applied   boolean not null default false,
    removed   jsonb,
    restored  jsonb,
    primary key (run_id, namespace, stream, tag)
);

-- Images a run deletes: the outcome per image, including the registry clean-up.
create table run_image (
    run_id          uuid    not null references prune_run (id) on delete cascade,
    digest          text    not null,
    size            bigint,
    repository      text,
    deleted         boolean not null default false,
    registry_status text,
    registry_error  text,
    primary key (run_id, digest)
);

-- api or schedule: a policy's schedule starts a run when its cron time passed since its last scheduled run
alter table prune_run add column triggered_by text not null default 'api';
