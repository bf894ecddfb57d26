-- Who may read an entry travels to the submission service as handinhand.assignments.changed; each
-- case counts its changes so a consumer can drop an older snapshot arriving after a newer one.
-- Only written by "update ... set readers_revision = readers_revision + 1" (never through the entity),
-- so two transactions changing one entry's jurors get consecutive numbers in commit order.
alter table jury_case add column readers_revision bigint not null default 0;

-- An entry imported from a legacy text export, and the lines of it the parser could not place:
-- the jury reads them with the case.
alter table jury_case add column imported boolean not null default false;
alter table jury_case add column unplaced jsonb not null default '[]'::jsonb;

-- A juror's own cases across all calls (the list without callId); (call_id, juror) serves the rest.
create index assignment_juror on assignment (juror, case_id);
