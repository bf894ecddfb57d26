-- Funded projects of Kreis-run funding calls (issue 16): a funded project becomes a proposed offer
-- of its Kreis when its project starts. What the catalogue needs of the entry (from
-- handinhand.submission.submitted) and its grant (from handinhand.results.published) meet here,
-- in either order; the offer is created once both are known and the start day has come, by the
-- event handlers or by the daily job (rows claimed with FOR UPDATE SKIP LOCKED, so two instances
-- never both create it; the offer's unique origin guards it once more).
create table funded_project (
    submission_id    uuid primary key,
    call_id          uuid,
    entry_version    integer,                 -- version of the entry the data below is from
    title            text,                    -- null until the entry's data arrived
    description      text,
    organisation     text,                    -- the applicant's initiative or association, if any
    municipality_id  varchar(12),
    municipality     text,
    kreis_id         varchar(12),
    fields           text[],
    target_groups    text[],
    project_start    date,                    -- Europe/Berlin calendar day
    project_end      date,
    grant_cents      bigint,                  -- the decided grant; null until the results arrived
    results_revision integer not null default 0,
    withdrawn        boolean not null default false, -- the entry was withdrawn (a later version undoes it)
    offer_id         uuid                     -- the proposal, once created (it then stays; the office decides)
);

-- The job's work: funded, not yet proposed, by start day.
create index funded_project_due on funded_project (project_start)
    where offer_id is null and grant_cents > 0 and not withdrawn;
