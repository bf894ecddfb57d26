-- A counter that every change to the offer table moves on, in the changing transaction: the search
-- cache of each instance compares it with the version its cached pages were computed at, so no
-- instance serves a page older than the last committed change for longer than its check interval.
create table catalogue_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into catalogue_version (id, version) values (true, 0);

create function bump_catalogue_version() returns trigger language plpgsql as $$
begin
    update catalogue_version set version = version + 1;
    return null;
end
$$;

create trigger offer_changed after insert or update or delete on offer
    for each statement execute function bump_catalogue_version();
