-- The change log the search index of every catalogue instance follows: one row per written offer,
-- appended by a trigger in the writing transaction itself, so no code path (publish, edit, withdraw,
-- reject, expiry, funded projects, award winners, demo data, an operator's UPDATE) can change what
-- the search shows without a row. Instances keep the last sequence they applied and read on from
-- there; NOTIFY (delivered at commit) wakes them, a periodic poll covers a lost notification.
-- A row only names the offer: the follower reads the offer's committed state, so applying a row
-- twice or out of order does no harm.
create table offer_search_log (
    seq        bigserial   primary key,
    offer_id   uuid        not null,
    changed_at timestamptz not null default now()
);

create function log_offer_for_search() returns trigger language plpgsql as $$
begin
    insert into offer_search_log (offer_id) values (case when tg_op = 'DELETE' then old.id else new.id end);
    -- One notification per transaction: PostgreSQL folds equal payloads of one transaction.
    perform pg_notify('offer_search_log', '');
    return null;
end
$$;

create trigger offer_search_log_trigger after insert or update or delete on offer
    for each row execute function log_offer_for_search();

-- Rows older than a day are purged (SearchReadModel): by this index, not by a scan.
create index offer_search_log_changed on offer_search_log (changed_at);
