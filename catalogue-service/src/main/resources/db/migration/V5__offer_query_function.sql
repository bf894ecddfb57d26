-- The search words as a tsquery (each German stem as a prefix, see SearchStatements.QUERY), in an
-- immutable function: the planner folds it to a constant for the given words, so a search can use
-- the GIN index on offer.search instead of matching every offer's vector.
create function offer_query(words text) returns tsquery
    language sql immutable strict parallel safe
as $$
    select to_tsquery('simple', string_agg(case when length(lexeme) >= 4
               then quote_literal(lexeme) || ':*' else quote_literal(lexeme) end, ' & '))
    from unnest(to_tsvector('german'::regconfig, words))
$$;
