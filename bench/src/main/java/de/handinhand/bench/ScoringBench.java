package de.handinhand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The jury under load: N entries (default 1,000) in the jury phase, J jurors (default 5, the demo
 * users juror1…jurorJ) each assigned every entry, and every juror finalising a sheet of all nine
 * default criteria for each entry through the gateway by C concurrent clients (a closed loop).
 * Prints score-sheet writes per second with latency percentiles, then {@code GET ranking} latency
 * (JSON, and CSV once) over the full call.
 *
 * <p>How the entries reach the jury phase: one municipality enters a call once and the realm has
 * three demo submitters, so 1,000 entries of one call cannot come through the submission API.
 * The bench therefore writes what submission-service would write to {@code submission-events}: a
 * {@code handinhand.call.published} event for a fresh call whose deadline has just passed (so the
 * call is in the jury phase), and one {@code handinhand.submission.submitted} event per entry with
 * its own synthetic municipality (no single projects, so the catalogue derives no offers). The
 * scoring service consumes them like any others; the bench waits until all N cases exist.
 */
final class ScoringBench {

    static final List<String> CRITERIA = List.of("BEDARFSANALYSE", "ZIELE_KONZEPT", "VERNETZUNG", "BETEILIGUNG",
            "NACHHALTIGKEIT", "VERANKERUNG", "GENDER_DIVERSITY", "TRANSFER", "EVALUATION");
    static final List<String> CATEGORIES = List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN");
    static final List<String> LAENDER = List.of("BW", "BY", "HE", "NI", "NW", "SN");

    private final Target target;
    private final int entries;
    private final int jurors;
    private final int clients;
    private final String kafka;
    private final int rankingSamples;
    private final int warmup;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param entries entries in the call
     * @param jurors jurors, each scoring every entry (users juror1…jurorN of the demo realm)
     * @param clients concurrent score-sheet writers
     * @param kafka bootstrap servers the entries are written to
     * @param rankingSamples {@code GET ranking} requests measured
     * @param warmup entries of a call of their own scored the same way first and not measured (0: none), so
     *     the services' JIT compilers have done their work before the measured call; both ways are reported
     */
    ScoringBench(Target target, int entries, int jurors, int clients, String kafka, int rankingSamples, int warmup) {
        this.target = target;
        this.entries = entries;
        this.jurors = jurors;
        this.clients = clients;
        this.kafka = kafka;
        this.rankingSamples = rankingSamples;
        this.warmup = warmup;
    }

    private record Sheet(String juror, String caseId) {
    }

    void run() throws Exception {
        if (warmup > 0) {
            System.out.printf("Warm-up: a call of %d entries scored the same way, not measured%n", warmup);
            call(warmup, false);
            System.out.println("Measured:");
        }
        call(entries, true);
    }

    private void call(int entries, boolean measured) throws Exception {
        UUID call = UUID.randomUUID();
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= jurors; j++) {
            names.add("juror" + j);
        }
        System.out.printf("Writing call %s and %d submitted entries to Kafka (%s) ...%n", call, entries, kafka);
        long feedStart = System.nanoTime();
        produce(call, entries);
        awaitCases(call, entries);
        System.out.printf("all %d cases in scoring %.2f s after the first event%n", entries,
                (System.nanoTime() - feedStart) / 1e9);

        for (String juror : names) {
            send("orga", "PUT", "/api/scoring/jurors/" + juror + "/conflicts",
                    Map.of("municipalities", List.of(), "kreise", List.of(), "bundeslaender", List.of()), 200);
        }
        send("orga", "PUT", "/api/scoring/calls/" + call + "/jurors", names, 200);
        long assignStart = System.nanoTime();
        JsonNode assignment = target.post("orga", "/api/scoring/calls/" + call + "/assignments",
                Map.of("mode", "AUTO", "jurorsPerSubmission", jurors, "seed", 1), 200);
        System.out.printf("AUTO assignment of %d pairs in %.2f s; loads %s%n", assignment.path("added").size(),
                (System.nanoTime() - assignStart) / 1e9, assignment.path("loads"));

        List<String> caseIds = caseIds(call, entries);
        List<Sheet> sheets = new ArrayList<>();
        for (String juror : names) {
            for (String id : caseIds) {
                sheets.add(new Sheet(juror, id));
            }
        }
        Collections.shuffle(sheets, new Random(7));
        for (String juror : names) {
            target.token(juror);
        }

        System.out.printf("Scoring: %d final sheets × %d criteria by %d clients ...%n", sheets.size(), CRITERIA.size(),
                clients);
        ConcurrentLinkedQueue<Sheet> work = new ConcurrentLinkedQueue<>(sheets);
        Stats latency = new Stats();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                Random random = new Random(client);
                Sheet sheet;
                while ((sheet = work.poll()) != null) {
                    long sent = System.nanoTime();
                    try {
                        int status = status(sheet.juror(), "PUT", "/api/scoring/cases/" + sheet.caseId() + "/scores",
                                body(random));
                        if (status == 200) {
                            ok.incrementAndGet();
                            latency.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            failed.incrementAndGet();
                            if (errors.size() < 5) {
                                errors.add("status " + status);
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        if (errors.size() < 5) {
                            errors.add(e.toString());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("score sheets: %d ok, %d errors in %.2f s  ->  %.0f sheets/s (%.0f criterion scores/s)%n",
                ok.get(), failed.get(), seconds, ok.get() / seconds, ok.get() * CRITERIA.size() / seconds);
        System.out.println("score-sheet write latency (through the gateway): " + latency.summary());
        errors.forEach(e -> System.out.println("  error: " + e));
        if (!measured) {
            return;
        }

        String ranking = "/api/scoring/calls/" + call + "/ranking";
        for (int i = 0; i < 3; i++) {
            target.get("orga", ranking);
        }
        Stats rankingLatency = new Stats();
        JsonNode last = null;
        for (int i = 0; i < rankingSamples; i++) {
            long sent = System.nanoTime();
            last = target.get("orga", ranking);
            rankingLatency.add((System.nanoTime() - sent) / 1e6);
        }
        int ranked = 0;
        for (JsonNode category : last.path("categories")) {
            ranked += category.path("entries").size();
        }
        System.out.printf("GET ranking (JSON, %d entries, %d sheets): %s%n", ranked, ok.get(), rankingLatency.summary());
        long csvStart = System.nanoTime();
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(target.gateway() + ranking))
                .header("Authorization", "Bearer " + target.token("orga")).header("Accept", "text/csv")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("GET ranking (organizer CSV with every juror's points and comments): %d, %d KiB in %.1f ms%n",
                csv.statusCode(), csv.body().length() / 1024, (System.nanoTime() - csvStart) / 1e6);
    }

    /** A final sheet: every criterion scored 0–10, one in ten marked not applicable. */
    private static Map<String, Object> body(Random random) {
        List<Map<String, Object>> marks = new ArrayList<>();
        for (String criterion : CRITERIA) {
            if (random.nextInt(10) == 0) {
                marks.add(Map.of("criterion", criterion, "notApplicable", true));
            } else {
                marks.add(Map.of("criterion", criterion, "points", random.nextInt(11), "comment", "Bench " + criterion));
            }
        }
        return Map.of("scores", marks, "final", true);
    }

    private void produce(UUID call, int entries) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        Instant now = Instant.now();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ObjectNode callData = Target.JSON.createObjectNode()
                    .put("callId", call.toString())
                    .put("title", "Bench jury " + now)
                    .put("kind", "COMPETITION")
                    .put("formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND")
                    .put("opensAt", now.minus(Duration.ofDays(30)).toString())
                    .put("deadline", now.minus(Duration.ofMinutes(1)).toString())
                    .put("juryEndsAt", now.plus(Duration.ofDays(1)).toString());
            ArrayNode categories = callData.putArray("categories");
            CATEGORIES.forEach(categories::add);
            producer.send(new ProducerRecord<>("submission-events", call.toString(),
                    event("handinhand.call.published", call.toString(), callData))).get();
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                UUID submission = UUID.randomUUID();
                String kreis = String.format("%05d", 10_000 + i);
                ObjectNode m = Target.JSON.createObjectNode().put("id", kreis).put("name", "Bench-Kommune " + i)
                        .put("type", "LANDKREIS").put("bundesland", LAENDER.get(i % LAENDER.size()))
                        .put("kreisId", kreis).put("population", 50_000 + i);
                ObjectNode data = Target.JSON.createObjectNode()
                        .put("submissionId", submission.toString())
                        .put("callId", call.toString())
                        .put("callKind", "COMPETITION")
                        .put("version", 1)
                        .put("category", CATEGORIES.get(i % CATEGORIES.size()))
                        .put("title", "Bench-Beitrag " + i)
                        .put("summary", "Kurzfassung " + i)
                        .put("description", "Beschreibung " + i)
                        .put("submittedAt", now.toString())
                        .put("imported", false)
                        .put("formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND");
                data.set("municipality", m);
                data.set("answers", Target.JSON.valueToTree(Map.of("C10", "YES", "C12", i % 2 == 0 ? "YES" : "NO",
                        "C22", "YES", "C36", "PLANNED")));
                data.putArray("projects");
                data.putArray("attachments");
                acks.add(producer.send(new ProducerRecord<>("submission-events", submission.toString(),
                        event("handinhand.submission.submitted", submission.toString(), data))));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
        }
    }

    private static String event(String type, String subject, JsonNode data) throws Exception {
        String id = UUID.randomUUID().toString();
        ObjectNode e = Target.JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", "/handinhand/bench")
                .put("type", type)
                .put("subject", subject)
                .put("time", Instant.now().toString())
                .put("datacontenttype", "application/json")
                .put("correlationid", "bench-" + id);
        e.set("data", data);
        return Target.JSON.writeValueAsString(e);
    }

    private void awaitCases(UUID call, int entries) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target.gateway() + "/api/scoring/calls/"
                    + call)).header("Authorization", "Bearer " + target.token("orga")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                JsonNode overview = Target.JSON.readTree(r.body());
                seen = overview.path("activeEntries").asLong();
                if (seen >= entries && "JURY".equals(overview.path("phase").asText())) {
                    return;
                }
            }
            Thread.sleep(250); // polling a remote system with a deadline; nothing to synchronise on
        }
        throw new IllegalStateException("only " + seen + " of " + entries + " cases reached scoring within 5 minutes");
    }

    private List<String> caseIds(UUID call, int entries) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < entries; page++) {
            JsonNode result = target.get("orga", "/api/scoring/cases?size=200&callId=" + call + "&page=" + page);
            if (result.path("items").isEmpty()) {
                break;
            }
            result.path("items").forEach(item -> ids.add(item.path("id").asText()));
        }
        return ids;
    }

    private int status(String user, String method, String path, Object body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.gateway() + path))
                .header("Authorization", "Bearer " + target.token(user))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(Target.JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void send(String user, String method, String path, Object body, int expected) throws Exception {
        int status = status(user, method, path, body);
        if (status != expected) {
            throw new IllegalStateException(status + " from " + method + " " + path);
        }
    }
}
