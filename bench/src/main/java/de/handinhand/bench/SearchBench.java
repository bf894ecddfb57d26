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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The public search over the demo catalogue (start the stack with {@code DEMO_OFFERS=10000}) against
 * what it is made of, in alternating rounds ({@link Rounds}: service, direct, sql, index, then
 * index, sql, direct, service, ...): the service, {@code clients} connections through the gateway,
 * a realistic mix of {@code distinct} searches from {@link DemoSearches} (words with a filter,
 * filters alone, radius searches, later pages; facets always computed), drawn at random; the same
 * searches straight to the catalogue, without the gateway ("direct"); the same searches' SQL (the
 * page statement and the facet statement, exactly as the service builds them) as raw SQL through
 * {@code pgbench} against the catalogue database, with as many clients; the catalogue's search index
 * itself, built in this process from the same database ({@link IndexBench}), one thread per core.
 * Prints each round and the service against each of the others (median ratio and its spread);
 * asserts nothing.
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
    private final int rounds;
    private final String catalogue;
    private final String database;

    SearchBench(Target target, int clients, Duration duration, Duration warmup, int distinct, int rounds,
            String catalogue, String database) {
        this.target = target;
        this.clients = clients;
        this.duration = duration;
        this.warmup = warmup;
        this.distinct = distinct;
        this.rounds = rounds;
        this.catalogue = catalogue;
        this.database = database;
    }

    void run() throws Exception {
        // The service leaves out offers expired before today (Berlin); so do the pgbench statements.
        List<SearchQuery> searches = DemoSearches.mix(distinct, 2017, Validity.today(Clock.systemUTC()));
        List<String> paths = searches.stream().map(q -> "/api/catalogue/offers?" + DemoSearches.queryString(q)).toList();
        long offers = total();
        System.out.printf("search benchmark: %d published offers, %d distinct searches, %d connections; service, the "
                + "catalogue direct, raw SQL and raw index in %d alternating rounds of %d s (after %d s warm-up each)%n",
                offers, searches.size(), clients, rounds, duration.toSeconds(), warmup.toSeconds());
        int threads = Runtime.getRuntime().availableProcessors();
        try (Service service = new Service("service", target.gateway(), paths);
                Service direct = new Service("direct", catalogue, paths);
                IndexBench.Built index = new IndexBench.Built(database, searches, threads)) {
            List<Rounds.Target> targets = new ArrayList<>(List.of(service, direct));
            Pgbench sql = Pgbench.prepare(searches, clients, database);
            if (sql != null) {
                targets.add(sql);
            }
            targets.add(index);
            double[] cacheBefore = cacheCounts();
            Rounds alternating = new Rounds(warmup, duration, rounds, System.out);
            Map<String, List<Rounds.Measurement>> results = alternating.run(targets);
            double[] cacheAfter = cacheCounts();
            double hits = cacheAfter[0] - cacheBefore[0];
            double misses = cacheAfter[1] - cacheBefore[1];
            if (hits + misses > 0) {
                System.out.printf("  search cache over the service's rounds and warm-up: %.0f hits, %.0f misses "
                        + "(%.1f %% hits)%n", hits, misses, 100 * hits / (hits + misses));
            } else {
                System.out.println("  search cache: not used (every search answered by the index: 100 % misses)");
            }
            for (Rounds.Target baseline : targets.subList(1, targets.size())) {
                Rounds.Comparison c = Rounds.compare("service", results.get("service"), baseline.name(),
                        results.get(baseline.name()));
                alternating.print(c);
            }
        }
    }

    /**
     * The public search over HTTP, {@code clients} connections, searches drawn at random: "service"
     * through the gateway, "direct" straight to the catalogue (what the gateway's hop costs).
     */
    private final class Service implements Rounds.Target, AutoCloseable {
        private final String name;
        private final ClosedLoop loop;
        private final Random random = new Random(7);
        private final List<String> paths;

        Service(String name, String baseUrl, List<String> paths) {
            this.name = name;
            this.loop = new ClosedLoop(baseUrl, clients);
            this.paths = paths;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Rounds.Measurement measure(Duration time) throws Exception {
            ClosedLoop.Result result = loop.runFor(() -> {
                synchronized (random) {
                    return new ClosedLoop.Call(HttpMethod.GET, paths.get(random.nextInt(paths.size())), null);
                }
            }, clients, time, 200);
            if (!result.errorSamples().isEmpty()) {
                System.out.println("  " + name + " errors, for example " + result.errorSamples());
            }
            return new Rounds.Measurement(result.ok() / (result.wallNanos() / 1e9), result.latency(), result.errors());
        }

        @Override
        public void close() {
            loop.close();
        }
    }

    /**
     * The same searches' SQL (page and facet statement each, as the service builds them) through
     * {@code pgbench} with as many clients; each round one pgbench run of the round's length.
     */
    private static final class Pgbench implements Rounds.Target {
        private final Path dir;
        private final List<String> command;

        private Pgbench(Path dir, List<String> command) {
            this.dir = dir;
            this.command = command;
        }

        /** The scripts written once; null (and a message) where pgbench cannot run. */
        static Pgbench prepare(List<SearchQuery> searches, int clients, String database) throws Exception {
            Path dir = Files.createTempDirectory("search-bench");
            List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-c", String.valueOf(clients), "-j", "2"));
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
            try {
                Process check = new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start();
                check.getInputStream().readAllBytes();
                check.waitFor();
            } catch (IOException e) {
                System.out.println("raw SQL: pgbench not found (" + e.getMessage() + "); install the Debian package "
                        + "postgresql-client to compare with raw SQL");
                return null;
            }
            System.out.printf("raw SQL: pgbench, %d scripts (page + facet statement each)%n", scripts);
            return new Pgbench(dir, command);
        }

        @Override
        public String name() {
            return "sql";
        }

        @Override
        public Rounds.Measurement measure(Duration time) throws Exception {
            Path run = Files.createTempDirectory(dir, "run");
            List<String> round = new ArrayList<>(command);
            round.addAll(round.size() - 1, List.of("-T", String.valueOf(Math.max(1, time.toSeconds())), "-l",
                    "--log-prefix=" + run.resolve("tx")));
            Process process = new ProcessBuilder(round).redirectErrorStream(true)
                    .redirectOutput(run.resolve("out.txt").toFile()).start();
            int exit = process.waitFor();
            if (exit != 0) {
                System.out.println("raw SQL: pgbench failed (exit " + exit + "):\n" + Files.readString(run.resolve("out.txt")));
                return new Rounds.Measurement(0, new Stats(), 1);
            }
            Stats raw = new Stats();
            AtomicLong transactions = new AtomicLong();
            try (Stream<Path> logs = Files.list(run)) {
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
            return new Rounds.Measurement(transactions.get() / (double) Math.max(1, time.toSeconds()), raw, 0);
        }
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
