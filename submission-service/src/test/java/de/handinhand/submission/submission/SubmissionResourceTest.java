package de.handinhand.submission.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SubmissionResourceTest {

    static final String HEILBRONN = TestTokens.submitter("heilbronn", "08125");
    static final String DACHAU = TestTokens.submitter("dachau", "09174");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    void draftBelongsToTheTokensMunicipalityAndSubmitPublishesTheSnapshot() {
        String callId = Fixtures.openCall("Slice");
        String id = given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON)
                .body(Fixtures.entry(callId, "Willkommen im Landkreis"))
                .post("/api/submissions")
                .then().statusCode(201)
                .body("municipalityId", equalTo("08125"))
                .body("municipalityName", equalTo("Landkreis Heilbronn"))
                .body("category", equalTo("LANDKREIS"))
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .body("answers.C23", contains("ERWACHSENE", "NEUZUGEWANDERTE"))
                .body("projects[1].answers.D10", equalTo("Sport verbindet"))
                .extract().path("id");
        assertTrue(eventsOf(id).isEmpty(), "a draft is nobody else's business");

        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit")
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(1))
                .body("submittedAt", notNullValue());

        await().atMost(Duration.ofSeconds(10)).until(() -> !eventsOf(id).isEmpty());
        Message<?> message = eventsOf(id).get(0);
        CloudEvent event = CloudEventCodec.read(message.getPayload().toString());
        assertEquals("handinhand.submission.submitted", event.type());
        assertEquals(id, event.subject());
        assertEquals("/handinhand/submission-service", event.source());
        OutgoingKafkaRecordMetadata<?> kafka = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals(id, kafka.getKey(), "the submission id is the Kafka key");
        assertEquals("submission-events", kafka.getTopic());
        assertEquals(1, event.data().get("version").asInt());
        assertEquals("08125", event.data().at("/municipality/kreisId").asText());
        assertEquals("BW", event.data().at("/municipality/bundesland").asText());
        assertEquals("Integrationscafé", event.data().at("/projects/0/title").asText());
        assertEquals("Fußball für alle", event.data().at("/projects/1/description").asText());
        assertEquals("SPORT", event.data().at("/fieldsOfAction/0").asText());
        assertEquals("NEUZUGEWANDERTE", event.data().at("/targetGroups/1").asText());

        // The CloudEvents id is the outbox row's id, and the relay marked the row published.
        await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(event.id()) != null);
    }

    @Test
    void anotherMunicipalityCannotSeeOrTouchTheEntry() {
        String callId = Fixtures.openCall("Isolation");
        String id = Fixtures.draft(HEILBRONN, callId, "Nur für Heilbronn");

        given().auth().oauth2(DACHAU).get("/api/submissions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(DACHAU).contentType(ContentType.JSON).body(Fixtures.entry(callId, "Übernommen"))
                .put("/api/submissions/" + id).then().statusCode(404);
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/submit").then().statusCode(404);
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/withdraw").then().statusCode(404);
        given().auth().oauth2(DACHAU).get("/api/submissions?callId=" + callId).then().statusCode(200)
                .body("total", equalTo(0));

        given().auth().oauth2(HEILBRONN).get("/api/submissions/" + id).then().statusCode(200)
                .body("title", equalTo("Nur für Heilbronn")).body("status", equalTo("DRAFT"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions/" + id).then().statusCode(200);
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + callId).then().statusCode(200)
                .body("items.id", contains(id));
    }

    @Test
    void rolesWithoutBusinessInEntriesAreRefused() {
        String callId = Fixtures.openCall("Rollen");
        String id = Fixtures.draft(HEILBRONN, callId, "Rollenprobe");
        for (String token : List.of(TestTokens.publisher("re-office", "05562"), TestTokens.juror("juror1"),
                TestTokens.portal())) {
            given().auth().oauth2(token).get("/api/submissions/" + id).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/submissions").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.entry(callId, "x"))
                    .post("/api/submissions").then().statusCode(403);
            given().auth().oauth2(token).post("/api/submissions/" + id + "/submit").then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.organizer()).post("/api/submissions/" + id + "/submit").then()
                .statusCode(403);
        given().get("/api/submissions/" + id).then().statusCode(401).contentType("application/problem+json");
        given().post("/api/submissions/" + id + "/submit").then().statusCode(401);
        // A submitter token that names no municipality may do nothing.
        String noMunicipality = TestTokens.token("nobody", List.of("submitter"), Map.of());
        given().auth().oauth2(noMunicipality).contentType(ContentType.JSON).body(Fixtures.entry(callId, "x"))
                .post("/api/submissions").then().statusCode(403)
                .body("detail", containsString("municipality_id"));
    }

    @Test
    void invalidTokensAre401() {
        var expired = TestTokens.builder("heilbronn", List.of("submitter"), Map.of("municipality_id", "08125"))
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)));
        var wrongAudience = TestTokens.builder("heilbronn", List.of("submitter"), Map.of("municipality_id", "08125"))
                .audience("some-other-api");
        var wrongIssuer = TestTokens.builder("heilbronn", List.of("submitter"), Map.of("municipality_id", "08125"))
                .issuer("https://evil.example.com");
        for (String token : List.of(TestTokens.sign(expired), TestTokens.sign(wrongAudience),
                TestTokens.sign(wrongIssuer), "not.a.jwt", HEILBRONN.substring(0, HEILBRONN.length() - 4) + "AAAA")) {
            given().auth().oauth2(token).get("/api/submissions").then().statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void serverOwnedFieldsInTheBodyAreRefusedAndNothingIsStored() {
        String callId = Fixtures.openCall("Mass assignment");
        for (String field : List.of("municipalityId", "status", "version", "submittedAt", "id")) {
            Map<String, Object> body = new HashMap<>(Fixtures.entry(callId, "Untergeschoben"));
            body.put(field, "05562");
            given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                    .post("/api/submissions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + callId).then()
                .body("total", equalTo(0));
    }

    @Test
    void badDraftsAreRefusedWithEveryFieldNamed() {
        String callId = Fixtures.openCall("Bad input");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body("{\"callId\": ")
                .post("/api/submissions").then().statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:malformed-json"));

        // The body's own rules are answered first, every failing field at once; then the rules that need
        // the database (which call) and the form.
        Map<String, Object> blank = new HashMap<>(Fixtures.entry(callId, " "));
        blank.remove("callId");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(blank)
                .post("/api/submissions").then().statusCode(422)
                .body("errors.field", contains("callId", "title"))
                .body("errors.message", contains("is required", "is required"));
        Map<String, Object> unknownCall = new HashMap<>(Fixtures.entry(UUID.randomUUID().toString(), "Kein Aufruf"));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(unknownCall)
                .post("/api/submissions").then().statusCode(422)
                .body("errors.field", contains("callId"));

        Map<String, Object> body = new HashMap<>(Fixtures.entry(callId, "Seltsame Antworten"));
        body.put("answers", Map.of("bogus", "x", "C10", Map.of("nested", true)));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                .post("/api/submissions").then().statusCode(422)
                .body("errors.field", hasItems("answers.bogus", "answers.C10"));

        Map<String, Object> tooMany = new HashMap<>(Fixtures.entry(callId, "Zu viele Projekte"));
        tooMany.put("projects", java.util.Collections.nCopies(6, Map.of("answers", Map.of("D10", "p"))));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(tooMany)
                .post("/api/submissions").then().statusCode(422).body("errors.field", hasItem("projects"));

        Map<String, Object> wrongType = new HashMap<>(Fixtures.entry(callId, "Typ"));
        wrongType.put("projects", "keine Liste");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(wrongType)
                .post("/api/submissions").then().statusCode(400).body("errors[0].field", equalTo("projects"));

        // PostgreSQL cannot store U+0000; it is refused wherever it hides, with the field named.
        Map<String, Object> nul = new HashMap<>(Fixtures.entry(callId, "Steuerzeichen"));
        nul.put("projects", java.util.List.of(Map.of("answers", Map.of("D10", "Pro\u0000jekt"))));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(nul)
                .post("/api/submissions").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("projects[0].answers.D10"))
                .body("errors[0].message", containsString("U+0000"));
        Map<String, Object> nulKey = new HashMap<>(Fixtures.entry(callId, "Steuerzeichen im Schlüssel"));
        nulKey.put("answers", Map.of("C3\u00007a", "x"));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(nulKey)
                .post("/api/submissions").then().statusCode(422).body("errors[0].field", startsWith("answers"));
        Map<String, Object> bell = new HashMap<>(Fixtures.entry(callId, "Glocke"));
        bell.put("title", "Bell\u0007");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(bell)
                .post("/api/submissions").then().statusCode(422).body("errors[0].field", equalTo("title"));

        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + callId).then()
                .body("total", equalTo(0));
    }

    @Test
    void theBodysOwnLimitsAreAnsweredTogetherAndStoreNothing() {
        String callId = Fixtures.openCall("Grenzen");
        Map<String, Object> body = new HashMap<>(Fixtures.entry(callId, "x".repeat(301)));
        body.put("summary", "s".repeat(5_001));
        body.put("requestedCents", -1);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                .post("/api/submissions").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:validation"))
                .body("errors.field", contains("requestedCents", "summary", "title"))
                .body("errors.message", contains("must be more than 0 euro cents", "must be at most 5000 characters",
                        "must be at most 300 characters"));
        body.put("title", "Fast zu lang");
        body.put("summary", "s".repeat(5_000));
        body.put("requestedCents", 10_000_000_000_001L);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                .post("/api/submissions").then().statusCode(422).body("errors.field", contains("requestedCents"));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).post("/api/submissions").then()
                .statusCode(422).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + callId).then()
                .body("total", equalTo(0));
    }

    @Test
    void malformedParametersAreRefusedWithTheirNames() {
        given().auth().oauth2(HEILBRONN).get("/api/submissions?callId=kein-uuid").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("callId")).body("errors[0].message", equalTo("must be a UUID"));
        // A blank value filters nothing, as before.
        given().auth().oauth2(HEILBRONN).get("/api/submissions?callId=").then().statusCode(200);
        // A path that cannot name a version names none.
        String id = Fixtures.submitted(HEILBRONN, Fixtures.openCall("Fassungen"), "Eine Fassung");
        given().auth().oauth2(HEILBRONN).get("/api/submissions/" + id + "/versions/erste").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("version"));
        given().auth().oauth2(HEILBRONN).get("/api/submissions/" + id + "/versions/1").then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void callsThatAreNotOpenTakeNoEntries() {
        Instant now = Instant.now();
        String upcoming = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(Fixtures.call("Demnächst", now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(50))))
                .post("/api/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(Fixtures.entry(upcoming, "Zu früh"))
                .post("/api/submissions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:call-not-open"))
                .body("detail", containsString("UPCOMING"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + upcoming).then()
                .body("total", equalTo(0));
    }

    @Test
    void oneEntryPerMunicipalityAndCall() {
        String callId = Fixtures.openCall("Einmal");
        Fixtures.draft(HEILBRONN, callId, "Erster Beitrag");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(Fixtures.entry(callId, "Zweiter"))
                .post("/api/submissions").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:entry-exists"));
        Fixtures.draft(DACHAU, callId, "Dachau darf");
    }

    @Test
    void lifecycleRules() {
        String callId = Fixtures.openCall("Lebenslauf");
        String id = Fixtures.draft(HEILBRONN, callId, "Entwurf");

        Map<String, Object> incomplete = new HashMap<>(Fixtures.entry(callId, "Ohne Kurzfassung"));
        incomplete.remove("summary");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(incomplete)
                .put("/api/submissions/" + id).then().statusCode(200).body("summary", nullValue());
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("summary"));
        assertTrue(eventsOf(id).isEmpty(), "a refused submit publishes nothing");
        assertEquals(0L, outboxRows(id), "a refused submit leaves no outbox row");

        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(Fixtures.entry(callId, "Vollständig"))
                .put("/api/submissions/" + id).then().statusCode(200).body("title", equalTo("Vollständig"));
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:not-a-draft"));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(Fixtures.entry(callId, "Nachträglich"))
                .put("/api/submissions/" + id).then().statusCode(409);
        Map<String, Object> otherCall = new HashMap<>(Fixtures.entry(Fixtures.openCall("Anderer"), "Umzug"));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(otherCall)
                .put("/api/submissions/" + id).then().statusCode(422).body("errors.field", contains("callId"));

        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("withdrawnAt", notNullValue());
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/withdraw").then().statusCode(409);

        await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(id).size() == 2);
        List<String> types = eventsOf(id).stream().map(m -> CloudEventCodec.read(m.getPayload().toString()).type())
                .toList();
        assertEquals(List.of("handinhand.submission.submitted", "handinhand.submission.withdrawn"), types);
        given().auth().oauth2(HEILBRONN).get("/api/submissions?callId=" + callId).then()
                .body("items[0].status", equalTo("WITHDRAWN"))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void withdrawingADraftConcernsNobodyElse() {
        String callId = Fixtures.openCall("Nur Entwurf");
        String id = Fixtures.draft(DACHAU, callId, "Nie eingereicht");
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        assertEquals(0L, outboxRows(id));
        assertFalse(eventsOf(id).stream().anyMatch(m -> m.getPayload().toString().contains("withdrawn")));
    }

    @Test
    void municipalitiesArePublic() {
        given().get("/api/municipalities/06636001").then().statusCode(200)
                .body("name", equalTo("Bad Sooden-Allendorf"))
                .body("type", equalTo("STADT"))
                .body("kreisId", equalTo("06636"));
        given().get("/api/municipalities?size=200").then().statusCode(200)
                .body("items.id", hasItems("08125", "05562", "09174", "08135", "06636", "06636001"))
                .body("items.id", not(hasItem("99999")));
        given().get("/api/municipalities/99999").then().statusCode(404).contentType("application/problem+json");
    }

    private List<? extends Message<?>> eventsOf(String submissionId) {
        return connector.sink("outbox").received().stream()
                .filter(m -> m.getMetadata(OutgoingKafkaRecordMetadata.class)
                        .map(md -> submissionId.equals(md.getKey())).orElse(false))
                .toList();
    }

    @jakarta.transaction.Transactional
    Object publishedAt(String eventId) {
        return em.createNativeQuery("select published_at from outbox_event where id = ?1")
                .setParameter(1, UUID.fromString(eventId)).getResultStream().findFirst().orElse(null);
    }

    long outboxRows(String aggregateId) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1")
                .setParameter(1, aggregateId).getSingleResult()).longValue();
    }
}
