-- Closing the loop of a Kreis's funding programme: the grants of the published results, and the
-- final reports of funded projects.

-- The latest published results of each call as far as this service needs them
-- (handinhand.results.published): its revision, and per entry the decided grant. A lower revision
-- than the stored one is ignored. No foreign keys: results naming an entry this database does not
-- know are kept, not failed.
create table call_result (
    call_id      uuid        primary key,
    revision     integer     not null,
    published_at timestamptz,
    applied_at   timestamptz not null
);

create table entry_grant (
    submission_id uuid    primary key,
    call_id       uuid    not null,
    revision      integer not null,
    grant_cents   bigint  check (grant_cents is null or grant_cents >= 0)  -- null: a competition's entry
);
create index entry_grant_call on entry_grant (call_id) where grant_cents > 0;

-- A funded project's final report (form PROJEKTBERICHT): a draft its organisation writes after the
-- project's end, then submitted once.
create table final_report (
    submission_id uuid        primary key references submission (id),
    status        varchar(16) not null check (status in ('DRAFT', 'SUBMITTED')),
    answers       jsonb       not null default '{}'::jsonb,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    submitted_at  timestamptz,
    submitted_by  text,
    lock_version  integer     not null default 0,
    check ((status = 'SUBMITTED') = (submitted_at is not null and submitted_by is not null))
);
