package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.deploy.FaultAudit.Report;
import de.handinhand.deploy.Workload.Change;
import de.handinhand.deploy.Workload.Kind;
import de.handinhand.deploy.Workload.Outcome;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The launcher's {@code --replicas=2} under fire (issue 15, item 4): a stack of its own with two
 * instances of every backend service behind one gateway, real Keycloak tokens, and a burst of entry
 * changes through the gateway ({@link Workload}: drafts, submits, reopen and resubmit, withdrawals
 * of many municipalities, so each entry's order matters) while one instance of each service is
 * killed with {@code kill -9} and started again. Counted afterwards in the databases
 * ({@link FaultAudit}): every committed change's effect exactly once in scoring and the catalogue,
 * each entry's events in order on the topic, both submission relays publishing (the restarted one
 * too), no idempotent read through the gateway answered 5xx, and every write cut off by the kill
 * either applied once or not at all, which the client learns by reading the entry again. Then a
 * change through one catalogue instance must be found by the other instance's search within the
 * catalogue's stated staleness bound ({@link #SEARCH_STALENESS_PROPERTY}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    /**
     * The catalogue's promise of how stale a search of one instance may be after a change committed
     * through another: the property whose default (in the catalogue's {@code application.properties})
     * is the bound this test holds the search to. Today the search cache looks for changes of other
     * instances at this interval (README "Search cache"); when the search moves to an index, this names
     * that index's bound (e.g. {@code catalogue.search.max-staleness}).
     */
    static final String SEARCH_STALENESS_PROPERTY = "catalogue.search.max-staleness";

    private static final int REPLICAS = 2;
    private static final int MUNICIPALITIES = 24;
    private static final double RATE = 20;
    /** While the killed instances start again, one tick in this many starts a change (5 a second). */
    private static final int SLOWER_WHILE_RESTARTING = 4;
    private static final List<String> SERVICES = List.of(FaultStack.SUBMISSION, FaultStack.CATALOGUE,
            FaultStack.SCORING);
    private static final List<String> DLQ_TOPICS = List.of("submission-events.scoring.dlq",
            "submission-events.catalogue.dlq", "scoring-events.catalogue.dlq", "scoring-events.submission.dlq");
    /** After the stream stops, how long the consumers may take to catch up (a killed member's partitions wait for its session to time out). */
    private static final Duration CONVERGE = Duration.ofMinutes(3);
    /**
     * How long a killed instance may take to be ready again: three JVMs start at once while the burst
     * goes on and the other instances, Kafka, PostgreSQL and Keycloak share the same two cores. CI saw
     * a submission instance need more than the launcher's 120 s there (its first start took 68 s), and
     * restarts that took 123–189 s in earlier runs took 192–211 s in a later one: room for a slower machine.
     */
    private static final Duration RESTART = Duration.ofMinutes(8);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FaultStack stack;
    private static MetricsWatch metrics;
    private static Workload workload;
    private static long startedNanos;

    @BeforeAll
    static void startStack() throws Exception {
        startedNanos = System.nanoTime();
        // Reads get 30 s in all here, not the gateway's default 10 s (each instance still only 4 s before the
        // next is asked). Twice in CI, before any kill, both scoring instances took longer than 4 + 6 s for a read
        // while the burst began: two instances of three services, the gateway, the pages, Keycloak, Kafka,
        // PostgreSQL and this test on two cores. This test is about reads not failing because an instance died;
        // the gateway's 504 when every instance is too slow is the gateway's ReplicasTest's.
        System.setProperty(LocalStack.GATEWAY_READ_TIMEOUT_PROPERTY, "30s");
        try {
            stack = FaultStack.start("replicas-stack", REPLICAS);
        } finally {
            System.clearProperty(LocalStack.GATEWAY_READ_TIMEOUT_PROPERTY);
        }
        for (String service : SERVICES) {
            assertEquals(REPLICAS, stack.instances(service).size(), service + " instances");
        }
        metrics = new MetricsWatch(() -> SERVICES.stream().flatMap(s -> stack.instances(s).stream()).toList());
        workload = Workload.prepare(stack.gateway(), new KeycloakAdmin(stack.config().keycloakUrl()), MUNICIPALITIES);
        System.out.println("Replicas stack ready and " + MUNICIPALITIES + " municipalities registered after "
                + seconds(Duration.ofNanos(System.nanoTime() - startedNanos)));
    }

    @AfterAll
    static void stopStack() {
        if (metrics != null) {
            metrics.close();
        }
        if (stack != null) {
            stack.close();
        }
        System.out.println("ReplicasIT took " + seconds(Duration.ofNanos(System.nanoTime() - startedNanos))
                + " in all, the stack's start included");
    }

    @Test
    @Order(1)
    void aBurstOfEntryChangesSurvivesOneInstanceOfEachServiceKilled() throws Exception {
        Map<TopicPartition, Long> dlqStart = stack.endOffsets(DLQ_TOPICS);
        Map<TopicPartition, Long> eventsStart = stack.endOffsets(List.of("submission-events"));
        metrics.scrapeNow();
        Map<String, Double> publishedBefore = metrics.published();
        Map<String, Double> duplicatesBefore = metrics.duplicates();
        long gatewayRetriesBefore = gatewayRetries();

        Workload.Run stream = workload.start("R2", RATE, m -> false);
        Readers readers = new Readers(stream.calls().get(0));
        List<String> notes = new ArrayList<>();
        Instant healed;
        Map<String, Double> publishedAtRestart;
        try {
            Thread.sleep(10_000);
            // One instance of each, a few seconds apart, so each dies in a different moment of the burst;
            // each is started again at once, as a supervisor (or Kubernetes) would.
            List<CompletableFuture<String>> restarts = new ArrayList<>();
            int victim = 0;
            for (String service : SERVICES) {
                LocalStack.Instance instance = stack.instances(service).get(victim);
                victim = 1 - victim;
                metrics.scrapeNow();
                long pid = instance.pid();
                Instant killed = Instant.now();
                stack.stack().kill(instance);
                restarts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        stack.stack().restart(instance, true, RESTART);
                        return "kill -9 " + instance.name() + " (pid " + pid + "): ready again after "
                                + seconds(Duration.between(killed, Instant.now()));
                    } catch (Exception e) {
                        throw new IllegalStateException(instance.name() + " did not start again: " + e.getMessage(), e);
                    }
                }));
                Thread.sleep(4_000);
            }
            // Every kill has hit the burst. While the three JVMs start again the stream goes on at a quarter of
            // its rate: the machine is at 100 % CPU throughout (two cores for all of it), and at the full rate
            // the restarts took 200-216 s in CI (139-151 s with the test alone on the machine).
            stream.slowTo(SLOWER_WHILE_RESTARTING);
            for (CompletableFuture<String> restart : restarts) {
                notes.add(restart.join());
            }
            healed = Instant.now();
            stream.slowTo(1);
            metrics.scrapeNow();
            publishedAtRestart = metrics.published();
            // The stream goes on with every instance back, so the restarted ones take their share again.
            Thread.sleep(12_000);
        } finally {
            stream.stop();
            readers.stop();
        }
        List<Change> changes = stream.changes();
        notes.forEach(n -> System.out.println("  " + n));

        // The outbox empties, then every consumer has caught up: what the audit counts from here on is final.
        Instant outboxDeadline = Instant.now().plusSeconds(60);
        while (unpublished() > 0 && Instant.now().isBefore(outboxDeadline)) {
            Thread.sleep(500);
        }
        long unpublished = unpublished();
        FaultAudit audit = new FaultAudit(stack, changes);
        Instant deadline = Instant.now().plus(CONVERGE);
        Report report = audit.count(healed);
        while (!report.clean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(2_000);
            report = audit.count(healed);
        }
        Duration recovery = report.lastEffectOfBacklog() == null ? null
                : max(Duration.ZERO, Duration.between(healed, report.lastEffectOfBacklog()));

        List<String> examples = new ArrayList<>(report.examples());
        List<ConsumerRecord<String, String>> records = stack.read("submission-events", eventsStart);
        long reordered = FaultAudit.reordered(records, audit.events(), examples);
        long dlq = 0;
        for (String topic : DLQ_TOPICS) {
            dlq += stack.countSince(topic, dlqStart);
        }
        metrics.scrapeNow();
        Map<String, Double> published = delta(metrics.published(), publishedBefore);
        Map<String, Double> publishedSinceRestart = delta(metrics.published(), publishedAtRestart);
        double skipped = 0;
        for (String service : List.of(FaultStack.SCORING, FaultStack.CATALOGUE)) {
            skipped += metrics.duplicates().getOrDefault(service, 0.0) - duplicatesBefore.getOrDefault(service, 0.0);
        }
        long retried = gatewayRetries() - gatewayRetriesBefore;
        Indeterminate cutOff = indeterminate(changes);

        System.out.printf(Locale.ROOT, "%nReplicasIT: %d entry changes (%d committed, %d indeterminate, %d rejected) "
                + "in %d requests, %.1f/s, over %d entries; reads through the gateway %s, the municipalities' "
                + "re-reads %s; the gateway passed %d requests on to the other instance%n",
                changes.size(), count(changes, Outcome.COMMITTED), count(changes, Outcome.INDETERMINATE),
                count(changes, Outcome.REJECTED), stream.requests(), stream.rate(),
                changes.stream().map(Change::entry).distinct().count(), readers.statuses(), stream.reads(), retried);
        System.out.printf(Locale.ROOT, "  scoring %s, catalogue %s (lost/phantom/duplicates/versions off); "
                + "source lost/phantom %d/%d; out of order %d; dead letters %d; outbox rows left %d; "
                + "duplicates skipped by the inboxes %d; recovery (all instances ready -> last effect of what "
                + "was committed before) %s%n", report.scoring(), report.catalogue(), report.sourceLost(),
                report.sourcePhantom(), reordered, dlq, unpublished, Math.round(skipped), seconds(recovery));
        System.out.println("  events published per relay during the run " + published + ", since the restarts "
                + publishedSinceRestart);
        System.out.println("  writes cut off (indeterminate): " + cutOff);
        examples.forEach(e -> System.out.println("    " + e));

        assertTrue(report.scoring().clean(), "scoring: lost/phantom/duplicates/versions off " + report.scoring()
                + " " + examples);
        assertTrue(report.catalogue().clean(), "catalogue: lost/phantom/duplicates/versions off " + report.catalogue()
                + " " + examples);
        assertEquals(0, report.sourceLost() + report.sourcePhantom(), "the outbox against the ledger " + examples);
        assertEquals(0, reordered, "events out of their entry's order " + examples);
        assertEquals(0, dlq, "records on the dead-letter topics");
        assertEquals(0, unpublished, "outbox rows unpublished 60 s after the stream");
        assertTrue(count(changes, Outcome.COMMITTED) > 100, "the burst committed too little to prove anything: "
                + count(changes, Outcome.COMMITTED));
        // Both relays published, the killed and restarted one as well after its start.
        for (LocalStack.Instance instance : stack.instances(FaultStack.SUBMISSION)) {
            assertTrue(published.getOrDefault(instance.name(), 0.0) > 0, "relay of " + instance.name()
                    + " published nothing: " + published);
            assertTrue(publishedSinceRestart.getOrDefault(instance.name(), 0.0) > 0, "relay of " + instance.name()
                    + " published nothing after the restarts: " + publishedSinceRestart);
        }
        // A consumer killed between its effect and its offset commit sees events again: proof the kill hit.
        assertTrue(skipped > 0, "no duplicate was skipped: the consumers' kills missed their window");
        // Idempotent reads: the gateway passed them on to the live instance, no caller saw the kill.
        assertTrue(retried > 0, "the gateway never passed a request on: the readers missed the dead instances");
        assertEquals(Set.of(200), readers.statuses().keySet(), "reads through the gateway: " + readers.statuses());
        assertTrue(stream.reads().keySet().stream().allMatch(s -> s == 200),
                "the municipalities' re-reads: " + stream.reads());
        assertEquals(0, cutOff.disagreeing(), "re-reading through the gateway disagrees with the database: " + cutOff);
    }

    @Test
    @Order(2)
    void aChangeThroughOneCatalogueInstanceIsFoundByTheOthersSearchWithinItsBound() throws Exception {
        Duration bound = searchStalenessBound();
        List<LocalStack.Instance> catalogue = stack.instances(FaultStack.CATALOGUE);
        // Independent of the burst before it: an instance it killed may still be starting (or have died).
        for (LocalStack.Instance instance : catalogue) {
            if (!instance.isAlive()) {
                stack.stack().restart(instance, true, RESTART);
            }
            stack.stack().awaitReady(instance, RESTART);
        }
        LocalStack.Instance one = catalogue.get(0);
        LocalStack.Instance two = catalogue.get(1);
        String office = "hdh-office";
        String token = stack.keycloak().token(office);
        String before = Steps.uniqueWord("Brenzcafe");
        String after = Steps.uniqueWord("Brenzwerk");
        String offer = stack.gateway().as("heidenheim").contentType(ContentType.JSON)
                .body(Steps.offer("08135", "Giengen an der Brenz", "Sprachcafé " + before))
                .post("/api/catalogue/offers").then().statusCode(201).extract().path("id");
        // Both instances have answered (and cached) the searches before the change.
        for (LocalStack.Instance instance : catalogue) {
            assertEquals(0, search(instance, before).size());
            assertEquals(0, search(instance, after).size());
        }

        // Published through instance one, searched on instance two.
        io.restassured.RestAssured.given().baseUri(one.url()).auth().oauth2(token)
                .post("/api/catalogue/offers/" + offer + "/publish").then().statusCode(200);
        long published = System.nanoTime();
        Staleness seen = awaitSearch(two, before, bound, published, ids -> ids.contains(offer));

        // Edited through instance two (a new word in its title), searched on instance one, which has just
        // answered that search from before the edit.
        assertEquals(0, search(one, after).size());
        Map<String, Object> edit = Steps.offer("08135", "Giengen an der Brenz", "Sprachcafé " + after);
        io.restassured.RestAssured.given().baseUri(two.url()).auth().oauth2(token)
                .contentType(ContentType.JSON).body(edit).put("/api/catalogue/offers/" + offer).then().statusCode(200);
        long edited = System.nanoTime();
        Staleness seenEdit = awaitSearch(one, after, bound, edited, ids -> ids.contains(offer));
        assertEquals(0, search(one, before).size(), "the old title is still found on " + one.name());

        System.out.println("ReplicasIT: search staleness bound " + SEARCH_STALENESS_PROPERTY + " = " + bound
                + "; publish via " + one.name() + " found on " + two.name() + " " + seen
                + "; edit via " + two.name() + " found on " + one.name() + " " + seenEdit);
        assertTrue(seen.heldToBound(), "a search on " + two.name() + " sent after the bound missed the publish: " + seen);
        assertTrue(seenEdit.heldToBound(), "a search on " + one.name() + " sent after the bound missed the edit: "
                + seenEdit);
    }

    // --- the catalogue's staleness --------------------------------------------------------------

    /** The bound: the default of {@link #SEARCH_STALENESS_PROPERTY} in the catalogue's configuration. */
    static Duration searchStalenessBound() throws IOException {
        Path properties = StackConfig.findHome(System.getenv())
                .resolve("catalogue-service/src/main/resources/application.properties");
        Pattern line = Pattern.compile("^" + Pattern.quote(SEARCH_STALENESS_PROPERTY)
                + "\\s*=\\s*(?:\\$\\{[A-Z0-9_]+:([^}]+)}|(\\S+))\\s*$");
        for (String text : Files.readAllLines(properties, StandardCharsets.UTF_8)) {
            Matcher m = line.matcher(text.strip());
            if (m.matches()) {
                return duration(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        throw new IllegalStateException(SEARCH_STALENESS_PROPERTY + " is not set in " + properties);
    }

    /** A duration the way Quarkus reads one: {@code 1S}, {@code 500ms}, {@code 2m} or ISO-8601. */
    static Duration duration(String value) {
        String v = value.strip();
        Matcher m = Pattern.compile("(?i)^(\\d+)(ms|s|m|h)?$").matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        }
        return Duration.parse(v.startsWith("P") || v.startsWith("p") ? v : "PT" + v);
    }

    /**
     * How a change showed in another instance's search: when the first search found it (after the
     * change's answer), and whether every search sent once the bound had passed found it.
     */
    record Staleness(Duration firstFound, long searches, long missedAfterBound, Duration bound) {
        boolean heldToBound() {
            return missedAfterBound == 0;
        }

        @Override
        public String toString() {
            return "after " + seconds(firstFound) + " (" + searches + " searches, " + missedAfterBound
                    + " sent after the bound of " + seconds(bound) + " missed it)";
        }
    }

    /**
     * Searches {@code instance} for {@code word} from the change's answer on until it was found and
     * searches sent after the bound have been made; the change must be found by each of those.
     */
    private static Staleness awaitSearch(LocalStack.Instance instance, String word, Duration bound, long answeredNanos,
            java.util.function.Predicate<List<String>> found) throws Exception {
        long boundAt = answeredNanos + bound.toNanos();
        long deadline = boundAt + Duration.ofSeconds(30).toNanos();
        Duration first = null;
        long searches = 0;
        long missed = 0;
        long afterBound = 0;
        while (afterBound < 5) {
            long sent = System.nanoTime();
            if (sent > deadline) {
                break;
            }
            boolean hit = found.test(search(instance, word));
            searches++;
            if (hit && first == null) {
                first = Duration.ofNanos(System.nanoTime() - answeredNanos);
            }
            if (sent >= boundAt) {
                afterBound++;
                if (!hit) {
                    missed++;
                }
            }
            // Polling for the change; a short pause between searches keeps them from crowding the instance.
            Thread.sleep(50);
        }
        return new Staleness(first, searches, afterBound == 0 ? 1 : missed, bound);
    }

    /** The ids the instance's public search finds for the word, asked directly, not through the gateway. */
    private static List<String> search(LocalStack.Instance instance, String word) {
        return io.restassured.RestAssured.given().baseUri(instance.url()).queryParam("q", word)
                .get("/api/catalogue/offers").then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    // --- the readers ----------------------------------------------------------------------------

    /**
     * Idempotent reads of each service through the gateway while the instances die: the submission
     * service's call, the public catalogue search and the jury's view of the call. Each answer's
     * status is counted (-1: no answer at all).
     */
    private static final class Readers {
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopping;

        Readers(String call) {
            // The organizer's token is asked for at each read: the run outlives one access token (CI: 401s
            // once the restarts took three minutes); Keycloak.token hands out the cached one while it is fresh.
            java.util.function.Supplier<String> organizer = () -> stack.keycloak().token(Steps.ORGANIZER);
            // The jury's view of the call exists once the scoring service has heard of it.
            Gateway.eventually("call " + call + " in the scoring service",
                    () -> stack.gateway().as(Steps.ORGANIZER).get("/api/scoring/calls/" + call).statusCode(),
                    s -> s == 200);
            // Every instance has answered each read a few times before the kills: what is measured is the
            // gateway passing reads on, not the first, uncompiled answers of two cold instances on busy cores
            // (once, both scoring instances took longer than the gateway's 10 s for their first reads).
            warm(FaultStack.SUBMISSION, "/api/calls/" + call, null);
            warm(FaultStack.CATALOGUE, "/api/catalogue/offers?q=Sprachcafe", null);
            warm(FaultStack.SCORING, "/api/scoring/calls/" + call, organizer);
            read("/api/calls/" + call, null);
            read("/api/catalogue/offers?q=Sprachcafe", null);
            read("/api/scoring/calls/" + call, organizer);
        }

        private void warm(String service, String path, java.util.function.Supplier<String> token) {
            for (LocalStack.Instance instance : stack.instances(service)) {
                AtomicLong answered = new AtomicLong();
                Gateway.eventually(path + " answered 200 five times by " + instance.name(), Duration.ofMinutes(2), () -> {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url() + path))
                            .timeout(Duration.ofSeconds(30)).GET();
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token.get());
                    }
                    if (http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        answered.incrementAndGet();
                    }
                    return answered.get();
                }, n -> n >= 5);
            }
        }

        private void read(String path, java.util.function.Supplier<String> token) {
            Thread thread = new Thread(() -> {
                while (!stopping) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.config().gatewayUrl() + path))
                            .timeout(Duration.ofSeconds(30)).GET();
                    if (token != null) {
                        request.header("Authorization", "Bearer " + token.get());
                    }
                    int status;
                    try {
                        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        return;
                    }
                    statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    try {
                        // A steady stream of about five reads a second per service, not a load test.
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "reader " + path);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }

        void stop() throws InterruptedException {
            stopping = true;
            for (Thread thread : threads) {
                thread.join(40_000);
            }
        }

        Map<Integer, Long> statuses() {
            Map<Integer, Long> counts = new TreeMap<>();
            statuses.forEach((status, n) -> counts.put(status, n.get()));
            return counts;
        }
    }

    // --- writes cut off -------------------------------------------------------------------------

    /**
     * The writes whose answer never came (5xx from the gateway, connection broken): applied or not,
     * by the submission database, and whether re-reading the entry through the gateway says the same.
     */
    record Indeterminate(long total, long applied, long notApplied, long disagreeing, List<String> examples) {
        @Override
        public String toString() {
            return total + " (applied once " + applied + ", not applied " + notApplied + ", re-read disagreeing "
                    + disagreeing + ")" + (examples.isEmpty() ? "" : " " + examples);
        }
    }

    private static Indeterminate indeterminate(List<Change> changes) throws Exception {
        long applied = 0;
        long notApplied = 0;
        long disagreeing = 0;
        List<String> examples = new ArrayList<>();
        for (Change c : changes) {
            if (c.outcome() != Outcome.INDETERMINATE) {
                continue;
            }
            Object[] entry = stack.rows("submission", "select status, version from submission where id = ?", c.entry())
                    .get(0);
            boolean done;
            if (c.kind() == Kind.SUBMIT) {
                done = stack.count("submission", "select count(*) from submission_version where submission_id = ? "
                        + "and version = ?", c.entry(), c.version()) == 1;
            } else {
                done = "WITHDRAWN".equals(entry[0]);
            }
            if (done) {
                applied++;
            } else {
                notApplied++;
            }
            // What the municipality sees when it reloads: the same status and version as the database.
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.config().gatewayUrl() + "/api/submissions/" + c.entry()))
                    .header("Authorization", "Bearer " + stack.keycloak().token(c.user())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = read.statusCode() == 200 ? JSON.readTree(read.body()) : null;
            if (body == null || !entry[0].equals(body.path("status").asText())
                    || ((Number) entry[1]).intValue() != body.path("version").asInt()) {
                disagreeing++;
                examples.add(c.kind() + " v" + c.version() + " of " + c.entry() + ": database " + entry[0] + " v"
                        + entry[1] + ", re-read " + read.statusCode() + " " + (body == null ? "" : body.path("status")
                        + " v" + body.path("version")));
            } else if (examples.size() < 6) {
                examples.add(c.kind() + " v" + c.version() + " (" + c.status() + ") " + (done ? "applied" : "not applied"));
            }
        }
        return new Indeterminate(applied + notApplied, applied, notApplied, disagreeing, examples);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Requests the gateway passed on to another instance (its log says so for each). */
    private static long gatewayRetries() throws IOException {
        Path log = stack.config().logDir().resolve("gateway.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("is unreachable") || l.contains("); trying ")).count();
        }
    }

    private long unpublished() {
        return stack.count("submission", "select count(*) from outbox_event where published_at is null");
    }

    private static Map<String, Double> delta(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }

    private static long count(List<Change> changes, Outcome outcome) {
        return changes.stream().filter(c -> c.outcome() == outcome).count();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
