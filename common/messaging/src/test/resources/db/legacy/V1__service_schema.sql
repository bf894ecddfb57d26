-- A service's first migration as the services wrote them before common-messaging shipped the
-- outbox and inbox tables: its own table, then copies of both.
create table entry (
    id    uuid primary key,
    title text not null
);

-- Transactional outbox (common-messaging): written in the business transaction, drained by the relay.
create table outbox_event (
    seq            bigint generated always as identity primary key,
    id             uuid        not null unique,
    topic          text        not null,
    aggregate_id   text        not null,
    type           text        not null,
    payload        text        not null,        -- the CloudEvent, structured JSON
    correlation_id text,
    traceparent    text,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);
create index outbox_event_pending on outbox_event (aggregate_id, seq) where published_at is null;
create index outbox_event_pending_seq on outbox_event (seq) where published_at is null;

-- Inbox (common-messaging): ids of processed events, written with their effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    type         text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
