package de.handinhand.catalogue.offer.search;

import de.handinhand.catalogue.offer.Offer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The public search of this instance: the Lucene index ({@link SearchIndex}) kept current by a
 * {@link ChangeFollower}, built at start after the demo offers are in; until it is built (and with
 * {@code catalogue.search.engine=sql}) the SQL search answers, which gives the same results. This
 * instance's own writes are applied before its next search, so a publisher sees their change at once.
 */
@ApplicationScoped
public class SearchReadModel {

    private static final Logger LOG = Logger.getLogger(SearchReadModel.class);

    private final AgroalDataSource dataSource;
    private final OfferSearch sql;
    private final SearchConfig config;
    private final String url;
    private final String user;
    private final String password;
    private final AtomicLong localCommits = new AtomicLong();
    /**
     * The offers that search pages show, as loaded from PostgreSQL, while the index has not changed
     * them: a page of 20 then costs no statement. At most {@code catalogue.search.page-offers} (a few
     * KB each); when full, arbitrary ones (the map's iteration order) make room for the newly loaded,
     * so with more offers than that the share found here stays near the cap over the catalogue's size.
     */
    private final java.util.concurrent.ConcurrentHashMap<java.util.UUID, Offer> pageOffers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long caughtUp;
    private volatile ChangeFollower follower;
    private Path temporary;

    public SearchReadModel(AgroalDataSource dataSource, OfferSearch sql, SearchConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** After the demo offers (default priority), so they are built in rather than replayed from the log. */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) throws Exception {
        if (config.engine() != SearchConfig.Engine.LUCENE) {
            return;
        }
        SearchIndex index = new SearchIndex(directory(), true);
        index.onChange(ids -> ids.forEach(pageOffers::remove));
        ChangeFollower created = new ChangeFollower("main", dataSource, index,
                () -> DriverManager.getConnection(url, user, password), config.maxStaleness(), config.gapTimeout());
        created.start();
        follower = created;
    }

    private Directory directory() throws IOException {
        if (config.store() == SearchConfig.Store.MEMORY) {
            return new ByteBuffersDirectory();
        }
        Path path;
        if (config.indexDir().isPresent()) {
            path = Files.createDirectories(Path.of(config.indexDir().get()));
        } else {
            temporary = Files.createTempDirectory("catalogue-search-");
            path = temporary;
        }
        LOG.infof("Search index in %s", path);
        return new MMapDirectory(path);
    }

    /** Whether the index answers (readiness is DOWN until then, with the Lucene engine). */
    public boolean ready() {
        return config.engine() != SearchConfig.Engine.LUCENE || (follower != null && follower.built());
    }

    public boolean usesIndex() {
        return config.engine() == SearchConfig.Engine.LUCENE;
    }

    public OfferSearch.Result search(SearchQuery query) {
        ChangeFollower f = follower;
        if (f == null || !f.built()) {
            return sql.search(query);
        }
        return current(f).search(query);
    }

    /** The index, with this instance's own commits applied; empty while it is not built (then the SQL answers). */
    public java.util.Optional<SearchIndex> index() {
        ChangeFollower f = follower;
        return f == null || !f.built() ? java.util.Optional.empty() : java.util.Optional.of(current(f));
    }

    private SearchIndex current(ChangeFollower f) {
        long wanted = localCommits.get();
        if (caughtUp < wanted) {
            synchronized (this) {
                if (caughtUp < wanted) {
                    long mark = localCommits.get();
                    f.catchUp();
                    caughtUp = mark;
                }
            }
        }
        return f.index();
    }

    /**
     * The offers of a search page, by id: from memory where the index has not changed them since
     * they were loaded, the others through {@code load} (one statement).
     */
    public java.util.Map<java.util.UUID, Offer> pageOffers(java.util.List<java.util.UUID> ids,
            java.util.function.Function<java.util.List<java.util.UUID>, java.util.List<Offer>> load) {
        java.util.Map<java.util.UUID, Offer> found = new java.util.HashMap<>();
        ChangeFollower f = follower;
        if (f == null || !f.built()) {
            load.apply(ids).forEach(o -> found.put(o.id, o));
            return found;
        }
        java.util.List<java.util.UUID> missing = new java.util.ArrayList<>();
        for (java.util.UUID id : ids) {
            Offer offer = pageOffers.get(id);
            if (offer != null) {
                found.put(id, offer);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            // Kept only if the index applied no change meanwhile: what was loaded may predate it.
            long generation = f.index().generation();
            java.util.List<Offer> loaded = load.apply(missing);
            int cap = config.pageOffers();
            boolean keep = cap > 0 && f.index().generation() == generation;
            if (keep) {
                makeRoom(cap, Math.min(loaded.size(), cap));
            }
            for (Offer offer : loaded) {
                found.put(offer.id, offer);
                // A page larger than the cap (up to 200 offers) keeps only what fits.
                if (keep && pageOffers.size() < cap) {
                    pageOffers.put(offer.id, offer);
                }
            }
        }
        return found;
    }

    /** Removes arbitrary kept offers until {@code coming} more fit under {@code cap}. */
    private void makeRoom(int cap, int coming) {
        int excess = pageOffers.size() + coming - cap;
        if (excess <= 0) {
            return;
        }
        var kept = pageOffers.keySet().iterator();
        while (excess-- > 0 && kept.hasNext()) {
            kept.next();
            kept.remove();
        }
    }

    /** How many offers are kept for search pages now (at most {@code catalogue.search.page-offers}). */
    public int pageOffersKept() {
        return pageOffers.size();
    }

    /** A transaction that wrote offers committed here ({@code OfferChanges}): the next search applies it. */
    public void offersCommitted() {
        localCommits.incrementAndGet();
    }

    /**
     * Rows older than a day are no longer read: a running follower is seconds behind at most, and
     * an instance that starts builds its index from the offers, not from the log.
     */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "10m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purgeChangeLog() {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            int purged = s.executeUpdate("delete from offer_search_log where changed_at < now() - interval '1 day'");
            LOG.debugf("Offer change log: %d rows older than a day purged", purged);
        } catch (java.sql.SQLException e) {
            LOG.warn("Purging the offer change log failed; the next run tries again", e);
        }
    }

    @PreDestroy
    void stop() throws Exception {
        if (follower != null) {
            follower.close();
        }
        if (temporary != null) {
            try (var files = Files.walk(temporary)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
