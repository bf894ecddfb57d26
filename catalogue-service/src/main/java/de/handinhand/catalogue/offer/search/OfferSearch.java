package de.handinhand.catalogue.offer.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public search in PostgreSQL: German full-text search on the weighted tsvector, filters,
 * a radius around a point (bounding box on the location index, then the great-circle distance)
 * and facet counts, in two statements. Facets are disjunctive: the counts of one dimension leave
 * out that dimension's own filter, so each count is the total the same search would have with
 * that value chosen instead.
 */
@ApplicationScoped
public class OfferSearch {

    static final double EARTH_KM = 6371.0088;

    /**
     * The text query: each word's German stem, as a prefix. The index holds both the stems and the
     * folded words themselves, so "Sprachkurse" (stem sprachkurs) finds the word "sprachkurs" and
     * "Sprachkurs" (stem sprachkur) finds "sprachkurse": the German stemmer alone gives the two
     * different stems. Stems under four letters must match whole. Only stop words: no text filter.
     */
    public static final String QUERY = ", (select to_tsquery('simple', string_agg(case when length(lexeme) >= 4"
            + " then quote_literal(lexeme) || ':*' else quote_literal(lexeme) end, ' & '))"
            + " from unnest(to_tsvector('german', ?))) as query(q)";
    static final List<String> DIMENSIONS = List.of("field", "kreis", "targetGroup", "language");

    private final AgroalDataSource dataSource;

    public OfferSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Hit(UUID id, Double distanceKm) {
    }

    public record Result(List<Hit> hits, long total, Map<String, Map<String, Long>> facets) {
    }

    public Result search(SearchQuery q) {
        try (Connection c = dataSource.getConnection()) {
            List<Hit> hits = new ArrayList<>();
            long total = 0;
            Sql page = page(q);
            try (PreparedStatement p = page.prepare(c); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    total = r.getLong("total");
                    double distance = r.getDouble("distance");
                    hits.add(new Hit(r.getObject("id", UUID.class), r.wasNull() ? null : round(distance)));
                }
            }
            if (hits.isEmpty() && q.page() > 0) {
                total = count(c, q);
            }
            return new Result(hits, total, facets(c, q));
        } catch (SQLException e) {
            throw new IllegalStateException("Offer search failed", e);
        }
    }

    private Sql page(SearchQuery q) {
        Sql sql = new Sql("select o.id, count(*) over () as total, ");
        if (q.geo()) {
            sql.append("(select min(").append(distance("l")).append(") from offer_location l where l.offer_id = o.id)",
                    q.lat(), q.lat(), q.lon());
        } else {
            sql.append("null::float8");
        }
        sql.append(" as distance from offer o");
        if (q.text() != null) {
            sql.append(QUERY, OfferIndex.fold(q.text()));
        }
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

    private long count(Connection c, SearchQuery q) throws SQLException {
        Sql sql = new Sql("select count(*) from offer o");
        if (q.text() != null) {
            sql.append(QUERY, OfferIndex.fold(q.text()));
        }
        sql.append(" where ");
        common(sql, q);
        for (String dimension : DIMENSIONS) {
            dimension(sql, q, dimension, "o");
        }
        try (PreparedStatement p = sql.prepare(c); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<String, Map<String, Long>> facets(Connection c, SearchQuery q) throws SQLException {
        Sql sql = new Sql("with base as (select o.kreis_id, o.fields, o.target_groups, o.languages from offer o");
        if (q.text() != null) {
            sql.append(QUERY, OfferIndex.fold(q.text()));
        }
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
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> facets.put(d, new LinkedHashMap<>()));
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement p = sql.prepare(c); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                rows.add(new Object[] {r.getString(1), r.getString(2), r.getLong(3)});
            }
        }
        // Largest first, then by code, so the order is stable.
        rows.sort((a, b) -> {
            int byCount = Long.compare((Long) b[2], (Long) a[2]);
            return byCount != 0 ? byCount : ((String) a[1]).compareTo((String) b[1]);
        });
        rows.forEach(row -> facets.get((String) row[0]).put((String) row[1], (Long) row[2]));
        return facets;
    }

    /** The filters every part of a search shares: status, text, municipality, cost, date, radius. */
    private void common(Sql sql, SearchQuery q) {
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
        if (q.geo()) {
            double dLat = q.radiusKm() / 111.2;
            double cos = Math.max(Math.cos(Math.toRadians(q.lat())), 0.01);
            double dLon = Math.min(q.radiusKm() / (111.32 * cos), 180);
            sql.append(" and exists (select 1 from offer_location l where l.offer_id = o.id"
                            + " and l.lat between ? and ? and l.lon between ? and ? and ",
                    q.lat() - dLat, q.lat() + dLat, q.lon() - dLon, q.lon() + dLon)
                    .append(distance("l"), q.lat(), q.lat(), q.lon())
                    .append(" <= ?)", q.radiusKm());
        }
    }

    /** One facet dimension's filter, on the offer ({@code o}) or the facet base ({@code base}). */
    private static void dimension(Sql sql, SearchQuery q, String dimension, String alias) {
        switch (dimension) {
            case "field" -> {
                if (q.field() != null) {
                    sql.append(" and " + alias + ".fields @> array[?]::text[]", q.field());
                }
            }
            case "kreis" -> {
                if (q.kreis() != null) {
                    sql.append(" and " + alias + ".kreis_id = ?", q.kreis());
                }
            }
            case "targetGroup" -> {
                if (q.targetGroup() != null) {
                    sql.append(" and " + alias + ".target_groups @> array[?]::text[]", q.targetGroup());
                }
            }
            case "language" -> {
                if (q.language() != null) {
                    sql.append(" and " + alias + ".languages @> array[?]::text[]", q.language());
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

    private static double round(double km) {
        return Math.round(km * 100) / 100.0;
    }

    /** SQL text with its positional parameters, appended together so they cannot drift apart. */
    public static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        public Sql(String start) {
            text.append(start);
        }

        public Sql append(String part, Object... values) {
            text.append(part);
            parameters.addAll(List.of(values));
            return this;
        }

        /** Appends another statement's text and parameters, as a subquery for instance. */
        public Sql append(Sql other) {
            text.append(other.text);
            parameters.addAll(other.parameters);
            return this;
        }

        public PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement p = c.prepareStatement(text.toString());
            for (int i = 0; i < parameters.size(); i++) {
                p.setObject(i + 1, parameters.get(i));
            }
            return p;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
