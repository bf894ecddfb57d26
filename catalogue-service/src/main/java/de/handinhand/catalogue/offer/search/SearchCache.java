package de.handinhand.catalogue.offer.search;

import de.handinhand.catalogue.offer.api.SearchPage;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finished public search pages, reused while the catalogue has not changed. Searches repeat a
 * lot (the same town, the same field, the first page), and a page with its facets costs several
 * statements over the whole catalogue, whereas the cached one costs a map lookup.
 *
 * <p>Correctness: every page belongs to the catalogue version it was computed at (the
 * {@code catalogue_version} row, which a trigger moves on in every transaction that changes an
 * offer, visible at that transaction's commit). A change committed by this instance makes the
 * next search read the version again at once; a change by another instance is seen within
 * {@code handinhand.search.cache.check-interval} (default 1 s). A new version drops every cached
 * page. At most {@code handinhand.search.cache.size} pages are kept (0 switches the cache off).
 */
@ApplicationScoped
public class SearchCache {

    public record Key(SearchQuery query, String language) {
    }

    private record Generation(long version, long checkedAt, ConcurrentHashMap<Key, SearchPage> pages) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final int maxPages;
    private final long checkNanos;
    private final Counter hits;
    private final Counter misses;
    private volatile Generation current = new Generation(Long.MIN_VALUE, 0, new ConcurrentHashMap<>());
    private volatile boolean changed = true;

    public SearchCache(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            MeterRegistry meters,
            @ConfigProperty(name = "handinhand.search.cache.size", defaultValue = "2000") int maxPages,
            @ConfigProperty(name = "handinhand.search.cache.check-interval", defaultValue = "1S") Duration check) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.maxPages = maxPages;
        this.checkNanos = check.toNanos();
        this.hits = Counter.builder("catalogue.search.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("catalogue.search.cache").tag("result", "miss").register(meters);
    }

    public SearchPage get(Key key, Supplier<SearchPage> compute) {
        if (maxPages <= 0) {
            return compute.get();
        }
        Generation generation = generation();
        SearchPage page = generation.pages().get(key);
        if (page != null) {
            hits.increment();
            return page;
        }
        misses.increment();
        page = compute.get();
        if (generation.pages().size() < maxPages) {
            generation.pages().putIfAbsent(key, page);
        }
        return page;
    }

    /** Called for every offer written in the current transaction: after its commit, look again. */
    public void offerChanged() {
        if (transactions.getTransactionKey() == null) {
            changed = true;
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changed = true;
                }
            }
        });
    }

    private Generation generation() {
        Generation generation = current;
        if (!changed && System.nanoTime() - generation.checkedAt() < checkNanos) {
            return generation;
        }
        synchronized (this) {
            generation = current;
            long now = System.nanoTime();
            if (!changed && now - generation.checkedAt() < checkNanos) {
                return generation;
            }
            // Cleared before reading, so a change committed while reading is not lost.
            changed = false;
            long version = version();
            current = version == generation.version()
                    ? new Generation(version, now, generation.pages())
                    : new Generation(version, now, new ConcurrentHashMap<>());
            return current;
        }
    }

    private long version() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("select version from catalogue_version");
                ResultSet r = p.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the catalogue version failed", e);
        }
    }
}
