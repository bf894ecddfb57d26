package de.handinhand.submission.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An organizer corrects an imported entry with {@code PUT /api/submissions/{id}}: a complete entry
 * or nothing, a new numbered version with who and when, a new submitted event; and only imported
 * entries that are still submitted, in a call that is not closed.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ImportCorrectionTest {

    static final String ORGA = TestTokens.organizer();
    /** The town the legacy fixture names. */
    static final String BAD_SOODEN = TestTokens.submitter("bad-sooden", "06636001");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    void theOrganizersCorrectionBecomesVersionTwoAndIsAnnounced() throws IOException {
        String call = Fixtures.openCall("Korrektur eines Imports");
        String id = importEntry(call);
        given().auth().oauth2(ORGA).get("/api/submissions/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("municipalityId", equalTo("06636001"))
                .body("category", equalTo("GEMEINDE_KLEIN"));

        // The parser read the town, but the Kreis entered: the organizer moves the entry and completes it.
        Map<String, Object> corrected = Fixtures.entry(call, "Ankommen im Werra-Meißner-Kreis");
        corrected.put("municipalityId", "06636");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(corrected).put("/api/submissions/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("status", equalTo("SUBMITTED"))
                .body("imported", equalTo(true))
                .body("municipalityId", equalTo("06636"))
                .body("municipalityName", equalTo("Werra-Meißner-Kreis"))
                .body("category", equalTo("LANDKREIS"))
                .body("title", equalTo("Ankommen im Werra-Meißner-Kreis"))
                .body("answers.C25a", equalTo("Kirchengemeinden"))
                .body("projects[1].answers.D10", equalTo("Sport verbindet"));

        JsonPath versions = given().auth().oauth2(ORGA).get("/api/submissions/" + id + "/versions").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.version", contains(1, 2))
                .body("items.submittedBy", contains("orga", "orga"))
                .body("items[0].correctedBy", nullValue())
                .body("items[0].correctedAt", nullValue())
                .body("items[1].correctedBy", equalTo("orga"))
                .body("items[1].correctedAt", notNullValue())
                .extract().jsonPath();
        // The entry was submitted when it was imported; the correction does not move that.
        assertEquals(versions.getString("items[0].submittedAt"), versions.getString("items[1].submittedAt"));
        given().auth().oauth2(ORGA).get("/api/submissions/" + id + "/versions/2").then().statusCode(200)
                .body("correctedBy", equalTo("orga"))
                .body("snapshot.version", equalTo(2))
                .body("snapshot.municipality.id", equalTo("06636"))
                .body("snapshot.title", equalTo("Ankommen im Werra-Meißner-Kreis"));
        given().auth().oauth2(ORGA).get("/api/submissions/" + id + "/versions/1").then().statusCode(200)
                .body("snapshot.municipality.id", equalTo("06636001"))
                .body("snapshot.title", equalTo("Ankommen in der Kurstadt"));

        await().atMost(Duration.ofSeconds(10)).until(() -> submittedEvents(id).size() == 2);
        JsonNode second = submittedEvents(id).get(1);
        assertEquals(2, second.path("version").asInt());
        assertEquals("06636", second.at("/municipality/id").asText());
        assertEquals("06636", second.at("/municipality/kreisId").asText());
        assertEquals("LANDKREIS", second.path("category").asText());
        assertEquals(true, second.path("imported").asBoolean());
        assertEquals("Ankommen im Werra-Meißner-Kreis", second.path("title").asText());

        // The entry now belongs to the Kreis, not to the town.
        given().auth().oauth2(TestTokens.submitter("wmk", "06636")).get("/api/submissions/" + id).then()
                .statusCode(200);
        given().auth().oauth2(BAD_SOODEN).get("/api/submissions/" + id).then().statusCode(404);
    }

    @Test
    void aCorrectionThatBreaksTheFormIsRefusedWithEveryFieldAndStoresNothing() throws IOException {
        String call = Fixtures.openCall("Fehlerhafte Korrektur");
        String id = importEntry(call);
        Map<String, Object> broken = Fixtures.entry(call, "Halb berichtigt");
        broken.remove("summary");
        Map<String, Object> answers = new LinkedHashMap<>(castMap(broken.get("answers")));
        answers.remove("C23");
        answers.put("C10", "VIELLEICHT");
        answers.put("C99", "Frage gibt es nicht");
        answers.put("C25", List.of("WEITERE"));
        answers.remove("C25a");
        broken.put("answers", answers);
        broken.put("municipalityId", "99999");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(broken).put("/api/submissions/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("summary", "answers.C23", "answers.C10", "answers.C99",
                        "answers.C25a", "municipalityId"));

        Map<String, Object> otherCall = Fixtures.entry(Fixtures.openCall("Anderer Aufruf"), "Umzug");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(otherCall).put("/api/submissions/" + id)
                .then().statusCode(422).body("errors.field", contains("callId"));
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body("{\"title\": ").put("/api/submissions/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> serverOwned = Fixtures.entry(call, "Mit Status");
        serverOwned.put("status", "DRAFT");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(serverOwned).put("/api/submissions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        assertUnchanged(id);
    }

    @Test
    void theNewMunicipalityMayHaveNoOtherEntryInTheCall() throws IOException {
        String call = Fixtures.openCall("Korrektur trifft bestehenden Beitrag");
        String id = importEntry(call);
        Fixtures.draft(TestTokens.submitter("dachau", "09174"), call, "Dachaus eigener Beitrag");
        Map<String, Object> corrected = Fixtures.entry(call, "Doch Dachau?");
        corrected.put("municipalityId", "09174");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(corrected).put("/api/submissions/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:entry-exists"));
        assertUnchanged(id);

        // Without municipalityId the entry stays where it is; the category is derived again all the same.
        Map<String, Object> same = Fixtures.entry(call, "Nur der Inhalt");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(same).put("/api/submissions/" + id)
                .then().statusCode(200).body("municipalityId", equalTo("06636001")).body("version", equalTo(2))
                .body("category", equalTo("GEMEINDE_KLEIN"));
    }

    @Test
    void organizersCorrectOnlyImportedEntriesThatAreStillSubmitted() throws IOException {
        String call = Fixtures.openCall("Was Organisatoren nicht ändern");
        String dachau = TestTokens.submitter("dachau", "09174");
        String draft = Fixtures.draft(dachau, call, "Dachaus Entwurf");
        String own = Fixtures.submitted(TestTokens.submitter("heilbronn", "08125"), call, "Heilbronns Beitrag");
        for (String entry : List.of(draft, own)) {
            given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(Fixtures.entry(call, "Übernommen"))
                    .put("/api/submissions/" + entry).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(dachau).get("/api/submissions/" + draft).then().body("title", equalTo("Dachaus Entwurf"));
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(Fixtures.entry(call, "Niemand"))
                .put("/api/submissions/" + UUID.randomUUID()).then().statusCode(404);

        // The municipality reopened its imported entry: its draft is its own.
        String reopened = importEntry(call);
        given().auth().oauth2(BAD_SOODEN).post("/api/submissions/" + reopened + "/reopen").then().statusCode(200);
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(Fixtures.entry(call, "Überschrieben?"))
                .put("/api/submissions/" + reopened).then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:not-submitted"));

        // Withdrawn: a new submitted event would bring it back into the jury's hands.
        given().auth().oauth2(BAD_SOODEN).post("/api/submissions/" + reopened + "/withdraw").then().statusCode(200);
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(Fixtures.entry(call, "Wiederbelebt?"))
                .put("/api/submissions/" + reopened).then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:already-withdrawn"));
        given().auth().oauth2(ORGA).get("/api/submissions/" + reopened + "/versions").then().body("total", equalTo(1));
    }

    @Test
    void aClosedCallsImportsAreFinal() throws IOException {
        String call = Fixtures.openCall("Abgeschlossen");
        String id = importEntry(call);
        Instant now = Instant.now();
        Map<String, Object> closed = Fixtures.call("Abgeschlossen", now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(40)));
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(closed).put("/api/calls/" + call).then()
                .statusCode(200).body("phase", equalTo("CLOSED"));
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(Fixtures.entry(call, "Zu spät"))
                .put("/api/submissions/" + id).then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:call-closed"));
        assertUnchanged(id);
    }

    @Test
    void othersCannotCorrectAnImport() throws IOException {
        String call = Fixtures.openCall("Fremde Korrekturen");
        String id = importEntry(call);
        // Its own municipality changes only drafts, and never names a municipality.
        given().auth().oauth2(BAD_SOODEN).contentType(ContentType.JSON).body(Fixtures.entry(call, "Selbst"))
                .put("/api/submissions/" + id).then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:not-a-draft"));
        String draft = Fixtures.draft(TestTokens.submitter("dachau", "09174"), call, "Entwurf");
        Map<String, Object> moving = Fixtures.entry(call, "Umgezogen");
        moving.put("municipalityId", "08125");
        given().auth().oauth2(TestTokens.submitter("dachau", "09174")).contentType(ContentType.JSON).body(moving)
                .put("/api/submissions/" + draft).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipalityId"));
        given().auth().oauth2(TestTokens.submitter("dachau", "09174")).get("/api/submissions/" + draft).then()
                .body("title", equalTo("Entwurf")).body("municipalityId", equalTo("09174"));
        for (String token : List.of(TestTokens.juror("juror1"), TestTokens.publisher("re-office", "05562"),
                TestTokens.portal())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.entry(call, "Fremd"))
                    .put("/api/submissions/" + id).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Fixtures.entry(call, "Anonym")).put("/api/submissions/" + id)
                .then().statusCode(401);
        assertUnchanged(id);
    }

    /** Still version 1 as imported: content, municipality, versions, and one outbox row. */
    private void assertUnchanged(String id) {
        given().auth().oauth2(ORGA).get("/api/submissions/" + id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("title", equalTo("Ankommen in der Kurstadt"))
                .body("municipalityId", equalTo("06636001"));
        given().auth().oauth2(ORGA).get("/api/submissions/" + id + "/versions").then().body("total", equalTo(1));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from outbox_event where aggregate_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    private static String importEntry(String call) throws IOException {
        return given().auth().oauth2(ORGA).contentType("text/plain; charset=UTF-8")
                .body(fixture("wettbewerb-bad-sooden-allendorf.txt")).queryParam("callId", call)
                .post("/api/imports/legacy").then().statusCode(201)
                .body("imported", equalTo(true)).body("title", equalTo("Ankommen in der Kurstadt"))
                .extract().path("id");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ImportCorrectionTest.class.getResourceAsStream("/legacy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<JsonNode> submittedEvents(String id) {
        return connector.sink("outbox").received().stream()
                .filter(m -> m.getMetadata(OutgoingKafkaRecordMetadata.class).map(md -> id.equals(md.getKey()))
                        .orElse(false))
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .filter(e -> e.type().equals(EventTypes.SUBMISSION_SUBMITTED))
                .map(e -> e.data())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return new HashMap<>((Map<String, Object>) value);
    }
}
