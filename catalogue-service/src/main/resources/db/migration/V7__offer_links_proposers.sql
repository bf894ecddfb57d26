-- Offices and proposers (issue 11): an offer's web address and further links; who proposed it by
-- the token's subject (stable, unlike a user name that an administrator may rename or give to
-- someone else later); the municipality whose entry an offer was derived from, so the entry's
-- submitters find their proposals.

alter table offer
    add column website                text,                                   -- absolute http(s) URL, ASCII
    add column links                  jsonb not null default '[]'::jsonb,     -- [{"label": "...", "url": "..."}]
    add column proposed_by_sub        text,
    add column origin_municipality_id varchar(12);

-- "My proposals": by subject, by user name for proposals recorded before the subject was, and by
-- the entering municipality for offers derived from entries; each newest first.
create index offer_proposer_sub on offer (proposed_by_sub, created_at desc) where proposed_by_sub is not null;
create index offer_proposer_name on offer (proposed_by, created_at desc) where proposed_by_sub is null;
create index offer_origin_municipality on offer (origin_municipality_id, created_at desc)
    where origin_municipality_id is not null;
