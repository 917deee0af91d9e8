-- A run's plan as rows, written while the plan is made (a plan over a million history entries is too big for one
-- document, and for the service's memory): every history entry (kind 'H') and, in runs over all namespaces, every
-- image (kind 'I'), in plan order, kept or removed, with the reasons as a bit mask (bit i = Planner.REASONS[i]).
create table run_item (
    run_id    uuid     not null references prune_run (id) on delete cascade,
    kind      char(1)  not null,
    ordinal   integer  not null,
    namespace text,
    stream    text,
    tag       text,
    position  integer,
    image     text,
    size      bigint,
    keep      boolean  not null,
    reasons   smallint not null,
    primary key (run_id, kind, ordinal)
);

-- prune_run.plan now holds only what the plan found besides its items: the invalid workload references
comment on column prune_run.plan is 'invalidReferences of the in-use check; the items are in run_item';
