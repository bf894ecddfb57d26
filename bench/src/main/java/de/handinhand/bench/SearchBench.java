package de.handinhand.bench;

import de.handinhand.catalogue.offer.Validity;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.offer.search.SearchStatements;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public search over the demo catalogue (start the stack with {@code DEMO_OFFERS=10000}):
 * {@code clients} connections through the gateway for {@code duration}, a realistic mix of
 * {@code distinct} searches from {@link DemoSearches} (words with a filter, filters alone, radius
 * searches, later pages; facets always computed), drawn at random. Then, in the same run, the same
 * searches' SQL (the page statement and the facet statement, exactly as the service builds them)
 * as raw SQL through {@code pgbench} against the catalogue database, with as many clients for as
 * long, and the ratio service/raw; then the raw rate of the catalogue's search index itself, built in
 * this process from the same database ({@link IndexBench}). Prints figures; asserts nothing.
 *
 * <p>pgbench takes at most 128 scripts: with more distinct searches, it runs the first 128.
 */
final class SearchBench {

    static final int PGBENCH_MAX_SCRIPTS = 128;

    private final Target target;
    private final int clients;
    private final Duration duration;
    private final Duration warmup;
    private final int distinct;
    private final String catalogue;
    private final String database;

    SearchBench(Target target, int clients, Duration duration, Duration warmup, int distinct, String catalogue,
            String database) {
        this.target = target;
        this.clients = clients;
        this.duration = duration;
        this.warmup = warmup;
        this.distinct = distinct;
        this.catalogue = catalogue;
        this.database = database;
    }

    void run() throws Exception {
        // The service leaves out offers expired before today (Berlin); so do the pgbench statements.
        List<SearchQuery> searches = DemoSearches.mix(distinct, 2017, Validity.today(Clock.systemUTC()));
        List<String> paths = searches.stream().map(q -> "/api/catalogue/offers?" + DemoSearches.queryString(q)).toList();
        long offers = total();
        System.out.printf("search benchmark: %d published offers, %d distinct searches, %d connections, %d s "
                + "(after %d s warm-up)%n", offers, searches.size(), clients, duration.toSeconds(), warmup.toSeconds());

        double serviceRate;
        Stats serviceLatency;
        try (ClosedLoop loop = new ClosedLoop(target.gateway(), clients)) {
            Random random = new Random(7);
            java.util.function.Supplier<ClosedLoop.Call> next = () -> {
                synchronized (random) {
                    return new ClosedLoop.Call(HttpMethod.GET, paths.get(random.nextInt(paths.size())), null);
                }
            };
            if (!warmup.isZero()) {
                loop.runFor(next, clients, warmup, 200);
            }
            double[] cacheBefore = cacheCounts();
            ClosedLoop.Result result = loop.runFor(next, clients, duration, 200);
            double[] cacheAfter = cacheCounts();
            serviceRate = result.ok() / (result.wallNanos() / 1e9);
            serviceLatency = result.latency();
            System.out.printf("service (through the gateway): %.0f searches/s, %s, errors=%d %s%n", serviceRate,
                    serviceLatency.summary(), result.errors(), result.errorSamples());
            double hits = cacheAfter[0] - cacheBefore[0];
            double misses = cacheAfter[1] - cacheBefore[1];
            if (hits + misses > 0) {
                System.out.printf("  search cache during the run: %.0f hits, %.0f misses (%.1f %% hits)%n", hits, misses,
                        100 * hits / (hits + misses));
            } else {
                System.out.println("  search cache: not used (every search answered by the index: 100 % misses)");
            }
        }
        pgbench(searches, serviceRate, serviceLatency);
        // Last, so its CPU does not share the machine with the runs above.
        IndexBench.Result index = IndexBench.run(database, searches, Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(Math.min(10, warmup.toSeconds())), Duration.ofSeconds(Math.min(30, duration.toSeconds())));
        System.out.printf("raw index (in process, %d threads, the same searches): %.0f searches/s, %s%n",
                Runtime.getRuntime().availableProcessors(), index.rate(), index.latency().summary());
        System.out.printf("ratio service/raw index: throughput %.2f%n", serviceRate / index.rate());
    }

    private void pgbench(List<SearchQuery> searches, double serviceRate, Stats serviceLatency) throws Exception {
        Path dir = Files.createTempDirectory("search-bench");
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(duration.toSeconds()), "-l", "--log-prefix=" + dir.resolve("tx")));
        int scripts = Math.min(PGBENCH_MAX_SCRIPTS, searches.size());
        for (int i = 0; i < scripts; i++) {
            SearchQuery q = searches.get(i);
            Path script = dir.resolve("search-" + i + ".sql");
            // One search = its page statement and its facet statement, each on one line for pgbench.
            Files.writeString(script, SqlLiterals.inline(SearchStatements.page(q)).replace('\n', ' ') + ";\n"
                    + SqlLiterals.inline(SearchStatements.facets(q)).replace('\n', ' ') + ";\n");
            command.add("-f");
            command.add(script.toString());
        }
        command.add(database);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile())
                    .start();
        } catch (IOException e) {
            System.out.println("raw SQL: pgbench not found (" + e.getMessage() + "); install the Debian package "
                    + "postgresql-client to compare with raw SQL");
            return;
        }
        int exit = process.waitFor();
        String out = Files.readString(dir.resolve("out.txt"));
        if (exit != 0) {
            System.out.println("raw SQL: pgbench failed (exit " + exit + "):\n" + out);
            return;
        }
        Stats raw = new Stats();
        AtomicLong transactions = new AtomicLong();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.split(" ");
                    if (f.length >= 3) {
                        raw.add(Long.parseLong(f[2]) / 1000.0);
                        transactions.incrementAndGet();
                    }
                }
            }
        }
        double rawRate = transactions.get() / (double) duration.toSeconds();
        System.out.printf("raw SQL (pgbench, %d scripts, page + facet statement each): %.0f searches/s, %s%n", scripts,
                rawRate, raw.summary());
        System.out.printf("ratio service/raw: throughput %.2f, p50 %.2f, p99 %.2f%n", serviceRate / rawRate,
                serviceLatency.percentile(50) / raw.percentile(50), serviceLatency.percentile(99) / raw.percentile(99));
    }

    private long total() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(target.gateway() + "/api/catalogue/offers?size=1")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Search cache hits and misses so far, from the catalogue's metrics (zeros when it cannot be read). */
    private double[] cacheCounts() {
        try {
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(catalogue + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return new double[] {counter(metrics, "hit"), counter(metrics, "miss")};
        } catch (Exception e) {
            return new double[] {0, 0};
        }
    }

    private static double counter(String metrics, String result) {
        Matcher m = Pattern.compile("catalogue_search_cache_total\\{[^}]*result=\"" + result + "\"[^}]*} ([0-9.E+]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
