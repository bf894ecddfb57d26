package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.deploy.FaultAudit.Report;
import de.handinhand.deploy.Workload.Change;
import de.handinhand.deploy.Workload.Kind;
import de.handinhand.deploy.Workload.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6's first promise under faults: every committed entry change reaches scoring and catalogue
 * exactly once in effect, whatever breaks on the way. {@code mvn -Pfaults verify} (README
 * "Reliability"). Each scenario runs a steady stream of entry changes through the gateway
 * ({@link Workload}), breaks something in the middle of it, heals it, and then counts, per
 * consumer, in the databases themselves ({@link FaultAudit}): lost, phantom, duplicate effects,
 * final versions, plus the dead-letter records, the outbox rows still unpublished 60 s after the
 * fault healed, the order of each entry's events on the topic and the duplicates the inboxes
 * skipped (above 0 where the fault must cause redelivery: proof that its window was hit). One row
 * per scenario, then {@code fault scenarios: N passed, M failed}; the build fails if M &gt; 0.
 *
 * <p>{@code -Dfaults.scenarios=S1,S4} runs some scenarios only, {@code -Dfaults.scale=0.3} shortens
 * every phase (faults included), {@code -Dfaults.rate=50} sets the changes per second.
 */
class FaultSuiteIT {

    private static final double SCALE = Double.parseDouble(property("faults.scale", "1"));
    private static final double RATE = Double.parseDouble(property("faults.rate", "50"));
    private static final int MUNICIPALITIES = 48;
    private static final List<String> DLQ_TOPICS = List.of("submission-events.scoring.dlq",
            "submission-events.catalogue.dlq", "scoring-events.catalogue.dlq", "scoring-events.submission.dlq");
    /** After the fault heals and the stream stops, how long the consumers may take to catch up. */
    private static final Duration CONVERGE = Duration.ofMinutes(4);

    private static FaultStack stack;
    private static Workload workload;
    private static MetricsWatch metrics;
    private static final List<Change> suiteLedger = new CopyOnWriteArrayList<>();
    private static final Random RANDOM = new Random(13);

    @BeforeAll
    static void startStack() throws Exception {
        stack = FaultStack.start();
        metrics = new MetricsWatch(() -> Stream.of(FaultStack.SUBMISSION, FaultStack.SCORING, FaultStack.CATALOGUE)
                .flatMap(s -> stack.instances(s).stream()).toList());
        workload = Workload.prepare(stack.gateway(), new KeycloakAdmin(stack.config().keycloakUrl()), MUNICIPALITIES);
    }

    @AfterAll
    static void stopStack() {
        if (metrics != null) {
            metrics.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void faultScenarios() {
        long started = System.nanoTime();
        Set<String> selected = selected();
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (!selected.contains("ALL") && !selected.contains(scenario.id().toUpperCase(Locale.ROOT))) {
                continue;
            }
            System.out.println("\n=== " + scenario.id() + " " + scenario.title() + " ===");
            Row row;
            try {
                row = new Run(scenario).execute();
            } catch (Throwable e) {
                e.printStackTrace();
                row = Row.broken(scenario, e);
                try {
                    stack.healEverything();
                } catch (Exception healing) {
                    System.out.println("Could not heal the stack after " + scenario.id() + ": " + healing);
                }
            }
            rows.add(row);
            System.out.println(Row.HEADER);
            System.out.println(row.line());
        }
        long passed = rows.stream().filter(Row::passed).count();
        long failed = rows.size() - passed;
        StringBuilder out = new StringBuilder("\nFault suite: ").append(suiteLedger.size())
                .append(" entry changes in all, ").append(String.format(Locale.ROOT, "%.1f",
                        (System.nanoTime() - started) / 60e9)).append(" minutes\n");
        out.append(Row.HEADER).append('\n');
        rows.forEach(r -> out.append(r.line()).append('\n'));
        out.append(Row.LEGEND).append('\n');
        for (Row r : rows) {
            if (!r.passed() || !r.notes().isEmpty()) {
                out.append('\n').append(r.scenario().id()).append(r.passed() ? " notes" : " failed").append(":\n");
                r.failures().forEach(f -> out.append("  - ").append(f).append('\n'));
                r.notes().forEach(n -> out.append("    ").append(n).append('\n'));
            }
        }
        out.append("\nfault scenarios: ").append(passed).append(" passed, ").append(failed).append(" failed");
        System.out.println(out);
        assertEquals(0, failed, "fault scenarios failed; see the table above");
    }

    // --- the scenarios -------------------------------------------------------------------------

    /** One scenario: what it breaks, and whether its fault must make the consumers see events again. */
    record Scenario(String id, String title, boolean mustRedeliver, Script script) {
    }

    @FunctionalInterface
    interface Script {
        void run(Run run) throws Exception;
    }

    private static List<Scenario> scenarios() {
        return List.of(
                new Scenario("S1", "broker crash: kill -9, back after 20 s", false, run -> {
                    run.stream();
                    run.hold(10);
                    stack.killKafka();
                    run.hold(20);
                    stack.startKafka();
                    run.healed();
                    run.hold(10);
                }),
                new Scenario("S2", "broker hang: SIGSTOP for 40 s", false, run -> {
                    run.stream();
                    run.hold(10);
                    stack.pauseKafka();
                    Instant hang = Instant.now();
                    run.expectRelayReportsFailing(hang, 40);
                    run.holdUntil(hang, 40);
                    stack.resumeKafka();
                    run.healed();
                    run.hold(10);
                }),
                new Scenario("S3", "network cut: the proxy holds all traffic for 45 s", false, run -> {
                    run.stream();
                    run.hold(10);
                    stack.proxy().cut();
                    run.hold(45);
                    stack.proxy().heal();
                    run.healed();
                    run.hold(10);
                }),
                new Scenario("S4", "consumer crash: kill -9, then SIGTERM, of scoring and catalogue", true, run -> {
                    run.stream();
                    run.hold(10);
                    for (boolean hard : new boolean[] {true, false}) {
                        for (String service : List.of(FaultStack.SCORING, FaultStack.CATALOGUE)) {
                            run.hold(3 + RANDOM.nextInt(6));
                            LocalStack.Instance instance = stack.instance(service);
                            metrics.scrapeNow();
                            if (hard) {
                                stack.stack().kill(instance);
                            } else {
                                stack.stack().stop(instance);
                            }
                            run.note((hard ? "kill -9 " : "SIGTERM ") + instance.name() + ", ready again after "
                                    + seconds(stack.stack().restart(instance, true)));
                        }
                    }
                    run.healed();
                    run.hold(10);
                }),
                new Scenario("S5", "full replay: both consumer groups reset to the earliest offset", true, Run::replay),
                new Scenario("S6", "relay crash: kill -9 of a submission instance during a 40 s broker hang, two relays",
                        true, run -> {
                            LocalStack.Instance second = stack.stack().addInstance(FaultStack.SUBMISSION);
                            run.note("second relay: " + second);
                            try {
                                run.stream();
                                run.hold(10);
                                stack.pauseKafka();
                                Instant hang = Instant.now();
                                run.hold(15);
                                LocalStack.Instance victim = stack.instance(FaultStack.SUBMISSION);
                                metrics.scrapeNow();
                                stack.stack().kill(victim);
                                run.note("kill -9 " + victim.name() + " 15 s into the hang; alive again after "
                                        + seconds(stack.stack().restart(victim, false)));
                                run.holdUntil(hang, 40);
                                stack.resumeKafka();
                                run.healed();
                                run.hold(10);
                                run.endStream();
                                run.expectBothRelaysPublished();
                            } finally {
                                run.settle(true);
                                stack.stack().remove(second);
                            }
                        }),
                new Scenario("S7a", "consumer database outage: 90 s, logins revoked, sessions ended", false,
                        run -> databaseOutage(run, 90)),
                new Scenario("S7b", "consumer database outage: 150 s, logins revoked, sessions ended", false,
                        run -> databaseOutage(run, 150)),
                new Scenario("S8", "the submission service starts while Kafka is down", false, run -> {
                    LocalStack.Instance submission = stack.instance(FaultStack.SUBMISSION);
                    stack.stack().stop(submission);
                    stack.killKafka();
                    run.note("submission service alive again (Kafka down) after "
                            + seconds(stack.stack().restart(submission, false)));
                    run.stream();
                    run.hold(20);
                    stack.startKafka();
                    run.healed();
                    run.expectBacklogDrainedWithin(Duration.ofSeconds(60));
                    run.hold(10);
                }),
                new Scenario("S9", "a change that rolls back at commit publishes nothing", false, Run::rollbacks),
                new Scenario("S10", "the whole stack stopped (SIGTERM) and started again", false, Run::wholeStack));
    }

    private static void databaseOutage(Run run, int seconds) throws Exception {
        run.stream();
        run.hold(10);
        stack.revokeLogin("scoring");
        stack.revokeLogin("catalogue");
        Instant outage = Instant.now();
        try {
            run.expectConsumersReportWaiting(outage, seconds);
            run.holdUntil(outage, seconds);
        } finally {
            stack.restoreLogin("scoring");
            stack.restoreLogin("catalogue");
        }
        run.healed();
        run.hold(10);
    }

    // --- one run of a scenario -----------------------------------------------------------------

    /** A scenario under way: its stream, its fault's timeline, and what is counted afterwards. */
    final class Run {
        final Scenario scenario;
        final List<String> failures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Map<TopicPartition, Long> dlqStart;
        final Map<TopicPartition, Long> eventsStart;
        final Map<String, Double> duplicatesBefore;
        final Map<String, Double> publishedBefore;
        final Instant begun = Instant.now();
        Workload.Run stream;
        List<Change> changes = List.of();
        Instant healedAt;
        Duration backlogDrained;
        Thread drainWatch;
        Duration recovery;
        Report report;
        boolean settled;
        Set<UUID> extraEntries = new HashSet<>();

        Run(Scenario scenario) {
            this.scenario = scenario;
            this.dlqStart = stack.endOffsets(DLQ_TOPICS);
            this.eventsStart = stack.endOffsets(List.of("submission-events"));
            metrics.scrapeNow();
            this.duplicatesBefore = metrics.duplicates();
            this.publishedBefore = metrics.published();
        }

        void stream() {
            stream = workload.start(scenario.id(), RATE, m -> false);
        }

        void note(String note) {
            System.out.println("  " + scenario.id() + ": " + note);
            notes.add(note);
        }

        /** The scenario's timeline: a fault lasts this long (scaled), the stream runs on meanwhile. */
        void hold(double seconds) throws InterruptedException {
            Thread.sleep(Math.max(1_000, Math.round(seconds * SCALE * 1000)));
        }

        /** Holds until {@code seconds} (scaled) after {@code start}, e.g. the rest of a hang. */
        void holdUntil(Instant start, double seconds) throws InterruptedException {
            long left = Duration.between(Instant.now(), start.plusMillis(Math.round(seconds * SCALE * 1000)))
                    .toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
        }

        /** The fault is over from here on; what was committed before now is its backlog. */
        void healed() {
            healedAt = Instant.now();
            drainWatch = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        if (stack.count("submission", "select count(*) from outbox_event where published_at is null "
                                + "and created_at <= ?", java.sql.Timestamp.from(healedAt)) == 0) {
                            backlogDrained = Duration.between(healedAt, Instant.now());
                            return;
                        }
                    } catch (IllegalStateException e) {
                        // The database is starting again (S10): ask again.
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "drain-watch");
            drainWatch.setDaemon(true);
            drainWatch.start();
        }

        void expectBacklogDrainedWithin(Duration within) {
            awaitBacklogDrain(within);
            if (backlogDrained == null || backlogDrained.compareTo(within) > 0) {
                failures.add("the outbox's backlog was not published within " + within.toSeconds()
                        + " s of the broker's return");
            }
        }

        private void awaitBacklogDrain(Duration within) {
            try {
                drainWatch.join(Math.max(1, Duration.between(Instant.now(), healedAt.plus(within)).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void endStream() throws InterruptedException {
            if (stream != null && changes.isEmpty()) {
                stream.stop();
                changes = stream.changes();
                suiteLedger.addAll(changes);
                System.out.printf(Locale.ROOT, "  %s: %d changes in %d requests over %d calls, %.1f/s; %d ticks found "
                        + "every municipality busy%n", scenario.id(), changes.size(), stream.requests(),
                        stream.calls().size(), stream.rate(), stream.skippedTicks());
            }
        }

        /**
         * While the consumers' database is away, their readiness must say why: the check "event
         * consumers" DOWN, naming the consumer that waits. Polled until it does or the outage ends.
         */
        void expectConsumersReportWaiting(Instant outage, double seconds) throws InterruptedException {
            Instant end = outage.plusMillis(Math.round(seconds * SCALE * 1000));
            Map<String, String> consumers = Map.of(FaultStack.SCORING, FaultAudit.SCORING_INBOX,
                    FaultStack.CATALOGUE, FaultAudit.CATALOGUE_INBOX);
            Map<String, String> seen = new LinkedHashMap<>();
            while (seen.size() < consumers.size() && Instant.now().isBefore(end)) {
                consumers.forEach((service, consumer) -> {
                    if (!seen.containsKey(service)) {
                        String waiting = waitingConsumer(stack.instance(service), consumer);
                        if (waiting != null) {
                            seen.put(service, seconds(Duration.between(outage, Instant.now())) + " into the outage: "
                                    + waiting);
                        }
                    }
                });
                Thread.sleep(1_000);
            }
            seen.forEach((service, what) -> note(service + " readiness DOWN " + what));
            consumers.keySet().stream().filter(s -> !seen.containsKey(s)).forEach(s -> failures.add(s
                    + "'s readiness never said that its consumer waits (check \"event consumers\" DOWN)"));
        }

        /**
         * While the broker hangs, the submission service's relay must say so: the wellness check
         * "outbox relay" DOWN once its rounds have failed for 30 s (a round gives up after 40 s at
         * most, and counts from its start). Polled until it does or the hang ends.
         */
        void expectRelayReportsFailing(Instant hang, double seconds) throws InterruptedException {
            if (seconds * SCALE < 35) {
                note("the relay's wellness not checked: a hang of " + Math.round(seconds * SCALE)
                        + " s is too short for its 30 s");
                return;
            }
            Instant end = hang.plusMillis(Math.round(seconds * SCALE * 1000));
            LocalStack.Instance submission = stack.instance(FaultStack.SUBMISSION);
            while (Instant.now().isBefore(end)) {
                String failing = relayFailing(submission);
                if (failing != null) {
                    note("submission-service wellness DOWN " + seconds(Duration.between(hang, Instant.now()))
                            + " into the hang: " + failing);
                    return;
                }
                Thread.sleep(1_000);
            }
            failures.add("the submission service's wellness never said that its relay fails (check \"outbox relay\" "
                    + "DOWN at /q/health/well)");
        }

        /** The data of a DOWN "outbox relay" check, or null. */
        private String relayFailing(LocalStack.Instance instance) {
            try {
                io.restassured.response.Response well = io.restassured.RestAssured.given()
                        .get(instance.url() + "/q/health/well");
                List<Map<String, Object>> checks = well.jsonPath().getList("checks");
                for (Map<String, Object> check : checks == null ? List.<Map<String, Object>>of() : checks) {
                    if ("outbox relay".equals(check.get("name")) && "DOWN".equals(check.get("status"))
                            && check.get("data") instanceof Map<?, ?> data) {
                        return data.get("failed-rounds") + " failed rounds since " + data.get("failing-since")
                                + ", last: " + data.get("last-error");
                    }
                }
                return null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** The data of a DOWN "event consumers" check naming {@code consumer}, or null. */
        private String waitingConsumer(LocalStack.Instance instance, String consumer) {
            try {
                io.restassured.response.Response ready = io.restassured.RestAssured.given()
                        .get(instance.url() + "/q/health/ready");
                List<Map<String, Object>> checks = ready.jsonPath().getList("checks");
                for (Map<String, Object> check : checks == null ? List.<Map<String, Object>>of() : checks) {
                    if ("event consumers".equals(check.get("name")) && "DOWN".equals(check.get("status"))
                            && check.get("data") instanceof Map<?, ?> data
                            && data.containsKey(consumer + ".event")) {
                        return data.get(consumer + ".failed-tries") + " failed tries of " + data.get(consumer + ".event");
                    }
                }
                return null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        void expectBothRelaysPublished() {
            metrics.scrapeNow();
            Map<String, Double> after = metrics.published();
            Map<String, Double> delta = new LinkedHashMap<>();
            after.forEach((instance, n) -> delta.put(instance, n - publishedBefore.getOrDefault(instance, 0.0)));
            note("events published per relay: " + delta);
            if (delta.size() < 2 || delta.values().stream().anyMatch(n -> n <= 0)) {
                failures.add("not both relays published: " + delta);
            }
        }

        /** Waits until everything has arrived, then counts. */
        void settle(boolean checkRedelivery) throws Exception {
            if (settled) {
                return;
            }
            settled = true;
            endStream();
            boolean faulted = healedAt != null;
            if (!faulted) {
                healedAt = Instant.now();
            }
            // Unpublished rows: the outbox must be empty within 60 s of the fault's end and of the stream's.
            Instant outboxDeadline = Instant.now().plusSeconds(60);
            long unpublished;
            while ((unpublished = unpublished()) > 0 && Instant.now().isBefore(outboxDeadline)) {
                Thread.sleep(500);
            }
            if (drainWatch != null) {
                awaitBacklogDrain(Duration.ofSeconds(60));
                drainWatch.interrupt();
            }
            FaultAudit audit = new FaultAudit(stack, changes);
            Instant deadline = Instant.now().plus(CONVERGE);
            report = audit.count(healedAt);
            while (!(report.scoring().clean() && report.catalogue().clean()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(2_000);
                report = audit.count(healedAt);
            }
            if (report.lastEffectOfBacklog() != null && faulted) {
                recovery = Duration.between(healedAt, report.lastEffectOfBacklog());
                if (recovery.isNegative()) {
                    recovery = Duration.ZERO;
                }
            }
            long dlq = 0;
            for (String topic : DLQ_TOPICS) {
                dlq += stack.countSince(topic, dlqStart);
            }
            List<String> examples = new ArrayList<>(report.examples());
            List<ConsumerRecord<String, String>> records = stack.read("submission-events", eventsStart);
            long reordered = FaultAudit.reordered(records, audit.events(), examples);
            metrics.scrapeNow();
            double skipped = 0;
            for (String service : List.of(FaultStack.SCORING, FaultStack.CATALOGUE)) {
                skipped += metrics.duplicates().getOrDefault(service, 0.0) - duplicatesBefore.getOrDefault(service, 0.0);
            }
            result = new Counted(dlq, unpublished, reordered, Math.round(skipped));
            if (!report.scoring().clean()) {
                failures.add("scoring: lost/phantom/duplicates/versions off " + report.scoring());
            }
            if (!report.catalogue().clean()) {
                failures.add("catalogue: lost/phantom/duplicates/versions off " + report.catalogue());
            }
            if (report.sourceLost() > 0 || report.sourcePhantom() > 0) {
                failures.add("submission database: " + report.sourceLost() + " committed changes without an event, "
                        + report.sourcePhantom() + " events without a change that may have happened");
            }
            if (dlq > 0) {
                failures.add(dlq + " records on the dead-letter topics");
            }
            if (unpublished > 0) {
                failures.add(unpublished + " outbox rows unpublished 60 s after the stream and the fault ended");
            }
            if (reordered > 0) {
                failures.add(reordered + " events reached the topic out of their entry's order");
            }
            if (checkRedelivery && scenario.mustRedeliver() && skipped <= 0) {
                failures.add("no duplicate was skipped: the fault did not hit the window it is meant to hit");
            }
            if (!failures.isEmpty()) {
                notes.addAll(examples);
            }
        }

        Counted result;

        long unpublished() {
            return stack.count("submission", "select count(*) from outbox_event where published_at is null");
        }

        Row execute() throws Exception {
            try {
                scenario.script().run(this);
            } finally {
                if (stream != null) {
                    endStream();
                }
            }
            settle(true);
            return Row.of(this);
        }

        // --- scenarios with more steps than a timeline ------------------------------------------

        /** S5: the stream, then both groups rewound to the start: every effect must stay as it was. */
        void replay() throws Exception {
            stream();
            hold(20);
            endStream();
            settle(false);
            Set<UUID> every = new HashSet<>();
            suiteLedger.forEach(c -> every.add(c.entry()));
            UUID[] entries = every.toArray(UUID[]::new);
            List<String> before = effects(entries);
            stack.stack().stop(stack.instance(FaultStack.SCORING));
            stack.stack().stop(stack.instance(FaultStack.CATALOGUE));
            stack.resetToEarliest("scoring-service", List.of("submission-events"));
            stack.resetToEarliest("catalogue-service", List.of("submission-events", "scoring-events"));
            long replayed = stack.endOffsets(List.of("submission-events")).values().stream().mapToLong(Long::longValue).sum();
            Instant restarted = Instant.now();
            stack.stack().restart(stack.instance(FaultStack.SCORING), true);
            stack.stack().restart(stack.instance(FaultStack.CATALOGUE), true);
            Instant deadline = Instant.now().plus(CONVERGE);
            while ((stack.lag("scoring-service", List.of("submission-events")) > 0
                    || stack.lag("catalogue-service", List.of("submission-events", "scoring-events")) > 0)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(1_000);
            }
            recovery = Duration.between(restarted, Instant.now());
            note(replayed + " records of submission-events read again in " + seconds(recovery));
            List<String> after = effects(entries);
            if (!before.equals(after)) {
                List<String> changed = new ArrayList<>(after);
                changed.removeAll(before);
                failures.add("effects changed by the replay: " + changed.size() + " rows, e.g. "
                        + changed.stream().limit(3).toList());
            }
            metrics.scrapeNow();
            double skipped = 0;
            for (String service : List.of(FaultStack.SCORING, FaultStack.CATALOGUE)) {
                skipped += metrics.duplicates().getOrDefault(service, 0.0) - duplicatesBefore.getOrDefault(service, 0.0);
            }
            result = new Counted(result.dlq(), result.unpublished(), result.reordered(), Math.round(skipped));
            if (skipped <= 0) {
                failures.add("no duplicate was skipped during the replay");
            }
        }

        /** Every effect of the entries, as text rows: cases, offers and the counts of their records. */
        private List<String> effects(UUID[] entries) {
            List<String> rows = new ArrayList<>();
            for (Object[] r : stack.rows("scoring", "select submission_id, version, status, updated_at from jury_case "
                    + "where submission_id = any(?) order by submission_id", (Object) entries)) {
                rows.add("case " + r[0] + " v" + r[1] + " " + r[2] + " " + r[3]);
            }
            rows.add("change_log " + stack.count("scoring", "select count(*) from change_log where submission_id = any(?)",
                    (Object) entries));
            for (Object[] r : stack.rows("catalogue", "select origin_submission_id, origin_project, origin_version, "
                    + "status, updated_at from offer where origin_submission_id = any(?) order by 1, 2", (Object) entries)) {
                rows.add("offer " + r[0] + "/" + r[1] + " v" + r[2] + " " + r[3] + " " + r[4]);
            }
            rows.add("offer_change " + stack.count("catalogue", "select count(*) from offer_change c join offer o "
                    + "on o.id = c.offer_id where o.origin_submission_id = any(?)", (Object) entries));
            rows.add("processed " + stack.count("scoring", "select count(*) from processed_event") + " "
                    + stack.count("catalogue", "select count(*) from processed_event"));
            return rows;
        }

        /** S9: a quarter of the municipalities' submits fail when their transaction commits. */
        void rollbacks() throws Exception {
            stack.execute("submission", """
                    create or replace function fault_rollback() returns trigger language plpgsql as $$
                    begin
                      if exists (select 1 from submission where id = new.submission_id and title like '%[rollback]%') then
                        raise exception 'fault suite: this change rolls back at commit';
                      end if;
                      return new;
                    end $$""", """
                    create constraint trigger fault_rollback after insert on submission_version
                      deferrable initially deferred for each row execute function fault_rollback()""");
            Set<String> marked = new HashSet<>();
            for (int i = 0; i < workload.municipalities().size(); i += 4) {
                marked.add(workload.municipalities().get(i).user());
            }
            try {
                stream = workload.start(scenario.id(), RATE, m -> marked.contains(m.user()));
                hold(20);
                endStream();
            } finally {
                stack.execute("submission", "drop trigger if exists fault_rollback on submission_version",
                        "drop function if exists fault_rollback()");
            }
            List<Change> rolledBack = changes.stream().filter(c -> marked.contains(c.user()) && c.kind() == Kind.SUBMIT)
                    .toList();
            UUID[] entries = rolledBack.stream().map(Change::entry).distinct().toArray(UUID[]::new);
            String[] keys = Stream.of(entries).map(UUID::toString).toArray(String[]::new);
            long failedAtCommit = rolledBack.stream().filter(c -> c.outcome() == Outcome.INDETERMINATE).count();
            long committed = rolledBack.stream().filter(c -> c.outcome() == Outcome.COMMITTED).count();
            long versions = stack.count("submission", "select count(*) from submission_version where submission_id = any(?)",
                    (Object) entries);
            long outbox = stack.count("submission", "select count(*) from outbox_event where aggregate_id = any(?)",
                    (Object) keys);
            Set<String> keySet = Set.of(keys);
            long onTopic = stack.read("submission-events", eventsStart).stream().filter(r -> keySet.contains(r.key()))
                    .count();
            note(rolledBack.size() + " submits of entries marked to roll back: " + failedAtCommit
                    + " answered 5xx, " + committed + " 2xx; their versions stored " + versions + ", outbox rows "
                    + outbox + ", records on the topic " + onTopic);
            if (failedAtCommit == 0) {
                failures.add("no submit rolled back: the fault was never hit");
            }
            if (committed > 0 || versions > 0 || outbox > 0 || onTopic > 0) {
                failures.add("a rolled-back change left a trace: " + committed + " answered 2xx, " + versions
                        + " versions, " + outbox + " outbox rows, " + onTopic + " records on the topic");
            }
        }

        /** S10: everything stopped with SIGTERM mid-stream and started again; the whole suite's ledger audited. */
        void wholeStack() throws Exception {
            stream();
            hold(10);
            Map<String, Long> before = rowCounts();
            stack.stopWholeStack();
            // Everything is down: what was committed until now is the backlog of the start.
            healed();
            note("stack started again after " + seconds(stack.startWholeStack()));
            Map<String, Long> after = rowCounts();
            note("rows before the stop " + before + ", after the start " + after);
            before.forEach((table, n) -> {
                if (after.get(table) < n) {
                    failures.add(table + ": " + n + " rows before the stop, " + after.get(table) + " after the start");
                }
            });
            hold(10);
            endStream();
            settle(true);
            FaultAudit whole = new FaultAudit(stack, suiteLedger);
            Report all = whole.count(healedAt);
            note("the whole suite's " + suiteLedger.size() + " changes after the restart: scoring " + all.scoring()
                    + ", catalogue " + all.catalogue() + " (lost/phantom/duplicates/versions off)");
            if (!all.clean()) {
                failures.add("after the restart, the whole suite: scoring " + all.scoring() + ", catalogue "
                        + all.catalogue() + ", source " + all.sourceLost() + "/" + all.sourcePhantom());
                notes.addAll(all.examples());
            }
        }

        /**
         * The rows of the tables that only ever grow (the purge is off): none may be missing after the
         * start. Offers are left out, a withdrawal deletes its proposals; the audit of the whole suite
         * checks every effect instead.
         */
        private Map<String, Long> rowCounts() {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of("submission", "submission_version", "outbox_event")) {
                counts.put("submission." + table, stack.count("submission", "select count(*) from " + table));
            }
            counts.put("scoring.jury_case", stack.count("scoring", "select count(*) from jury_case"));
            counts.put("scoring.change_log", stack.count("scoring", "select count(*) from change_log"));
            counts.put("scoring.processed_event", stack.count("scoring", "select count(*) from processed_event"));
            counts.put("catalogue.processed_event", stack.count("catalogue", "select count(*) from processed_event"));
            return counts;
        }
    }

    /** Dead letters, outbox rows left, reordered events, skipped duplicates. */
    record Counted(long dlq, long unpublished, long reordered, long skipped) {
    }

    /** One line of the table. */
    record Row(Scenario scenario, long committed, long indeterminate, long rejected, double rate, Report report,
            Counted counted, Duration recovery, Duration drained, List<String> failures, List<String> notes) {

        static final String HEADER = String.format(Locale.ROOT, "%-4s %-18s %5s %11s %11s %4s %6s %7s %5s %9s %9s  %s",
                "", "changes c/i/r", "rate", "scoring", "catalogue", "DLQ", "outbox", "skipped", "order",
                "recovery", "drained", "result");
        static final String LEGEND = "changes: committed (2xx) / indeterminate (5xx, timeout) / rejected (4xx, refused); "
                + "rate: changes per second; scoring, catalogue: lost/phantom/duplicates/versions off; DLQ: dead-letter "
                + "records; outbox: rows unpublished 60 s after the end; skipped: duplicates the inboxes dropped; "
                + "order: events out of their entry's order; recovery: fault healed -> last effect of what was "
                + "committed before; drained: fault healed -> the outbox's backlog published";

        static Row of(Run run) {
            List<Change> c = run.changes;
            return new Row(run.scenario, count(c, Outcome.COMMITTED), count(c, Outcome.INDETERMINATE),
                    count(c, Outcome.REJECTED), run.stream == null ? 0 : run.stream.rate(), run.report, run.result,
                    run.recovery, run.backlogDrained, List.copyOf(run.failures), List.copyOf(run.notes));
        }

        static Row broken(Scenario scenario, Throwable e) {
            return new Row(scenario, 0, 0, 0, 0, null, null, null, null,
                    List.of("did not complete: " + e), List.of());
        }

        private static long count(Collection<Change> changes, Outcome outcome) {
            return changes.stream().filter(x -> x.outcome() == outcome).count();
        }

        boolean passed() {
            return failures.isEmpty();
        }

        String line() {
            return String.format(Locale.ROOT, "%-4s %-18s %5.1f %11s %11s %4s %6s %7s %5s %9s %9s  %s",
                    scenario.id(), committed + "/" + indeterminate + "/" + rejected, rate,
                    report == null ? "-" : report.scoring(), report == null ? "-" : report.catalogue(),
                    counted == null ? "-" : counted.dlq(), counted == null ? "-" : counted.unpublished(),
                    counted == null ? "-" : counted.skipped(), counted == null ? "-" : counted.reordered(),
                    seconds(recovery), seconds(drained), passed() ? "passed" : "FAILED")
                    + "   " + scenario.title();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }

    private static Set<String> selected() {
        Set<String> selected = new HashSet<>();
        for (String s : property("faults.scenarios", "all").split(",")) {
            selected.add(s.strip().toUpperCase(Locale.ROOT));
        }
        // "S7" selects both of its durations.
        if (selected.contains("S7")) {
            selected.add("S7A");
            selected.add("S7B");
        }
        return selected;
    }

}
