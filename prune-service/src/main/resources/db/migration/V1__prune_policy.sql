-- Prune policies: one row per namespace, and the default policy under the empty namespace ''.
-- Defaults match `oc adm prune images`: keep 3 revisions per tag and anything younger than 60 minutes.
create table prune_policy (
    namespace                 text        primary key,
    keep_tag_revisions        integer     not null default 3 check (keep_tag_revisions >= 0),
    keep_younger_than_seconds bigint      not null default 3600 check (keep_younger_than_seconds >= 0),
    ignore_invalid_references boolean     not null default false,
    schedule                  text,
    updated_at                timestamptz not null default now()
);

insert into prune_policy (namespace) values ('');
