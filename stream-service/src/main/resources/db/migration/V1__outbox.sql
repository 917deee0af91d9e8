-- Transactional outbox: every committed change writes its event here in the same transaction;
-- a relay publishes rows to Kafka in sequence order (at-least-once) and marks them published.
create table outbox_event (
    seq          bigserial    primary key,
    id           uuid         not null unique,
    topic        text         not null,
    event_key    text         not null,
    type         text         not null,
    subject      text,
    payload      jsonb        not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
