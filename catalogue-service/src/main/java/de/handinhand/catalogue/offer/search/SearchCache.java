package de.handinhand.catalogue.offer.search;

import de.handinhand.catalogue.offer.api.SearchPage;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
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
 * <p>Correctness: every page belongs to the state of the change log ({@code offer_search_log}, a
 * row per offer written, appended by a trigger in the writing transaction) at which it was computed:
 * whenever a look at the log finds anything committed since the last look (a lower sequence that
 * committed late included, see {@link ChangeLogCursor}), every cached page is dropped. A change
 * committed by this instance makes the next search look at once; a change by another instance is
 * seen within {@code handinhand.search.cache.check-interval} (default 1 s). At most
 * {@code handinhand.search.cache.size} pages are kept (0 switches the cache off).
 *
 * <p>Until V10 a counter row ({@code catalogue_version}) that a trigger moved on in every writing
 * transaction was the version; every offer write of the catalogue then held that one row's lock
 * until its commit, so publishers and event consumers queued behind each other. The log's sequence
 * needs no lock, and its gaps are waited for instead.
 */
@ApplicationScoped
public class SearchCache {

    public record Key(SearchQuery query, String language) {
    }

    private record Generation(long version, long checkedAt, ConcurrentHashMap<Key, SearchPage> pages) {
    }

    private final AgroalDataSource dataSource;
    private final int maxPages;
    private final long checkNanos;
    private final Counter hits;
    private final Counter misses;
    private final Duration gapTimeout;
    private volatile Generation current = new Generation(Long.MIN_VALUE, 0, new ConcurrentHashMap<>());
    private volatile boolean changed = true;
    /** Guarded by this; null until the first look. */
    private ChangeLogCursor cursor;
    /** Guarded by this: how many looks at the log found something new. */
    private long version;

    public SearchCache(AgroalDataSource dataSource, MeterRegistry meters,
            @ConfigProperty(name = "handinhand.search.cache.size", defaultValue = "2000") int maxPages,
            @ConfigProperty(name = "handinhand.search.cache.check-interval", defaultValue = "1S") Duration check,
            @ConfigProperty(name = "catalogue.search.gap-timeout", defaultValue = "2M") Duration gapTimeout) {
        this.dataSource = dataSource;
        this.gapTimeout = gapTimeout;
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

    /** A transaction that wrote offers committed here ({@code OfferChanges}): the next search looks again. */
    public void offersCommitted() {
        changed = true;
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

    /** Called under this object's lock: moves on whenever the change log shows anything new. */
    private long version() {
        try (Connection c = dataSource.getConnection()) {
            if (cursor == null) {
                cursor = ChangeLogCursor.atEnd(c, gapTimeout);
                return ++version;
            }
            if (cursor.advance(c)) {
                version++;
            }
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the offer change log failed", e);
        }
    }
}
