-- The jury's view of calls and entries, built from submission events. The consumer inbox comes from
-- common-messaging (db/messaging), like the outbox.

create table call_info (
    id            uuid primary key,
    title         text        not null,
    kind          varchar(16) not null,
    deadline      timestamptz not null,
    jury_ends_at  timestamptz not null,
    results_at    timestamptz,
    categories    text[]      not null,
    budget_cents  bigint,
    updated_at    timestamptz not null
);

-- One case per submitted entry ("case" is an SQL keyword, hence jury_case).
create table jury_case (
    id                uuid primary key,
    submission_id     uuid        not null unique,
    call_id           uuid        not null,
    municipality_id   varchar(12) not null,
    municipality_name text        not null,
    kreis_id          varchar(12) not null,
    bundesland        varchar(2)  not null,
    category          varchar(40),
    title             text        not null,
    summary           text,
    description       text,
    answers           jsonb       not null default '{}'::jsonb,
    projects          jsonb       not null default '[]'::jsonb,
    version           integer     not null,          -- the entry version the case shows
    status            varchar(16) not null check (status in ('ACTIVE', 'WITHDRAWN')),
    submitted_at      timestamptz not null,
    withdrawn_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index jury_case_call on jury_case (call_id, category);
