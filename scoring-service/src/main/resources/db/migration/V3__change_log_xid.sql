-- The change feed without a global writer lock: every change row carries the id of the transaction
-- that wrote it. A reader hands out only rows of transactions older than every transaction still
-- running (pg_snapshot_xmin), ordered by (transaction id, seq): later commits always come after
-- the cursor, so nothing is skipped, and sheet saves no longer queue behind one lock.
alter table change_log add column xid xid8 not null default pg_current_xact_id();
create index change_log_position on change_log ((xid::text::numeric), seq);
