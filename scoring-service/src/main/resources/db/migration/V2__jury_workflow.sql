-- The jury's workflow: criteria, jurors and their conflicts, assignments, score sheets and the change
-- feed. The outbox for handinhand.results.published comes from common-messaging (db/messaging).

-- What a funding entry asks for and the call kind it was entered to (from the submitted event).
alter table jury_case add column requested_cents bigint;
alter table jury_case add column call_kind varchar(16);

-- The jury's own settings of a call (the call's dates stay in call_info, owned by submission-service).
create table jury_call (
    call_id                 uuid primary key,
    assignment_seed         bigint,
    disagreement_threshold  double precision,   -- null: the configured default
    results_published_at    timestamptz,
    results_event_id        uuid,
    updated_at              timestamptz not null
);

create table criterion (
    id         uuid primary key,
    call_id    uuid        not null,
    code       varchar(40) not null,
    label      text        not null,
    weight     double precision not null check (weight > 0),
    scale_min  integer     not null,
    scale_max  integer     not null,
    position   integer     not null,
    unique (call_id, code),
    check (scale_max > scale_min)
);

create table call_juror (
    id        uuid primary key,
    call_id   uuid         not null,
    username  varchar(100) not null,
    unique (call_id, username)
);

-- A juror's declared conflicts of interest, for every call.
create table juror_conflict (
    id        uuid primary key,
    username  varchar(100) not null,
    kind      varchar(16)  not null check (kind in ('MUNICIPALITY', 'KREIS', 'BUNDESLAND')),
    code      varchar(12)  not null,
    unique (username, kind, code)
);

create table assignment (
    id          uuid primary key,
    case_id     uuid         not null references jury_case (id),
    call_id     uuid         not null,
    juror       varchar(100) not null,
    mode        varchar(8)   not null check (mode in ('MANUAL', 'AUTO')),
    created_at  timestamptz  not null,
    unique (case_id, juror)
);
create index assignment_call_juror on assignment (call_id, juror);

-- One juror's scores for one case; scores is a JSON list of {criterion, points, notApplicable, comment}.
create table score_sheet (
    id            uuid primary key,
    case_id       uuid         not null references jury_case (id),
    call_id       uuid         not null,
    juror         varchar(100) not null,
    entry_version integer      not null,   -- the entry version the juror scored
    final         boolean      not null,
    finalized_at  timestamptz,
    scores        jsonb        not null,
    updated_at    timestamptz  not null,
    unique (case_id, juror)
);
create index score_sheet_call on score_sheet (call_id);

-- The change feed for jury tools; writers serialise on an advisory lock so seq commits in order.
create table change_log (
    seq            bigint generated always as identity primary key,
    call_id        uuid,
    case_id        uuid,
    submission_id  uuid,
    juror          varchar(100),
    kind           varchar(32) not null,
    at             timestamptz not null
);
