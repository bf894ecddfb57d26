-- Calls, the municipality registry, submissions with their submitted versions, and the outbox.

create table municipality (
    id          varchar(12) primary key,          -- the official AGS key
    name        text        not null,
    type        varchar(16) not null check (type in ('STADT', 'GEMEINDE', 'LANDKREIS')),
    bundesland  varchar(2)  not null,             -- ISO 3166-2:DE subdivision, e.g. BY
    kreis_id    varchar(12) not null,             -- its Kreis; a Landkreis is its own Kreis
    population  integer     check (population is null or population >= 0),
    created_at  timestamptz not null default now()
);

create table competition_call (
    id            uuid primary key,
    title         text        not null,
    kind          varchar(16) not null check (kind in ('COMPETITION', 'FUNDING', 'DIALOG_REPORT')),
    form_template varchar(40) not null,
    opens_at      timestamptz not null,
    deadline      timestamptz not null,
    jury_ends_at  timestamptz not null,
    results_at    timestamptz,
    categories    text[]      not null,
    budget_cents  bigint      check (budget_cents is null or budget_cents > 0),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    lock_version  integer     not null default 0,
    check (opens_at < deadline and deadline < jury_ends_at)
);
create index competition_call_opens on competition_call (opens_at desc);

create table submission (
    id              uuid primary key,
    call_id         uuid        not null references competition_call (id),
    municipality_id varchar(12) not null references municipality (id),
    category        varchar(40),
    status          varchar(16) not null check (status in ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    version         integer     not null default 0,   -- number of submits; 0 = never submitted
    title           text        not null,
    summary         text,
    description     text,
    answers         jsonb       not null default '{}'::jsonb,
    projects        jsonb       not null default '[]'::jsonb,
    submitted_at    timestamptz,
    withdrawn_at    timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    created_by      text        not null,
    lock_version    integer     not null default 0,
    constraint submission_one_per_municipality unique (call_id, municipality_id)
);
create index submission_municipality on submission (municipality_id);

-- Every submit freezes the entry as it was; earlier versions stay readable.
create table submission_version (
    submission_id uuid        not null references submission (id),
    version       integer     not null,
    snapshot      jsonb       not null,
    submitted_at  timestamptz not null,
    submitted_by  text        not null,
    primary key (submission_id, version)
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
