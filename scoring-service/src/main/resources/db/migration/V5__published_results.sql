-- The results of a call as published, kept with the call: GET .../results used to read them back
-- from the outbox row of the results event, and published outbox rows are now purged.
alter table jury_call add column results jsonb;

-- Calls published before this version: copy the event's data from its outbox row. A database this
-- service created after the outbox moved to common-messaging has no outbox table yet at this point
-- (db/messaging runs after the versioned migrations), and nothing to copy either.
do $$
begin
    if to_regclass('outbox_event') is not null then
        execute 'update jury_call j set results = cast(o.payload as jsonb) -> ''data''
                   from outbox_event o
                  where o.id = j.results_event_id and j.results is null';
    end if;
end
$$;
