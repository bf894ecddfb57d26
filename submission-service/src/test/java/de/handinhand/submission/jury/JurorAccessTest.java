package de.handinhand.submission.jury;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.AssignmentsChanged;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Jurors read the attachments of the entries the scoring service says they may read
 * (handinhand.assignments.changed on scoring-events): the files of the latest submitted version,
 * nothing else of the entry, and for every other juror the entry does not exist.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class JurorAccessTest {

    static final String DACHAU = TestTokens.submitter("dachau", "09174");
    static final String JUROR1 = TestTokens.juror("juror1");
    static final String JUROR2 = TestTokens.juror("juror2");
    static final String JUROR3 = TestTokens.juror("juror3");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    void anAssignedJurorReadsTheSubmittedFilesAndNothingElse() {
        String call = Fixtures.openCall("Jury liest Anlagen");
        String id = Fixtures.draft(DACHAU, call, "Mit Konzept für die Jury");
        byte[] concept = pdf(30_000);
        String submitted = upload(id, "konzept.pdf", concept);
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/submit").then().statusCode(200);

        assignments(UUID.fromString(call), UUID.fromString(id), 1, "juror1", "juror2");
        String files = "/api/submissions/" + id + "/attachments";
        await().atMost(Duration.ofSeconds(10)).until(() ->
                given().auth().oauth2(JUROR1).get(files).statusCode() == 200);
        given().auth().oauth2(JUROR1).get(files).then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.id", contains(submitted)).body("items[0].filename", equalTo("konzept.pdf"));
        byte[] read = given().auth().oauth2(JUROR1).get(files + "/" + submitted).then().statusCode(200)
                .contentType("application/pdf").header("ETag", equalTo("\"" + sha256(concept) + "\""))
                .extract().asByteArray();
        assertArrayEquals(concept, read);
        given().auth().oauth2(JUROR2).get(files + "/" + submitted).then().statusCode(200);

        // Another juror: the entry does not exist, exactly as an entry that does not exist at all.
        String missing = "/api/submissions/" + UUID.randomUUID() + "/attachments";
        for (String path : List.of(files, files + "/" + submitted, missing, missing + "/" + submitted)) {
            given().auth().oauth2(JUROR3).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("urn:handinhand:problem:not-found"));
        }
        given().auth().oauth2(JUROR1).get(files + "/" + UUID.randomUUID()).then().statusCode(404);

        // Jurors get nothing else from the submission service, not even for their own entry.
        given().auth().oauth2(JUROR1).get("/api/submissions/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(JUROR1).get("/api/submissions").then().statusCode(403);
        given().auth().oauth2(JUROR1).get("/api/submissions/" + id + "/versions").then().statusCode(403);
        given().auth().oauth2(JUROR1).get("/api/submissions/" + id + "/versions/1").then().statusCode(403);
        given().auth().oauth2(JUROR1).contentType(ContentType.JSON).body(Fixtures.entry(call, "Jury schreibt"))
                .put("/api/submissions/" + id).then().statusCode(403);
        given().auth().oauth2(JUROR1).contentType("application/pdf").body(pdf(1_000)).post(files).then()
                .statusCode(403);
        given().auth().oauth2(JUROR1).delete(files + "/" + submitted).then().statusCode(403);

        // The municipality reopens and works on its draft: the jury still sees the submitted version's files.
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/reopen").then().statusCode(200);
        String draftOnly = upload(id, "entwurf.pdf", pdf(2_000));
        given().auth().oauth2(DACHAU).delete(files + "/" + submitted).then().statusCode(204);
        given().auth().oauth2(DACHAU).get(files).then().body("items.id", contains(draftOnly));
        given().auth().oauth2(JUROR1).get(files).then().statusCode(200).body("items.id", contains(submitted));
        assertArrayEquals(concept, given().auth().oauth2(JUROR1).get(files + "/" + submitted).then().statusCode(200)
                .extract().asByteArray());
        given().auth().oauth2(JUROR1).get(files + "/" + draftOnly).then().statusCode(404);

        // Withdrawn: out of the competition, and out of the jury's reach.
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/withdraw").then().statusCode(200);
        given().auth().oauth2(JUROR1).get(files).then().statusCode(404);
        given().auth().oauth2(JUROR1).get(files + "/" + submitted).then().statusCode(404);
        given().auth().oauth2(TestTokens.organizer()).get(files + "/" + submitted).then().statusCode(200);
    }

    @Test
    void aLaterSnapshotReplacesTheReadersAndAnOlderOneIsIgnored() {
        String call = Fixtures.openCall("Jury wechselt");
        String id = Fixtures.submitted(DACHAU, call, "Wechselnde Jury");
        UUID callId = UUID.fromString(call);
        UUID entry = UUID.fromString(id);
        String files = "/api/submissions/" + id + "/attachments";

        awaitProcessed(assignments(callId, entry, 2, "juror1"));
        given().auth().oauth2(JUROR1).get(files).then().statusCode(200).body("items", empty());

        awaitProcessed(assignments(callId, entry, 5, "juror2"));
        given().auth().oauth2(JUROR2).get(files).then().statusCode(200);
        given().auth().oauth2(JUROR1).get(files).then().statusCode(404);

        // Revision 3 arrives late: it is older than 5, so juror1 stays out.
        awaitProcessed(assignments(callId, entry, 3, "juror1"));
        given().auth().oauth2(JUROR1).get(files).then().statusCode(404);
        given().auth().oauth2(JUROR2).get(files).then().statusCode(200);
        assertEquals(5L, revision(entry));

        // An empty set: nobody reads any more (a juror removed by a conflict).
        awaitProcessed(assignments(callId, entry, 6));
        given().auth().oauth2(JUROR2).get(files).then().statusCode(404);

        // The same event delivered again is recognised and skipped.
        String again = assignments(callId, entry, 7, "juror3");
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(again));
        given().auth().oauth2(JUROR3).get(files).then().statusCode(200);
        double duplicates = consumed("duplicate");
        connector.source("scoring-events").send(EventFixtures.event(again, EventTypes.ASSIGNMENTS_CHANGED, id,
                new AssignmentsChanged(callId, entry, 7, List.of("juror3"), Instant.now())));
        await().atMost(Duration.ofSeconds(10)).until(() -> consumed("duplicate") == duplicates + 1);
        given().auth().oauth2(JUROR3).get(files).then().statusCode(200);
    }

    @Test
    void unknownEntriesOtherEventsAndPoisonDoNotStopTheConsumer() {
        String call = Fixtures.openCall("Jury und Störungen");
        String id = Fixtures.submitted(DACHAU, call, "Robuster Verbraucher");
        UUID entry = UUID.fromString(id);
        UUID callId = UUID.fromString(call);

        // Poison: no envelope, no revision, no jurors, a blank juror; each goes to the dead-letter topic.
        connector.source("scoring-events").send("{\"specversion\": \"1.0\"}");
        connector.source("scoring-events").send("kein JSON");
        connector.source("scoring-events").send(EventFixtures.event(EventTypes.ASSIGNMENTS_CHANGED, id,
                Map.of("callId", call, "submissionId", id, "jurors", List.of("juror1"))));
        connector.source("scoring-events").send(EventFixtures.event(EventTypes.ASSIGNMENTS_CHANGED, id,
                Map.of("callId", call, "submissionId", id, "revision", 1)));
        connector.source("scoring-events").send(EventFixtures.event(EventTypes.ASSIGNMENTS_CHANGED, id,
                Map.of("callId", call, "submissionId", id, "revision", 1, "jurors", List.of(" "))));
        // Results of a call with no entries (the grants of funded projects come from them): processed, not dead-lettered.
        String results = UUID.randomUUID().toString();
        connector.source("scoring-events").send(EventFixtures.event(results, EventTypes.RESULTS_PUBLISHED, call,
                Map.of("callId", call, "categories", List.of())));
        // An entry this service does not know: kept.
        UUID unknown = UUID.randomUUID();
        String forUnknown = assignments(callId, unknown, 4, "juror1");
        // Then a good one: read after all of the above, so the consumer carried on.
        String good = assignments(callId, entry, 1, "juror2");

        await().atMost(Duration.ofSeconds(10)).until(() -> processed(good));
        assertEquals(true, processed(results));
        assertEquals(true, processed(forUnknown));
        assertEquals(4L, revision(unknown));
        given().auth().oauth2(JUROR1).get("/api/submissions/" + unknown + "/attachments").then().statusCode(404);
        given().auth().oauth2(JUROR1).get("/api/submissions/" + id + "/attachments").then().statusCode(404);
        given().auth().oauth2(JUROR2).get("/api/submissions/" + id + "/attachments").then().statusCode(200);
        assertEquals(1L, revision(entry));
    }

    /** Sends a reader snapshot as the scoring service does; returns the event id. */
    private String assignments(UUID call, UUID submission, long revision, String... jurors) {
        String eventId = UUID.randomUUID().toString();
        connector.source("scoring-events").send(EventFixtures.event(eventId, EventTypes.ASSIGNMENTS_CHANGED,
                submission.toString(), new AssignmentsChanged(call, submission, revision, List.of(jurors),
                        Instant.now())));
        return eventId;
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(eventId));
    }

    private boolean processed(String eventId) {
        return count("select count(*) from processed_event where event_id = ?1", eventId) == 1;
    }

    /** How many assignment events this service counted with the outcome, from its Prometheus metrics. */
    private static double consumed(String outcome) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("handinhand_events_consumed_total\\{[^}]*outcome=\""
                + outcome + "\"[^}]*type=\"" + EventTypes.ASSIGNMENTS_CHANGED.replace(".", "\\.") + "\"[^}]*} (\\S+)")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private Long revision(UUID submission) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select revision from entry_reader where submission_id = ?1").setParameter(1, submission).getResultList());
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    private long count(String sql, Object parameter) {
        // Awaitility polls from its own thread: each look at the database is a transaction of its own.
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }

    private static String upload(String id, String name, byte[] content) {
        return given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", name).body(content)
                .post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");
    }

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
