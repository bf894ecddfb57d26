package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.EntryFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The thin slice on the real local stack, started by the same launcher as {@code mvn -Pstack}:
 * embedded PostgreSQL, a KRaft Kafka broker, Keycloak with the handinhand realm, and the four
 * packaged services, on free ports. Everything goes through the gateway with real tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SliceIT {

    static final Duration EVENTUAL = Duration.ofSeconds(30);

    LocalStack stack;
    StackConfig config;
    Keycloak keycloak;
    List<Long> startedPids;

    @BeforeAll
    void startStack() throws Exception {
        Path home = StackConfig.findHome(System.getenv());
        Path data = Files.createDirectories(home.resolve("deploy/target/it-stack"));
        config = StackConfig.forTests(home, data);
        stack = new LocalStack(config);
        stack.start();
        startedPids = stack.pids();
        keycloak = new Keycloak(config.realmUrl());
        System.out.println("Stack ready: " + stack.readyAfter());
    }

    @AfterAll
    void stopStackAndCheckNothingIsLeft() {
        List<Long> pids = stack.pids();
        stack.close();
        for (long pid : union(startedPids, pids)) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " outlived the stack");
        }
        for (int port : List.of(config.gatewayPort(), config.keycloakPort(), config.kafkaPort(), config.postgresPort())) {
            assertFalse(listening(port), "port " + port + " still open after the stack stopped");
        }
    }

    @Test
    @Order(1)
    void everyServiceAndTheGatewayAreReady() {
        for (int port : List.of(config.gatewayPort(), config.submissionPort(), config.cataloguePort(), config.scoringPort())) {
            given().get("http://localhost:" + port + "/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
        // Database and Kafka are part of readiness where a service has them.
        JsonPath scoring = given().get("http://localhost:" + config.scoringPort() + "/q/health/ready").jsonPath();
        List<String> checks = scoring.getList("checks.name");
        assertTrue(checks.stream().anyMatch(n -> n.toLowerCase().contains("database")), "checks: " + checks);
        assertTrue(checks.stream().anyMatch(n -> n.toLowerCase().contains("kafka")
                || n.toLowerCase().contains("messaging")), "checks: " + checks);
        // The seeded open competition call is there.
        given().baseUri(config.gatewayUrl()).get("/api/calls").then().statusCode(200)
                .body("items.title", hasItem("Zusammenleben Hand in Hand 2026"));
        // The demo catalogue: public search without a token, with facets and a radius (expired demo
        // offers included: which of the 100 have expired depends on today's date).
        given().baseUri(config.gatewayUrl()).get("/api/catalogue/offers?size=1&includeExpired=true").then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(100))
                .body("facets.kreis.'09174'", org.hamcrest.Matchers.greaterThan(0));
        given().baseUri(config.gatewayUrl()).queryParam("q", "Sprachcafe").queryParam("near", "51.6141,7.1979")
                .queryParam("radiusKm", "5").queryParam("sort", "distance").get("/api/catalogue/offers").then()
                .statusCode(200).body("items[0].title.de", org.hamcrest.Matchers.startsWith("Sprachcafé"))
                .body("items[0].kreisId", equalTo("05562"));
        // The same catalogue as HSDS 3.0, public through the gateway.
        String service = given().baseUri(config.gatewayUrl()).queryParam("per_page", "5")
                .get("/api/catalogue/hsds/services").then().statusCode(200)
                .body("total_items", org.hamcrest.Matchers.greaterThanOrEqualTo(100))
                .body("page_number", equalTo(1)).body("contents.size()", equalTo(5))
                .extract().path("contents[0].id");
        given().baseUri(config.gatewayUrl()).get("/api/catalogue/hsds/services/" + service).then().statusCode(200)
                .body("status", equalTo("active")).body("service_at_locations[0].location.latitude",
                        org.hamcrest.Matchers.notNullValue());
        given().baseUri(config.gatewayUrl()).get("/api/catalogue/hsds/organizations").then().statusCode(200)
                .body("total_items", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    @Order(2)
    void aSubmittedEntryReachesTheJuryAndTheCatalogue() {
        String call = newCall("E2E Slice");
        String entry = submit("dachau", call, "Dachau: Sprachcafé im Landratsamt", "Sprachcafé Dachau");

        JsonPath cases = awaitCases(call, 1);
        assertEquals(entry, cases.getString("items[0].submissionId"));
        assertEquals("09174", cases.getString("items[0].municipalityId"));
        assertEquals("BY", cases.getString("items[0].bundesland"));

        Map<String, Object> offer = awaitProposal("dah-office", entry);
        assertEquals("Sprachcafé Dachau", ((Map<?, ?>) offer.get("title")).get("de"));
        assertEquals(true, offer.get("goodPractice"));
        assertEquals("PROPOSED", offer.get("status"));
        // A proposal is not public, and not visible to another Kreis' office.
        given().baseUri(config.gatewayUrl()).get("/api/catalogue/offers/" + offer.get("id")).then().statusCode(404);
        given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("re-office"))
                .get("/api/catalogue/offers/" + offer.get("id")).then().statusCode(404);
    }

    @Test
    @Order(3)
    void noTokenIs401AndNobodyElseReachesTheEntry() {
        String call = newCall("E2E Isolation");
        String dachau = keycloak.token("dachau");
        String entry = draft(dachau, call, "Nur Dachau");

        given().baseUri(config.gatewayUrl()).contentType(ContentType.JSON).body(Map.of("callId", call, "title", "x"))
                .post("/api/submissions").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().baseUri(config.gatewayUrl()).get("/api/submissions/" + entry).then().statusCode(401);
        given().baseUri(config.gatewayUrl()).auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .get("/api/calls").then().statusCode(401).contentType("application/problem+json");

        for (String other : List.of("recklinghausen", "heilbronn")) {
            String token = keycloak.token(other);
            given().baseUri(config.gatewayUrl()).auth().oauth2(token).get("/api/submissions/" + entry)
                    .then().statusCode(404).contentType("application/problem+json");
            given().baseUri(config.gatewayUrl()).auth().oauth2(token).post("/api/submissions/" + entry + "/submit")
                    .then().statusCode(404);
            given().baseUri(config.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("title", "Gekapert")).put("/api/submissions/" + entry).then().statusCode(404);
        }
        for (String role : List.of("juror1", "re-office")) {
            given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token(role)).get("/api/submissions/" + entry)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("dachau")).get("/api/scoring/cases")
                .then().statusCode(403);
        given().baseUri(config.gatewayUrl()).auth().oauth2(dachau).get("/api/submissions/" + entry)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("municipalityId", equalTo("09174"));
    }

    @Test
    @Order(4)
    void anEventDeliveredTwiceChangesNothing() throws Exception {
        String call = newCall("E2E Duplicate");
        String entry = submit("recklinghausen", call, "Recklinghausen: Klimakonferenz", "Fortbildungsreihe");
        JsonPath before = awaitCases(call, 1);
        Map<String, Object> offerBefore = awaitProposal("re-office", entry);

        ConsumerRecord<String, String> original = findEvent(entry, "handinhand.submission.submitted");
        RecordMetadata duplicate;
        try (KafkaProducer<String, String> producer = producer()) {
            ProducerRecord<String, String> again = new ProducerRecord<>(original.topic(), original.key(), original.value());
            original.headers().forEach(h -> again.headers().add(h));
            duplicate = producer.send(again).get();
        }
        assertEquals(original.partition(), duplicate.partition(), "same key, same partition");
        awaitConsumed("scoring-service", duplicate);
        awaitConsumed("catalogue-service", duplicate);

        JsonPath after = cases(call);
        assertEquals(1, after.getInt("total"));
        assertEquals(before.getString("items[0].updatedAt"), after.getString("items[0].updatedAt"));
        List<Map<String, Object>> offers = proposals("re-office", entry);
        assertEquals(1, offers.size());
        assertEquals(offerBefore.get("id"), offers.get(0).get("id"));
        assertEquals(offerBefore.get("updatedAt"), offers.get(0).get("updatedAt"));
    }

    @Test
    @Order(5)
    void aPoisonEventGoesToTheDeadLetterTopicsAndTheConsumersKeepRunning() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("submission-events", key, "{ this is not a CloudEvent")).get();
        }
        for (String dlq : List.of("submission-events.scoring.dlq", "submission-events.catalogue.dlq")) {
            await().atMost(EVENTUAL).until(() -> read(dlq).stream().anyMatch(r -> key.equals(r.key())));
        }
        // The catalogue's reader of the jury's results dead-letters a poison result too.
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>("scoring-events", key, "{ no results here")).get();
        }
        await().atMost(EVENTUAL).until(() -> read("scoring-events.catalogue.dlq").stream()
                .anyMatch(r -> key.equals(r.key())));
        String call = newCall("E2E After poison");
        String entry = submit("heilbronn", call, "Heilbronn: nach dem Gift", "Patenprogramm");
        assertEquals(entry, awaitCases(call, 1).getString("items[0].submissionId"));
    }

    @Test
    @Order(6)
    void nothingCommittedIsLostWhileKafkaIsDown() throws Exception {
        String call = newCall("E2E Kafka down");
        stack.stopKafka();
        try {
            // The submit commits with its event in the outbox; Kafka is not needed for that.
            String entry = submit("recklinghausen", call, "Recklinghausen: während Kafka ruht", "Patenschaften");
            assertEquals(0, cases(call).getInt("total"), "nothing can have travelled yet");
            stack.startKafka();
            assertEquals(entry, awaitCases(call, 1, Duration.ofSeconds(90)).getString("items[0].submissionId"));
            awaitProposal("re-office", entry);
        } finally {
            if (!listening(config.kafkaPort())) {
                stack.startKafka();
            }
        }
    }

    @Test
    @Order(7)
    void dataSurvivesARestartOfTheStack() throws Exception {
        String call = newCall("E2E Restart");
        String entry = submit("dachau", call, "Dachau: bleibt erhalten", "Fahrradwerkstatt");
        awaitCases(call, 1);
        List<Long> before = stack.pids();
        stack.close();
        StackConfig again = new StackConfig(config.home(), config.dataDir(), false, config.gatewayPort(),
                config.submissionPort(), config.cataloguePort(), config.scoringPort(), config.keycloakPort(),
                config.kafkaPort(), config.kafkaControllerPort(), config.postgresPort(), config.serviceJavaOpts(), false);
        stack = new LocalStack(again);
        stack.start();
        startedPids = union(union(startedPids, before), stack.pids());
        given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("dachau")).get("/api/submissions/" + entry)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertEquals(entry, awaitCases(call, 1).getString("items[0].submissionId"));
        // The seed ran again but did not duplicate anything.
        long seeded = given().baseUri(config.gatewayUrl()).get("/api/calls?size=200").jsonPath()
                .getList("items.title").stream().filter("Zusammenleben Hand in Hand 2026"::equals).count();
        assertEquals(1, seeded);
    }

    // --- helpers -------------------------------------------------------------------------------

    @Test
    @Order(8)
    void noForgedForeignOrMisusedTokenGetsIn() throws Exception {
        TokenAttacks attacks = new TokenAttacks(config, keycloak);
        attacks.assertAccepted(keycloak.token("heilbronn"));
        for (Map.Entry<String, String> attack : attacks.forgedTokens().entrySet()) {
            attacks.assertRefused(attack.getKey(), attack.getValue());
        }
        for (String base : List.of(config.gatewayUrl(), "http://localhost:" + config.submissionPort())) {
            given().baseUri(base).get(TokenAttacks.PROTECTED).then().statusCode(401)
                    .contentType("application/problem+json");
            given().baseUri(base).header("Authorization", "Basic aGVpbGJyb25uOmRlbW8=").get(TokenAttacks.PROTECTED)
                    .then().statusCode(401);
        }
    }

    @Test
    @Order(9)
    void anExpiredTokenIsRefused() throws Exception {
        new TokenAttacks(config, keycloak).expiredTokenIsRefused();
    }

    @Test
    @Order(10)
    void everyEndpointRefusesEveryCallerItMustNot() throws Exception {
        SecurityMatrix matrix = new SecurityMatrix(config, keycloak);
        SecurityMatrix.assertSameRows(matrix.documented(matrix.document()));
        List<String> failures = matrix.run();
        assertTrue(failures.isEmpty(), failures.size() + " cells of the security matrix are wrong:\n"
                + String.join("\n", failures));
    }

    @Test
    @Order(11)
    void pageSizesBodiesAndServerOwnedFieldsAreGuarded() {
        String heilbronn = keycloak.token("heilbronn");
        given().baseUri(config.gatewayUrl()).get("/api/catalogue/offers?size=201").then().statusCode(400)
                .contentType("application/problem+json");
        given().baseUri(config.gatewayUrl()).get("/api/catalogue/hsds/services?per_page=201").then().statusCode(400);
        given().baseUri(config.gatewayUrl()).auth().oauth2(heilbronn).get("/api/submissions?size=1000").then()
                .statusCode(400).contentType("application/problem+json");
        // Bigger than the gateway's body limit: refused before any service sees it.
        given().baseUri(config.gatewayUrl()).auth().oauth2(heilbronn).contentType(ContentType.JSON)
                .body("{\"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").post("/api/submissions").then()
                .statusCode(413).contentType("application/problem+json");
        // Server-owned fields in a body are refused, not taken.
        Map<String, Object> offer = new java.util.HashMap<>(Map.of("title", Map.of("de", "Selbst freigegeben"),
                "provider", "Verein", "kreisId", "09174", "status", "PUBLISHED", "awardWinner", true));
        given().baseUri(config.gatewayUrl()).auth().oauth2(heilbronn).contentType(ContentType.JSON).body(offer)
                .post("/api/catalogue/offers").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.anyOf(equalTo("status"), equalTo("awardWinner")));
        String call = newCall("E2E Mass assignment");
        String entry = draft(heilbronn, call, "Heilbronn: Eigenes Feld");
        given().baseUri(config.gatewayUrl()).auth().oauth2(heilbronn).contentType(ContentType.JSON)
                .body(Map.of("title", "Heilbronn", "municipalityId", "05562", "status", "SUBMITTED"))
                .put("/api/submissions/" + entry).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.anyOf(equalTo("municipalityId"), equalTo("status")));
        given().baseUri(config.gatewayUrl()).auth().oauth2(heilbronn).get("/api/submissions/" + entry).then()
                .statusCode(200).body("municipalityId", equalTo("08125")).body("status", equalTo("DRAFT"));
    }

    @Test
    @Order(12)
    void hammeringIsAnsweredWith429() {
        Response limited = null;
        for (int i = 0; i < 500 && limited == null; i++) {
            Response r = given().baseUri(config.gatewayUrl()).get("/api/catalogue/offers?size=1");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertTrue(limited != null, "500 searches in a row from one address were never limited");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertTrue(limited.contentType().startsWith("application/problem+json"));
    }

    private String newCall(String title) {
        Instant now = Instant.now();
        return given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("orga")).contentType(ContentType.JSON)
                .body(Map.of("title", title, "kind", "COMPETITION", "formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND",
                        "opensAt", now.minus(Duration.ofDays(1)).toString(),
                        "deadline", now.plus(Duration.ofDays(30)).toString(),
                        "juryEndsAt", now.plus(Duration.ofDays(60)).toString(),
                        "categories", List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN")))
                .post("/api/calls")
                .then().statusCode(201).extract().path("id");
    }

    private String draft(String token, String call, String title) {
        return draft(token, call, title, "Einzelprojekt");
    }

    private String draft(String token, String call, String title, String project) {
        return given().baseUri(config.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(EntryFixtures.entry(call, title, List.of(EntryFixtures.project(project, "Beschreibung " + project))))
                .post("/api/submissions")
                .then().statusCode(201).extract().path("id");
    }

    private String submit(String user, String call, String title, String project) {
        String token = keycloak.token(user);
        String id = draft(token, call, title, project);
        given().baseUri(config.gatewayUrl()).auth().oauth2(token).post("/api/submissions/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("version", equalTo(1));
        return id;
    }

    private JsonPath cases(String call) {
        return given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token("orga"))
                .get("/api/scoring/cases?callId=" + call).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitCases(String call, int expected) {
        return awaitCases(call, expected, EVENTUAL);
    }

    private JsonPath awaitCases(String call, int expected, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> cases(call).getInt("total") == expected);
        return cases(call);
    }

    private List<Map<String, Object>> proposals(String publisher, String entry) {
        List<Map<String, Object>> items = given().baseUri(config.gatewayUrl()).auth().oauth2(keycloak.token(publisher))
                .get("/api/catalogue/offers?status=PROPOSED&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(o -> o.get("origin") instanceof Map<?, ?> origin
                && entry.equals(origin.get("submissionId"))).toList();
    }

    private Map<String, Object> awaitProposal(String publisher, String entry) {
        await().atMost(EVENTUAL).until(() -> proposals(publisher, entry).size() == 1);
        Map<String, Object> offer = proposals(publisher, entry).get(0);
        given().get(config.gatewayUrl() + "/api/catalogue/offers?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(offer.get("id"))));
        return offer;
    }

    private ConsumerRecord<String, String> findEvent(String key, String type) {
        Optional<ConsumerRecord<String, String>> found = Optional.empty();
        long deadline = System.nanoTime() + EVENTUAL.toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = read("submission-events").stream()
                    .filter(r -> key.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\"")).findFirst();
        }
        return found.orElseThrow(() -> new AssertionError("no " + type + " event with key " + key));
    }

    /** Every record currently on the topic, read from the beginning without joining a group. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props);
    }

    /** Waits until the consumer group has committed past the record, i.e. has processed it. */
    private void awaitConsumed(String group, RecordMetadata record) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(props)) {
            await().atMost(EVENTUAL).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<Long> union(List<Long> a, List<Long> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().collect(Collectors.toList());
    }
}
