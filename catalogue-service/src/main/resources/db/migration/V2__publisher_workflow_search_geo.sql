-- The publisher workflow (review, history, confirmation), German full-text search and geo search.

alter table offer drop constraint offer_status_check;
alter table offer add constraint offer_status_check
    check (status in ('PROPOSED', 'PUBLISHED', 'ARCHIVED', 'REJECTED'));

alter table offer
    -- Title, provider and description of every language, umlauts spelled out (ü -> ue) before the
    -- German stemmer sees them, so "Fluechtlinge" and "Flüchtlinge" meet; weights A, B, C.
    add column search       tsvector not null default ''::tsvector,
    add column title_sort   text     not null default '',   -- folded German title, for sort=title
    add column review_note  text,                           -- a publisher's reason for rejecting
    add column reviewed_by  text,
    add column reviewed_at  timestamptz;

create index offer_search on offer using gin (search);
create index offer_fields on offer using gin (fields);
create index offer_target_groups on offer using gin (target_groups);
create index offer_languages on offer using gin (languages);
create index offer_confirmation on offer (kreis_id, status, last_confirmed_at);

-- The coordinates of an offer's locations, for radius search without an extension: a bounding box
-- on this index first, the exact great-circle distance on what is left.
create table offer_location (
    offer_id uuid             not null references offer (id) on delete cascade,
    seq      integer          not null,
    lat      double precision not null check (lat between -90 and 90),
    lon      double precision not null check (lon between -180 and 180),
    primary key (offer_id, seq)
);
create index offer_location_lat_lon on offer_location (lat, lon);

-- Who changed what and when, per offer.
create table offer_change (
    id       bigint generated always as identity primary key,
    offer_id uuid        not null references offer (id) on delete cascade,
    at       timestamptz not null,
    by_user  text        not null,
    action   varchar(20) not null,
    fields   text[]      not null default '{}',
    note     text
);
create index offer_change_offer on offer_change (offer_id, id);

-- The outbox (outbox_event) for handinhand.offer.published comes from common-messaging (Flyway location
-- db/messaging); it stood here until issue 12.
