-- Kreis-run funding calls (the Heilbronn model): the Kreis that runs a call, and entries of local
-- initiatives and associations (applicants).

-- The Kreis (5-digit AGS key) whose organizers run the call and from which alone it takes entries;
-- null for a call no Kreis runs.
alter table competition_call add column kreis_id varchar(5) check (kreis_id is null or kreis_id ~ '^[0-9]{5}$');
create index competition_call_kreis on competition_call (kreis_id) where kreis_id is not null;

-- An applicant's entry names its organisation; municipality_id is then the Gemeinde it works in.
-- A municipality's own entry has none. One entry per municipality and call for municipalities, one
-- per organisation (in its Gemeinde) and call for applicants: a Gemeinde's entry and the entries of
-- the initiatives working in it do not exclude each other.
alter table submission
    add column organisation text check (organisation is null or length(btrim(organisation)) between 1 and 200);
alter table submission drop constraint submission_one_per_municipality;
create unique index submission_one_per_municipality on submission (call_id, municipality_id)
    where organisation is null;
create unique index submission_one_per_organisation on submission (call_id, municipality_id, organisation)
    where organisation is not null;
