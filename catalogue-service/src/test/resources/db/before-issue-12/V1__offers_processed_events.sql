-- The integration-offer database (Angebote der Integration) and the consumer inbox.

create table offer (
    id                   uuid primary key,
    kreis_id             varchar(12) not null,
    municipality         text,
    title                jsonb       not null,              -- {"de": "...", "en": "..."}; German required
    description          jsonb       not null default '{}'::jsonb,
    provider             text,
    fields               text[]      not null default '{}',  -- fields of action (Handlungsfelder)
    target_groups        text[]      not null default '{}',
    languages            text[]      not null default '{}',  -- languages the offer is given in
    free                 boolean     not null default true,
    cost_cents           bigint      check (cost_cents is null or cost_cents >= 0),
    valid_from           date,
    valid_until          date,
    locations            jsonb       not null default '[]'::jsonb,
    contacts             jsonb       not null default '[]'::jsonb,
    schedule             text,
    accessibility        text,
    status               varchar(16) not null check (status in ('PROPOSED', 'PUBLISHED', 'ARCHIVED')),
    good_practice        boolean     not null default false,
    award_winner         boolean     not null default false,
    origin_submission_id uuid,                               -- set for offers derived from an entry
    origin_project       integer,                            -- 1-based single project of that entry
    origin_version       integer,                            -- entry version the offer was derived from
    proposed_by          text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    last_confirmed_at    timestamptz,
    lock_version         integer     not null default 0,
    constraint offer_origin_unique unique (origin_submission_id, origin_project),
    check (valid_from is null or valid_until is null or valid_from <= valid_until)
);
create index offer_kreis_status on offer (kreis_id, status);
create index offer_status_updated on offer (status, updated_at desc);

-- Inbox (common-messaging): ids of processed events, written with their effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    type         text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
