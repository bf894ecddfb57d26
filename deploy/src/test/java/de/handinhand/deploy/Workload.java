package de.handinhand.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The fault suite's steady stream of entry changes through the gateway, as many municipalities
 * make them before a deadline: each drafts an entry, submits it, reopens and resubmits it a few
 * times, sometimes withdraws it, and moves on to the next call. One change (a submit or a
 * withdrawal: what the jury and the catalogue hear of) is started per tick of the given rate, by
 * a municipality that is free; every change is written into the ledger with what its answer said:
 * a 2xx is <em>committed</em>, a 5xx, a timeout or a broken connection <em>indeterminate</em>, a
 * 4xx or a refused connection <em>rejected</em> (nothing may come of it). After an answer that is not
 * a 2xx the municipality reads its entry again before it goes on, like a person would reload the page.
 */
final class Workload {

    enum Kind { SUBMIT, WITHDRAW }

    enum Outcome { COMMITTED, INDETERMINATE, REJECTED }

    /**
     * One attempted change. {@code version}: for a submit, the version it makes (from the answer when
     * committed, else the entry's version + 1); for a withdrawal, the last submitted version (0: a draft
     * never submitted, which nobody else hears of).
     */
    record Change(String scenario, String user, UUID entry, Kind kind, int version, Outcome outcome, int status,
            Instant sent, Instant answered) {
    }

    /** A municipality of the workload and its submitter's user name. */
    record Municipality(String id, String user) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(35);

    private final String gatewayUrl;
    private final Keycloak keycloak;
    private final Steps steps;
    private final List<Municipality> municipalities;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Workload(String gatewayUrl, Keycloak keycloak, Steps steps, List<Municipality> municipalities) {
        this.gatewayUrl = gatewayUrl;
        this.keycloak = keycloak;
        this.steps = steps;
        this.municipalities = municipalities;
    }

    /**
     * Registers {@code count} municipalities (Gemeinden of Landkreis Heilbronn, so the Kreis office
     * {@code hn-office} receives their projects) as the organizer, and a submitter for each in
     * Keycloak, as an administrator would.
     */
    static Workload prepare(Gateway gateway, KeycloakAdmin admin, int count) {
        List<Municipality> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("08125%03d", 900 + i);
            int status = gateway.as(Steps.ORGANIZER).contentType(ContentType.JSON).body(Map.of(
                    "id", id, "name", "Faultheim " + (i + 1), "type", "GEMEINDE", "bundesland", "BW",
                    "kreisId", "08125", "population", 4_000 + i))
                    .post("/api/municipalities").then().extract().statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("Registering municipality " + id + " answered " + status);
            }
            String user = "fault-" + id;
            admin.submitter(user, id);
            list.add(new Municipality(id, user));
        }
        // One token each now, so the stream does not start with a queue at Keycloak.
        list.forEach(m -> gateway.keycloak().token(m.user()));
        return new Workload(gateway.url(), gateway.keycloak(), new Steps(gateway), list);
    }

    List<Municipality> municipalities() {
        return municipalities;
    }

    /**
     * Starts the stream. {@code rollback} names the municipalities whose entries carry
     * {@link #ROLLBACK_MARK} in their title (scenario S9 makes every submit of them fail at commit).
     */
    Run start(String scenario, double perSecond, Predicate<Municipality> rollback) {
        return new Run(scenario, perSecond, rollback);
    }

    /** Marks the title of an entry whose submits must roll back (scenario S9). */
    static final String ROLLBACK_MARK = "[rollback]";

    final class Run {
        private final String scenario;
        private final List<String> calls = new CopyOnWriteArrayList<>();
        private final ConcurrentLinkedQueue<Change> ledger = new ConcurrentLinkedQueue<>();
        private final BlockingQueue<Actor> idle = new LinkedBlockingQueue<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService workers;
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong skippedTicks = new AtomicLong();
        private final AtomicLong ticks = new AtomicLong();
        /** Only every n-th tick starts a change ({@link #slowTo}); 1: every tick. */
        private volatile int oneTickIn = 1;
        /** The answers to the municipalities' re-reads (GET) by status; -1: no answer (connection broken, timeout). */
        private final Map<Integer, AtomicLong> reads = new java.util.concurrent.ConcurrentHashMap<>();
        private final Instant started = Instant.now();
        private volatile boolean stopping;
        private volatile Instant stopped;

        private Run(String scenario, double perSecond, Predicate<Municipality> rollback) {
            this.scenario = scenario;
            workers = Executors.newFixedThreadPool(municipalities.size());
            long seed = scenario.hashCode();
            for (int i = 0; i < municipalities.size(); i++) {
                Municipality m = municipalities.get(i);
                idle.add(new Actor(m, rollback.test(m), new Random(seed * 31 + i)));
            }
            // Calls enough for the stream's start; more are opened when a municipality runs out.
            for (int i = 0; i < 3; i++) {
                openCall();
            }
            long period = Math.max(1, Math.round(1_000_000 / perSecond));
            ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.MICROSECONDS);
        }

        private void tick() {
            if (ticks.incrementAndGet() % oneTickIn != 0) {
                return;
            }
            Actor actor = idle.poll();
            if (actor == null) {
                // Every municipality is waiting for an answer: the stream slows down, as it would for people.
                skippedTicks.incrementAndGet();
                return;
            }
            workers.execute(() -> {
                try {
                    actor.step();
                } catch (RuntimeException | AssertionError e) {
                    // Keycloak or the gateway away (a whole-stack restart), or a call that could not be
                    // opened (Steps asserts its 201; the submission service being restarted answers 503):
                    // the step is simply not taken.
                } finally {
                    if (!stopping) {
                        idle.add(actor);
                    }
                }
            });
        }

        private synchronized String call(int index) {
            while (calls.size() <= index) {
                openCall();
            }
            return calls.get(index);
        }

        private void openCall() {
            calls.add(steps.openCall("Fault " + scenario + " " + (calls.size() + 1) + " " + Steps.uniqueWord("")));
        }

        /**
         * From now on only one tick in {@code n} starts a change (1: the full rate again): the same
         * municipalities and kinds of change, a fraction of the load.
         */
        void slowTo(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("one tick in " + n);
            }
            oneTickIn = n;
        }

        /** Stops starting changes and waits for those under way to be answered. */
        void stop() throws InterruptedException {
            stopping = true;
            ticker.shutdownNow();
            workers.shutdown();
            if (!workers.awaitTermination(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Changes still under way 3 minutes after the stream stopped");
            }
            stopped = Instant.now();
        }

        String scenario() {
            return scenario;
        }

        List<Change> changes() {
            return List.copyOf(ledger);
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        long requests() {
            return requests.get();
        }

        /** How the re-reads of entries (GET, after an answer that was not a 2xx) were answered: status to count. */
        Map<Integer, Long> reads() {
            Map<Integer, Long> counts = new java.util.TreeMap<>();
            reads.forEach((status, n) -> counts.put(status, n.get()));
            return counts;
        }

        /** Ticks at which every municipality was still waiting for an answer, so no change started. */
        long skippedTicks() {
            return skippedTicks.get();
        }

        /** Changes started per second while the stream ran. */
        double rate() {
            Instant end = stopped == null ? Instant.now() : stopped;
            return ledger.size() / Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
        }

        /** One municipality: its entry in the current call and what it knows of it. */
        private final class Actor {
            final Municipality municipality;
            final boolean rollback;
            final Random random;
            int callIndex = -1;
            UUID entry;
            String status;
            int version;
            int changesLeft;
            boolean withdrawAtEnd;
            int failedSubmits;

            Actor(Municipality municipality, boolean rollback, Random random) {
                this.municipality = municipality;
                this.rollback = rollback;
                this.random = random;
            }

            /** One change: a submit (after drafting or reopening as needed) or a withdrawal. */
            void step() {
                if (entry != null && "SUBMITTED".equals(status) && changesLeft <= 0) {
                    if (withdrawAtEnd) {
                        withdraw();
                        return;
                    }
                    moveOn();
                }
                if (entry != null && "DRAFT".equals(status) && failedSubmits >= 3) {
                    // An entry that cannot be submitted (S9's rollbacks) is given up.
                    withdraw();
                    return;
                }
                if (entry != null && "WITHDRAWN".equals(status)) {
                    moveOn();
                }
                if (entry == null && !draft()) {
                    return;
                }
                if ("SUBMITTED".equals(status) && !reopen()) {
                    return;
                }
                submit();
            }

            private void moveOn() {
                callIndex++;
                entry = null;
                status = null;
                version = 0;
                failedSubmits = 0;
                changesLeft = 2 + random.nextInt(9);
                withdrawAtEnd = random.nextInt(100) < 35;
            }

            private boolean draft() {
                if (callIndex < 0) {
                    moveOn();
                }
                String call = call(callIndex);
                String title = "Faultheim " + municipality.id() + " " + scenario + (rollback ? " " + ROLLBACK_MARK : "");
                Answer answer = send("POST", "/api/submissions", Steps.entry(call, title, "Projekt " + title));
                if (answer.status() == 201) {
                    entry = UUID.fromString(answer.body().get("id").asText());
                    status = "DRAFT";
                    version = 0;
                    return true;
                }
                // A draft concerns nobody else: whatever became of it, this municipality takes the next call.
                moveOn();
                return false;
            }

            private boolean reopen() {
                Answer answer = send("POST", "/api/submissions/" + entry + "/reopen", null);
                if (answer.status() == 200) {
                    status = "DRAFT";
                    return true;
                }
                refresh();
                return false;
            }

            private void submit() {
                Instant sent = Instant.now();
                Answer answer = send("POST", "/api/submissions/" + entry + "/submit", null);
                if (answer.outcome() == Outcome.COMMITTED) {
                    int made = answer.body().get("version").asInt();
                    record(Kind.SUBMIT, made, answer, sent);
                    status = "SUBMITTED";
                    version = made;
                    changesLeft--;
                    failedSubmits = 0;
                } else {
                    record(Kind.SUBMIT, version + 1, answer, sent);
                    failedSubmits++;
                    refresh();
                }
            }

            private void withdraw() {
                Instant sent = Instant.now();
                Answer answer = send("POST", "/api/submissions/" + entry + "/withdraw", null);
                record(Kind.WITHDRAW, version, answer, sent);
                if (answer.outcome() == Outcome.COMMITTED) {
                    status = "WITHDRAWN";
                } else {
                    refresh();
                }
            }

            private void record(Kind kind, int version, Answer answer, Instant sent) {
                ledger.add(new Change(scenario, municipality.user(), entry, kind, version, answer.outcome(),
                        answer.status(), sent, Instant.now()));
            }

            /** Reads the entry until it answers (the stack may be restarting); gives it up when the stream stops. */
            private void refresh() {
                while (true) {
                    Answer answer = send("GET", "/api/submissions/" + entry, null);
                    if (answer.status() == 200) {
                        status = answer.body().get("status").asText();
                        version = answer.body().get("version").asInt();
                        return;
                    }
                    if (stopping) {
                        moveOn();
                        return;
                    }
                    // Waiting for the stack to answer again, not for an event: a pause before the next try.
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        moveOn();
                        return;
                    }
                }
            }

            private Answer send(String method, String path, Object body) {
                requests.incrementAndGet();
                String token;
                try {
                    token = keycloak.token(municipality.user());
                } catch (RuntimeException e) {
                    return new Answer(Outcome.REJECTED, -1, null);
                }
                try {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json");
                    if (body != null) {
                        request.header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                    } else {
                        request.method(method, HttpRequest.BodyPublishers.noBody());
                    }
                    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    int status = response.statusCode();
                    if (method.equals("GET")) {
                        reads.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    }
                    JsonNode json = status / 100 == 2 ? JSON.readTree(response.body()) : null;
                    Outcome outcome = status / 100 == 2 ? Outcome.COMMITTED
                            : status >= 500 ? Outcome.INDETERMINATE : Outcome.REJECTED;
                    return new Answer(outcome, status, json);
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    // Never reached the gateway: nothing can have happened.
                    return new Answer(Outcome.REJECTED, -1, null);
                } catch (IOException e) {
                    if (method.equals("GET")) {
                        reads.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                    }
                    // Sent, and then the answer timed out or the connection broke: it may have happened.
                    return new Answer(Outcome.INDETERMINATE, -1, null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Answer(Outcome.INDETERMINATE, -1, null);
                }
            }
        }
    }

    private record Answer(Outcome outcome, int status, JsonNode body) {
    }
}
