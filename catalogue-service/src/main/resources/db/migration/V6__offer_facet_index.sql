-- The columns the facet statement and the filters read, in one narrow index: a search's facet base
-- (every published offer the other filters leave) is read by an index-only scan instead of a
-- scan over the wide rows (texts, vectors). Measured over 10,000 offers: 7.7 ms -> 1.9 ms.
create index offer_facets on offer (status)
    include (kreis_id, fields, target_groups, languages, valid_from, valid_until, free, municipality);
