-- Prune commands already applied, so a re-delivered command changes nothing. For PruneRevisions the length of
-- the tag's history after the prune is kept: a later restore puts the entries back below anything newer.
create table prune_command (
    run_id               text        not null,
    kind                 text        not null check (kind in ('PruneRevisions', 'RestoreRevisions', 'DeleteImages')),
    namespace            text        not null,
    stream               text        not null,
    tag                  text        not null,
    history_length_after integer,
    applied_at           timestamptz not null default now(),
    primary key (run_id, kind, namespace, stream, tag)
);
