-- Commands to stream-service, written in the transaction that decides them and sent by the command relay in
-- order: a send that fails is retried on the relay's next round, never lost. The CloudEvents id stays the same
-- on every retry; stream-service applies each command once.
create table command_outbox (
    seq        bigserial   primary key,
    id         uuid        not null,
    run_id     uuid        not null references prune_run (id) on delete cascade,
    type       text        not null,
    key        text        not null,
    -- PruneRevisions: the tag it prunes, so a run's commands can be told apart
    tag        text,
    payload    text        not null,
    created_at timestamptz not null,
    sent_at    timestamptz,
    attempts   integer     not null default 0,
    last_error text,
    -- a run that gave up waiting cancels what it had not sent yet
    cancelled  boolean     not null default false
);

create index command_outbox_pending on command_outbox (seq) where sent_at is null and not cancelled;
create index command_outbox_run on command_outbox (run_id);

-- since when a confirmed run waits for its commands' outcomes: it fails when they do not come in time
alter table prune_run add column applying_since timestamptz;
