-- The version of a call's ranking: how many committed transactions changed anything a ranking is built
-- from (cases, score sheets, assignments, criteria, the jury's settings, the call's categories). Each
-- instance keeps the ranking it computed keyed by this version, so a read on one instance after a write
-- on another sees the new version and recomputes; nothing is kept that the database does not vouch for.
--
-- Written by triggers, so no writer can forget it and it commits with the change itself. The counter is
-- split into shards (one per transaction, by transaction id) so that jurors saving sheets of the same
-- call side by side do not queue on one row; the version is the sum over the shards. Every bump adds 1
-- and a later snapshot sees every commit an earlier one saw, so two snapshots that differ in anything a
-- ranking reads differ in the sum.
create table ranking_version (
    call_id  uuid     not null,
    shard    smallint not null,
    n        bigint   not null,
    primary key (call_id, shard)
);

create function ranking_bump_new() returns trigger language plpgsql as $$
begin
    insert into ranking_version (call_id, shard, n)
    select distinct call_id, (pg_current_xact_id()::text::bigint % 64)::smallint, 1
      from new_rows where call_id is not null
     order by call_id
    on conflict (call_id, shard) do update set n = ranking_version.n + 1;
    return null;
end $$;

create function ranking_bump_old() returns trigger language plpgsql as $$
begin
    insert into ranking_version (call_id, shard, n)
    select distinct call_id, (pg_current_xact_id()::text::bigint % 64)::smallint, 1
      from old_rows where call_id is not null
     order by call_id
    on conflict (call_id, shard) do update set n = ranking_version.n + 1;
    return null;
end $$;

-- call_info names its key id.
create function ranking_bump_call_new() returns trigger language plpgsql as $$
begin
    insert into ranking_version (call_id, shard, n)
    select distinct id, (pg_current_xact_id()::text::bigint % 64)::smallint, 1 from new_rows order by id
    on conflict (call_id, shard) do update set n = ranking_version.n + 1;
    return null;
end $$;

create function ranking_bump_call_old() returns trigger language plpgsql as $$
begin
    insert into ranking_version (call_id, shard, n)
    select distinct id, (pg_current_xact_id()::text::bigint % 64)::smallint, 1 from old_rows order by id
    on conflict (call_id, shard) do update set n = ranking_version.n + 1;
    return null;
end $$;

-- Statement-level with transition tables: an AUTO assignment of 5,000 pairs bumps once, not 5,000 times.
create trigger score_sheet_ranking_ins after insert on score_sheet
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger score_sheet_ranking_upd after update on score_sheet
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger score_sheet_ranking_del after delete on score_sheet
    referencing old table as old_rows for each statement execute function ranking_bump_old();

create trigger assignment_ranking_ins after insert on assignment
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger assignment_ranking_upd after update on assignment
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger assignment_ranking_del after delete on assignment
    referencing old table as old_rows for each statement execute function ranking_bump_old();

create trigger jury_case_ranking_ins after insert on jury_case
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger jury_case_ranking_upd after update on jury_case
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger jury_case_ranking_del after delete on jury_case
    referencing old table as old_rows for each statement execute function ranking_bump_old();

create trigger criterion_ranking_ins after insert on criterion
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger criterion_ranking_upd after update on criterion
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger criterion_ranking_del after delete on criterion
    referencing old table as old_rows for each statement execute function ranking_bump_old();

create trigger jury_call_ranking_ins after insert on jury_call
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger jury_call_ranking_upd after update on jury_call
    referencing new table as new_rows for each statement execute function ranking_bump_new();
create trigger jury_call_ranking_del after delete on jury_call
    referencing old table as old_rows for each statement execute function ranking_bump_old();

create trigger call_info_ranking_ins after insert on call_info
    referencing new table as new_rows for each statement execute function ranking_bump_call_new();
create trigger call_info_ranking_upd after update on call_info
    referencing new table as new_rows for each statement execute function ranking_bump_call_new();
create trigger call_info_ranking_del after delete on call_info
    referencing old table as old_rows for each statement execute function ranking_bump_call_old();
