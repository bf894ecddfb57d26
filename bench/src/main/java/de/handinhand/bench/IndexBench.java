package de.handinhand.bench;

import de.handinhand.catalogue.offer.search.ChangeFollower;
import de.handinhand.catalogue.offer.search.SearchIndex;
import de.handinhand.catalogue.offer.search.SearchQuery;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.MMapDirectory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The raw rate of the catalogue's search index: the catalogue's own {@link SearchIndex}, built
 * in this process from the same database, answering the same searches on {@code threads} threads
 * (one per core: no network, no HTTP, no JSON, no loading of the page's offers). Beside the rate
 * through the gateway, it says how much of a search's cost is the index.
 */
final class IndexBench {

    private IndexBench() {
    }

    /**
     * The catalogue's index built once from the database, measured as often as asked: one of the
     * targets of {@link SearchBench}'s alternating rounds. Deletes its files when closed.
     */
    static final class Built implements Rounds.Target, AutoCloseable {
        private final ChangeFollower follower;
        private final Path dir;
        private final List<SearchQuery> searches;
        private final int threads;

        Built(String database, List<SearchQuery> searches, int threads) throws Exception {
            URI uri = URI.create(database);
            String[] credentials = uri.getUserInfo().split(":", 2);
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath());
            dataSource.setUser(credentials[0]);
            dataSource.setPassword(credentials.length > 1 ? credentials[1] : "");
            this.dir = Files.createTempDirectory("search-bench-index");
            this.searches = searches;
            this.threads = threads;
            this.follower = new ChangeFollower("bench", dataSource, new SearchIndex(new MMapDirectory(dir), true), null,
                    Duration.ofSeconds(1), Duration.ofMinutes(2));
            long started = System.nanoTime();
            follower.build();
            System.out.printf("raw index: built from the database in %d ms (%d offers); %d threads%n",
                    (System.nanoTime() - started) / 1_000_000, follower.index().size(), threads);
        }

        @Override
        public String name() {
            return "index";
        }

        @Override
        public Rounds.Measurement measure(Duration time) throws Exception {
            Stats latency = new Stats();
            long wall = System.nanoTime();
            long done = loop(follower.index(), searches, threads, time, latency);
            return new Rounds.Measurement(done / ((System.nanoTime() - wall) / 1e9), latency, 0);
        }

        @Override
        public void close() throws Exception {
            follower.close();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The raw index over {@code offers} demo offers made in memory by the catalogue's own generator
     * (no database, no stack): how the index scales to 100,000 offers and more, and its heap.
     */
    static void synthetic(int offers, int distinct, int threads, Duration warmup, Duration duration) throws Exception {
        java.time.LocalDate today = de.handinhand.catalogue.offer.Validity.today(java.time.Clock.systemUTC());
        List<SearchQuery> searches = DemoSearches.mix(distinct, 2017, today);
        Path dir = Files.createTempDirectory("search-bench-index");
        long now = java.time.Instant.now().toEpochMilli() * 1000;
        try (SearchIndex index = new SearchIndex(new MMapDirectory(dir), true)) {
            long started = System.nanoTime();
            index.replaceAll(sink -> {
                for (int n = 0; n < offers; n++) {
                    sink.accept(row(n, now));
                }
            });
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("synthetic index: %d demo offers built in %d ms; heap used after GC %.0f MiB%n", offers,
                    (System.nanoTime() - started) / 1_000_000, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
            loop(index, searches, threads, warmup, new Stats());
            Stats latency = new Stats();
            long wall = System.nanoTime();
            long done = loop(index, searches, threads, duration, latency);
            System.out.printf("raw index (in process, %d threads, %d distinct searches, %d offers): %.0f searches/s, %s%n",
                    threads, searches.size(), offers, done / ((System.nanoTime() - wall) / 1e9), latency.summary());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static de.handinhand.catalogue.offer.search.OfferRow row(int n, long nowMicros) {
        var o = de.handinhand.catalogue.demo.DemoOfferGenerator.offer(n);
        double[] lats = o.locations().stream().filter(l -> l.lat() != null).mapToDouble(l -> l.lat()).toArray();
        double[] lons = o.locations().stream().filter(l -> l.lat() != null).mapToDouble(l -> l.lon()).toArray();
        return new de.handinhand.catalogue.offer.search.OfferRow(de.handinhand.catalogue.demo.DemoOfferGenerator.id(n),
                o.kreisId().intern(), o.municipality().intern(), String.join("\n", o.title().values()), o.provider(),
                String.join("\n", o.description().values()), o.fields().stream().map(String::intern).toArray(String[]::new),
                o.targetGroups().stream().map(String::intern).toArray(String[]::new),
                o.languages().stream().map(String::intern).toArray(String[]::new), Boolean.TRUE.equals(o.free()),
                o.validFrom() == null ? Integer.MIN_VALUE : (int) o.validFrom().toEpochDay(),
                o.validUntil() == null ? Integer.MAX_VALUE : (int) o.validUntil().toEpochDay(),
                nowMicros - de.handinhand.catalogue.demo.DemoOfferGenerator.monthsSinceConfirmed(n) * 2_592_000_000_000L
                        - n, de.handinhand.catalogue.offer.search.Folding.fold(o.title().get("de")), lats, lons);
    }

    private static long loop(SearchIndex index, List<SearchQuery> searches, int threads, Duration duration, Stats latency)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(11 + t);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    SearchQuery q = searches.get(random.nextInt(searches.size()));
                    long start = System.nanoTime();
                    index.search(q);
                    latency.add((System.nanoTime() - start) / 1e6);
                    done.incrementAndGet();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return done.get();
    }
}
