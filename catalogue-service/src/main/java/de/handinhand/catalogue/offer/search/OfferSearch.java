package de.handinhand.catalogue.offer.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
            Sql page = SearchStatements.page(q);
            try (PreparedStatement p = page.prepare(c); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    total = r.getLong("total");
                    // wasNull() speaks of the column read last: asked right after the distance, before the id.
                    double distance = r.getDouble("distance");
                    Double km = r.wasNull() ? null : round(distance);
                    hits.add(new Hit(r.getObject("id", UUID.class), km));
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

    private long count(Connection c, SearchQuery q) throws SQLException {
        try (PreparedStatement p = SearchStatements.count(q).prepare(c); ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<String, Map<String, Long>> facets(Connection c, SearchQuery q) throws SQLException {
        Sql sql = SearchStatements.facets(q);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        SearchStatements.DIMENSIONS.forEach(d -> facets.put(d, new LinkedHashMap<>()));
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

    private static double round(double km) {
        return Math.round(km * 100) / 100.0;
    }
}
