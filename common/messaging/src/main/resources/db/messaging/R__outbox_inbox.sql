-- The tables of common-messaging, for every service that lists classpath:db/messaging in
-- quarkus.flyway.locations: the transactional outbox (OutboxWriter, OutboxRelay) and the inbox of
-- processed event ids (Inbox, EventDispatcher), and the indexes the purge (MessagingPurge) needs.
--
-- A repeatable migration, so the schema has one definition for all services without taking
-- version numbers from theirs: Flyway runs it after the versioned migrations whenever its text
-- changes. It must therefore stay idempotent: "if not exists" on everything, and a change is an
-- added statement that is idempotent too (add column if not exists, create index if not exists).
-- Databases whose V1/V2 created these tables before this file existed take it as a no-op.

create table if not exists outbox_event (
    seq            bigint generated always as identity primary key,
    id             uuid        not null unique,   -- the CloudEvents id
    topic          text        not null,
    aggregate_id   text        not null,          -- the Kafka key and the CloudEvents subject
    type           text        not null,
    payload        text        not null,          -- the CloudEvent, structured JSON
    correlation_id text,
    traceparent    text,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);
create index if not exists outbox_event_pending on outbox_event (aggregate_id, seq) where published_at is null;
create index if not exists outbox_event_pending_seq on outbox_event (seq) where published_at is null;
create index if not exists outbox_event_published on outbox_event (published_at) where published_at is not null;

create table if not exists processed_event (
    consumer     text        not null,
    event_id     text        not null,
    type         text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index if not exists processed_event_processed_at on processed_event (processed_at);
