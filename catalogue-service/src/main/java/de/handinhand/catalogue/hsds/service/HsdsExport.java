package de.handinhand.catalogue.hsds.service;

import de.handinhand.catalogue.hsds.api.Hsds;
import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.Validity;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.search.SearchIndex;
import de.handinhand.catalogue.offer.search.SearchReadModel;
import de.handinhand.catalogue.offer.search.SearchStatements;
import de.handinhand.catalogue.offer.search.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads published offers for the HSDS export: services (offers) and organizations (their
 * providers), with the same German text matching as the public search, a lower bound on the last
 * change for incremental syncs, and pages in a stable order (last change, then id) so that a
 * consumer paging through a sync sees every record once.
 */
@ApplicationScoped
public class HsdsExport {

    public record Query(String search, Instant modifiedAfter, int page, int perPage) {
        int offset() {
            return (page - 1) * perPage;
        }
    }

    private final AgroalDataSource dataSource;
    private final OfferRepository offers;
    private final Clock clock;
    private final SearchReadModel search;

    public HsdsExport(AgroalDataSource dataSource, OfferRepository offers, Clock clock, SearchReadModel search) {
        this.dataSource = dataSource;
        this.offers = offers;
        this.clock = clock;
        this.search = search;
    }

    /** The services from the search index (the same words match as in the public search); SQL until it is built. */
    public Hsds.Page<Hsds.Service> services(Query q) {
        var index = search.index();
        if (index.isEmpty()) {
            return servicesBySql(q);
        }
        SearchIndex.Export found = index.get().export(q.search(), q.modifiedAfter() == null ? null
                : SearchIndex.micros(q.modifiedAfter()), q.offset(), q.perPage());
        return servicesPage(found.ids(), found.total(), q);
    }

    /** The services by SQL alone: the answer until the index is built, and the oracle of its test. */
    public Hsds.Page<Hsds.Service> servicesBySql(Query q) {
        Sql sql = new Sql("select o.id, count(*) over () as total from offer o");
        SearchStatements.words(sql, q.search());
        sql.append(" where o.status = 'PUBLISHED'");
        if (q.search() != null) {
            sql.append(" and (query.q is null or o.search @@ query.q)");
        }
        if (q.modifiedAfter() != null) {
            sql.append(" and o.updated_at >= ?", Timestamp.from(q.modifiedAfter()));
        }
        sql.append(" order by o.updated_at, o.id limit ? offset ?", q.perPage(), q.offset());
        List<UUID> ids = new ArrayList<>();
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = sql.prepare(c);
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                ids.add(r.getObject("id", UUID.class));
                total = r.getLong("total");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("HSDS service export failed", e);
        }
        if (ids.isEmpty() && q.page() > 1) {
            total = count("select count(*) from offer o", q, " and (query.q is null or o.search @@ query.q)",
                    " and o.updated_at >= ?");
        }
        return servicesPage(ids, total, q);
    }

    private Hsds.Page<Hsds.Service> servicesPage(List<UUID> ids, long total, Query q) {
        Map<UUID, Offer> found = new HashMap<>();
        if (!ids.isEmpty()) {
            offers.byIds(ids).forEach(o -> found.put(o.id, o));
        }
        LocalDate today = Validity.today(clock);
        List<Hsds.Service> contents = ids.stream().filter(found::containsKey)
                .map(id -> HsdsMapper.service(found.get(id), today)).toList();
        return page(contents, total, q);
    }

    public Optional<Hsds.Service> service(UUID id) {
        return offers.findByIdOptional(id).filter(o -> o.status == OfferStatus.PUBLISHED)
                .map(o -> HsdsMapper.service(o, Validity.today(clock)));
    }

    public Hsds.Page<Hsds.Organization> organizations(Query q) {
        Sql sql = organizationSql(q, null);
        sql.append(" order by o.provider limit ? offset ?", q.perPage(), q.offset());
        List<Hsds.Organization> contents = new ArrayList<>();
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement p = sql.prepare(c);
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                contents.add(organization(r));
                total = r.getLong("total");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("HSDS organization export failed", e);
        }
        if (contents.isEmpty() && q.page() > 1) {
            Sql count = new Sql("select count(*) from (").append(organizationSql(q, null))
                    .append(") as providers");
            total = single(count);
        }
        return page(contents, total, q);
    }

    /** The organization with this id: the provider name whose derived id it is, if any offer is published. */
    public Optional<Hsds.Organization> organization(UUID id) {
        String provider = null;
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "select distinct provider from offer where status = 'PUBLISHED' and provider is not null");
                ResultSet r = p.executeQuery()) {
            while (r.next() && provider == null) {
                if (HsdsMapper.organizationId(r.getString(1)).equals(id)) {
                    provider = r.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("HSDS organization lookup failed", e);
        }
        if (provider == null) {
            return Optional.empty();
        }
        Sql sql = organizationSql(new Query(null, null, 1, 1), provider);
        try (Connection c = dataSource.getConnection(); PreparedStatement p = sql.prepare(c);
                ResultSet r = p.executeQuery()) {
            return r.next() ? Optional.of(organization(r)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("HSDS organization lookup failed", e);
        }
    }

    private Sql organizationSql(Query q, String provider) {
        Sql sql = new Sql("select o.provider, count(*) as offers, array_agg(distinct"
                + " o.municipality) filter (where o.municipality is not null) as places, count(*) over () as total"
                + " from offer o");
        SearchStatements.words(sql, q.search());
        sql.append(" where o.status = 'PUBLISHED' and o.provider is not null");
        if (q.search() != null) {
            // Only the provider's words (weight B of the search vector), stemmed and folded like the search.
            sql.append(" and (query.q is null or ts_filter(o.search, '{b}') @@ query.q)");
        }
        if (provider != null) {
            sql.append(" and o.provider = ?", provider);
        }
        sql.append(" group by o.provider");
        if (q.modifiedAfter() != null) {
            sql.append(" having max(o.updated_at) >= ?", Timestamp.from(q.modifiedAfter()));
        }
        return sql;
    }

    private static Hsds.Organization organization(ResultSet r) throws SQLException {
        Array places = r.getArray("places");
        List<String> names = places == null ? List.of() : Arrays.asList((String[]) places.getArray());
        return HsdsMapper.organization(r.getString("provider"), r.getLong("offers"), names);
    }

    private long count(String start, Query q, String textFilter, String modifiedFilter) {
        Sql sql = new Sql(start);
        SearchStatements.words(sql, q.search());
        sql.append(" where o.status = 'PUBLISHED'");
        if (q.search() != null) {
            sql.append(textFilter);
        }
        if (q.modifiedAfter() != null) {
            sql.append(modifiedFilter, Timestamp.from(q.modifiedAfter()));
        }
        return single(sql);
    }

    private long single(Sql sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = sql.prepare(c);
                ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("HSDS count failed", e);
        }
    }

    private static <T> Hsds.Page<T> page(List<T> contents, long total, Query q) {
        int pages = (int) Math.max(1, (total + q.perPage() - 1) / q.perPage());
        return new Hsds.Page<>(total, pages, q.page(), contents.size(), q.page() == 1, q.page() >= pages,
                contents.isEmpty(), contents);
    }
}
