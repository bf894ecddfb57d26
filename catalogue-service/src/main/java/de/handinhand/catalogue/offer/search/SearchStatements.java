package de.handinhand.catalogue.offer.search;

import java.sql.Date;
import java.util.List;

/**
 * The SQL of a public search, built apart from its execution so that the benchmark can run the
 * very same statements through pgbench: the page (with the total), the count for a page past the
 * end, and the disjunctive facet counts. Codes go in as the texts the columns store.
 */
public final class SearchStatements {

    static final double EARTH_KM = 6371.0088;

    /**
     * The text query: each word's German stem, as a prefix. The index holds both the stems and the
     * folded words themselves, so "Sprachkurse" (stem sprachkurs) finds the word "sprachkurs" and
     * "Sprachkurs" (stem sprachkur) finds "sprachkurse": the German stemmer alone gives the two
     * different stems. Stems under four letters must match whole. Only stop words: no text filter.
     * {@code offer_query} (migration V5) is immutable, so PostgreSQL folds it to a constant and
     * the "no words" branch away, and the GIN index on the vector serves the match.
     */
    public static final String QUERY = ", (select offer_query(?)) as query(q)";
    public static final List<String> DIMENSIONS = List.of("field", "kreis", "targetGroup", "language");

    private SearchStatements() {
    }

    /** Joins the search words as {@code query(q)} (see {@link #QUERY}); nothing without words. */
    public static void words(Sql sql, String text) {
        if (text != null) {
            sql.append(QUERY, Folding.fold(text));
        }
    }

    public static Sql page(SearchQuery q) {
        Sql sql = new Sql("select o.id, count(*) over () as total, ");
        if (q.geo()) {
            sql.append("(select min(").append(distance("l")).append(") from offer_location l where l.offer_id = o.id)",
                    q.area().lat(), q.area().lat(), q.area().lon());
        } else {
            sql.append("null::float8");
        }
        sql.append(" as distance from offer o");
        words(sql, q.text());
        sql.append(" where ");
        common(sql, q);
        for (String dimension : DIMENSIONS) {
            dimension(sql, q, dimension, "o");
        }
        sql.append(" order by ");
        switch (q.sort()) {
            case RELEVANCE -> sql.append(q.text() != null ? "coalesce(ts_rank_cd(o.search, query.q), 0) desc, " : "")
                    .append("o.updated_at desc");
            case TITLE -> sql.append("o.title_sort");
            case DISTANCE -> sql.append("distance");
            case UPDATED -> sql.append("o.updated_at desc");
        }
        sql.append(", o.id limit ? offset ?", q.size(), (long) q.page() * q.size());
        return sql;
    }

    public static Sql count(SearchQuery q) {
        Sql sql = new Sql("select count(*) from offer o");
        words(sql, q.text());
        sql.append(" where ");
        common(sql, q);
        for (String dimension : DIMENSIONS) {
            dimension(sql, q, dimension, "o");
        }
        return sql;
    }

    /** One statement for all four dimensions; each dimension's counts leave out its own filter. */
    public static Sql facets(SearchQuery q) {
        Sql sql = new Sql("with base as (select o.kreis_id, o.fields, o.target_groups, o.languages from offer o");
        words(sql, q.text());
        sql.append(" where ");
        common(sql, q);
        sql.append(") ");
        String[][] parts = {
                {"field", "select 'field' as dimension, v as value, count(*) as n from base, unnest(base.fields) v"},
                {"kreis", "select 'kreis', base.kreis_id, count(*) from base"},
                {"targetGroup", "select 'targetGroup', v, count(*) from base, unnest(base.target_groups) v"},
                {"language", "select 'language', v, count(*) from base, unnest(base.languages) v"}};
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sql.append(" union all ");
            }
            sql.append(parts[i][1]).append(" where true");
            for (String other : DIMENSIONS) {
                if (!other.equals(parts[i][0])) {
                    dimension(sql, q, other, "base");
                }
            }
            sql.append(" group by 2");
        }
        return sql;
    }

    /** The filters every part of a search shares: status, text, municipality, cost, dates, radius. */
    private static void common(Sql sql, SearchQuery q) {
        sql.append("o.status = 'PUBLISHED'");
        if (q.text() != null) {
            sql.append(" and (query.q is null or o.search @@ query.q)");
        }
        if (q.municipality() != null) {
            sql.append(" and lower(o.municipality) = lower(?)", q.municipality());
        }
        if (q.free() != null) {
            sql.append(" and o.free = ?", q.free());
        }
        if (q.validOn() != null) {
            Date day = Date.valueOf(q.validOn());
            sql.append(" and (o.valid_from is null or o.valid_from <= ?) and (o.valid_until is null or o.valid_until >= ?)",
                    day, day);
        }
        if (q.notExpiredOn() != null) {
            sql.append(" and (o.valid_until is null or o.valid_until >= ?)", Date.valueOf(q.notExpiredOn()));
        }
        if (q.geo()) {
            SearchQuery.Circle area = q.area();
            double dLat = area.radiusKm() / 111.2;
            double cos = Math.max(Math.cos(Math.toRadians(area.lat())), 0.01);
            double dLon = Math.min(area.radiusKm() / (111.32 * cos), 180);
            sql.append(" and exists (select 1 from offer_location l where l.offer_id = o.id"
                            + " and l.lat between ? and ? and l.lon between ? and ? and ",
                    area.lat() - dLat, area.lat() + dLat, area.lon() - dLon, area.lon() + dLon)
                    .append(distance("l"), area.lat(), area.lat(), area.lon())
                    .append(" <= ?)", area.radiusKm());
        }
    }

    /** One facet dimension's filter, on the offer ({@code o}) or the facet base ({@code base}). */
    private static void dimension(Sql sql, SearchQuery q, String dimension, String alias) {
        switch (dimension) {
            case "field" -> {
                if (q.field() != null) {
                    sql.append(" and " + alias + ".fields @> array[?]::text[]", q.field().name());
                }
            }
            case "kreis" -> {
                if (q.kreis() != null) {
                    sql.append(" and " + alias + ".kreis_id = ?", q.kreis());
                }
            }
            case "targetGroup" -> {
                if (q.targetGroup() != null) {
                    sql.append(" and " + alias + ".target_groups @> array[?]::text[]", q.targetGroup().name());
                }
            }
            case "language" -> {
                if (q.language() != null) {
                    sql.append(" and " + alias + ".languages @> array[?]::text[]", q.language().code());
                }
            }
            default -> throw new IllegalArgumentException(dimension);
        }
    }

    /** Great-circle distance in km from (?, lon ?) — parameters lat, lat, lon — to the location's point. */
    private static String distance(String location) {
        return "(2 * " + EARTH_KM + " * asin(sqrt(power(sin(radians(" + location + ".lat - ?) / 2), 2)"
                + " + cos(radians(?)) * cos(radians(" + location + ".lat))"
                + " * power(sin(radians(" + location + ".lon - ?) / 2), 2))))";
    }

}
