-- The page cache of the SQL search engine learns of changes from the change log (offer_search_log,
-- V9) now, no longer from the catalogue_version row: that row was updated by every transaction that
-- wrote an offer and stayed locked until its commit, so every offer write of the catalogue (publishers,
-- the event consumers, expiry) waited for the one before it. The log's sequence needs no lock; its
-- readers wait for the gaps a late commit leaves instead (ChangeLogCursor, ChangeFollower).
drop trigger offer_changed on offer;
drop function bump_catalogue_version();
drop table catalogue_version;
