-- Kreis-run calls: the Kreis that runs a call (kreisId of handinhand.call.published); an organizer
-- whose token carries kreis_id runs only these. Null for calls not run by a Kreis.
alter table call_info add column kreis_id varchar(12);
create index call_info_kreis on call_info (kreis_id) where kreis_id is not null;

-- The committee's decision on a FUNDING call's grants, one line per entry. It starts from the
-- computed allocation (kept beside each line, with the allocation's reason, so a deviation stays
-- visible), is edited until the results are published (jury_call.results_published_at), and is final
-- from then on.
create table decision_line (
    call_id           uuid         not null,
    submission_id     uuid         not null,
    computed_cents    bigint       not null check (computed_cents >= 0),
    computed_decision varchar(32)  not null,
    computed_reason   text         not null,
    grant_cents       bigint       not null check (grant_cents >= 0),
    reason            text,
    changed_by        varchar(100) not null,
    changed_at        timestamptz  not null,
    primary key (call_id, submission_id)
);

-- Every change of a line, oldest first: who, when, the grant before (null when the line started
-- from the computation) and after, and why.
create table decision_change (
    seq            bigint generated always as identity primary key,
    call_id        uuid         not null,
    submission_id  uuid         not null,
    changed_by     varchar(100) not null,
    changed_at     timestamptz  not null,
    old_cents      bigint,
    new_cents      bigint       not null,
    reason         text
);
create index decision_change_call on decision_change (call_id, seq);
