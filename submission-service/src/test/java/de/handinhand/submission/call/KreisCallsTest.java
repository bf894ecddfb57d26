package de.handinhand.submission.call;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Calls a Kreis runs (the Heilbronn model): an organizer whose token carries kreis_id creates,
 * changes and manages only its Kreis's calls and their entries; organizers without kreis_id keep
 * running every call; the Kreis travels with handinhand.call.published.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class KreisCallsTest {

    static final String HN_ORGA = TestTokens.kreisOrganizer("hn-orga", "08125");
    static final String RE_ORGA = TestTokens.kreisOrganizer("re-orga", "05562");
    static final String ORGA = TestTokens.organizer();
    static final String HEILBRONN = TestTokens.submitter("heilbronn", "08125");
    static final String RECKLINGHAUSEN = TestTokens.submitter("recklinghausen", "05562");

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aKreisOrganizerRunsItsKreissCallAndTheEventSaysWhichKreis() {
        String id = Fixtures.projectCall(HN_ORGA, "08125", "Gemeinsam in Vielfalt");
        given().get("/api/calls/" + id).then().statusCode(200)
                .body("kreisId", equalTo("08125")).body("formTemplate", equalTo("PROJEKTFOERDERUNG"))
                .body("kind", equalTo("FUNDING"));

        await().atMost(Duration.ofSeconds(10)).until(() -> announced(id).size() == 1);
        CloudEvent event = announced(id).get(0);
        assertEquals(EventTypes.CALL_PUBLISHED, event.type());
        assertEquals("08125", event.data().get("kreisId").asText());

        Map<String, Object> body = projectCallBody("Gemeinsam in Vielfalt 2026", "08125");
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(body).put("/api/calls/" + id)
                .then().statusCode(200).body("title", equalTo("Gemeinsam in Vielfalt 2026"))
                .body("kreisId", equalTo("08125"));
        await().atMost(Duration.ofSeconds(10)).until(() -> announced(id).size() == 2);
        assertEquals("08125", announced(id).get(1).data().get("kreisId").asText());

        // A call no Kreis runs says so: the event's kreisId is null.
        String open = Fixtures.openCall("Ohne Kreis");
        await().atMost(Duration.ofSeconds(10)).until(() -> announced(open).size() == 1);
        assertTrue(announced(open).get(0).data().get("kreisId").isNull());
        given().get("/api/calls/" + open).then().body("kreisId", nullValue());
    }

    @Test
    void organizersWithoutKreisRunEveryCallAndAssignAnyRegisteredKreis() {
        String heilbronn = Fixtures.projectCall(ORGA, "08125", "Vom Land für Heilbronn");
        String recklinghausen = Fixtures.projectCall(ORGA, "05562", "Vom Land für Recklinghausen");
        for (String id : List.of(heilbronn, recklinghausen)) {
            Map<String, Object> body = projectCallBody("Geändert vom Land", null);
            given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(body).put("/api/calls/" + id)
                    .then().statusCode(200).body("kreisId", nullValue());
        }
    }

    @Test
    void aKreisOrganizerCannotRunAnotherKreissCallOrOneNoKreisRuns() {
        String recklinghausen = Fixtures.projectCall(RE_ORGA, "05562", "Recklinghausen fördert");
        String national = Fixtures.openCall("Bundeswettbewerb");

        // Creating: only with its own Kreis.
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(projectCallBody("Fremd", "05562"))
                .post("/api/calls").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("08125"));
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(projectCallBody("Ohne Kreis", null))
                .post("/api/calls").then().statusCode(403).contentType("application/problem+json");

        // Changing: not another Kreis's call, not a call no Kreis runs, and not moving its own elsewhere.
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(projectCallBody("Übernommen", "08125"))
                .put("/api/calls/" + recklinghausen).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("05562"));
        Map<String, Object> competition = Fixtures.call("Übernommen", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
        competition.put("kreisId", "08125");
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(competition)
                .put("/api/calls/" + national).then().statusCode(403).body("detail", containsString("no Kreis"));
        String own = Fixtures.projectCall(HN_ORGA, "08125", "Eigener Aufruf");
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(projectCallBody("Verschoben", "05562"))
                .put("/api/calls/" + own).then().statusCode(403);
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(projectCallBody("Verschoben", null))
                .put("/api/calls/" + own).then().statusCode(403);

        // Nothing changed.
        given().get("/api/calls/" + recklinghausen).then().body("title", equalTo("Recklinghausen fördert"))
                .body("kreisId", equalTo("05562"));
        given().get("/api/calls/" + own).then().body("kreisId", equalTo("08125"));
        given().get("/api/calls/" + national).then().body("kreisId", nullValue());
    }

    @Test
    void theKreisMustBeARegisteredKreisAndTheFormFitTheKind() {
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(projectCallBody("Unbekannt", "09999"))
                .post("/api/calls").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kreisId"))
                .body("errors[0].message", containsString("no registered Kreis"));
        for (String key : List.of("8125", "08125030", "BW125")) {
            given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(projectCallBody("Ungültig", key))
                    .post("/api/calls").then().statusCode(422).body("errors.field", hasItem("kreisId"));
        }
        Map<String, Object> competition = projectCallBody("Falsche Art", "08125");
        competition.put("kind", "COMPETITION");
        competition.remove("budgetCents");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(competition).post("/api/calls")
                .then().statusCode(422).body("errors.field", hasItem("formTemplate"))
                .body("errors.find { it.field == 'formTemplate' }.message", containsString("FUNDING"));
        Map<String, Object> report = projectCallBody("Berichtsformular", "08125");
        report.put("formTemplate", "PROJEKTBERICHT");
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(report).post("/api/calls")
                .then().statusCode(422).body("errors[0].field", equalTo("formTemplate"))
                .body("errors[0].message", containsString("final report"));
    }

    @Test
    void theKreisOfACallWithEntriesIsFixed() {
        String id = Fixtures.projectCall(ORGA, "08125", "Mit Einträgen");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON)
                .body(Fixtures.application(id, "Projekt des Landkreises", "2026-03-01", "2026-12-31"))
                .post("/api/submissions").then().statusCode(201);
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(projectCallBody("Woanders", "05562"))
                .put("/api/calls/" + id).then().statusCode(409).body("type", equalTo("urn:handinhand:problem:call-has-entries"));
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(projectCallBody("Ohne Kreis", null))
                .put("/api/calls/" + id).then().statusCode(409);
        given().auth().oauth2(ORGA).contentType(ContentType.JSON).body(projectCallBody("Nur umbenannt", "08125"))
                .put("/api/calls/" + id).then().statusCode(200).body("kreisId", equalTo("08125"));
    }

    @Test
    void aKreisOrganizerSeesAndManagesOnlyTheEntriesOfItsKreissCalls() {
        String heilbronn = Fixtures.projectCall(HN_ORGA, "08125", "Heilbronner Projekte");
        String recklinghausen = Fixtures.projectCall(RE_ORGA, "05562", "Recklinghäuser Projekte");
        String national = Fixtures.openCall("Alle Kommunen");
        String own = draft(HEILBRONN, heilbronn, "Heilbronner Projekt");
        String foreign = draft(RECKLINGHAUSEN, recklinghausen, "Recklinghäuser Projekt");
        String nationalEntry = Fixtures.draft(HEILBRONN, national, "Bundesbeitrag");

        // Its own Kreis's entries: listed, readable, extendable.
        given().auth().oauth2(HN_ORGA).get("/api/submissions?size=200").then().statusCode(200)
                .body("items.id", hasItem(own)).body("items.id", not(hasItems(foreign)))
                .body("items.id", not(hasItem(nationalEntry)))
                .body("items.callId", everyItem(equalTo(heilbronn)));
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + heilbronn).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(own));
        given().auth().oauth2(HN_ORGA).get("/api/submissions/" + own).then().statusCode(200)
                .body("title", equalTo("Heilbronner Projekt"));
        given().auth().oauth2(HN_ORGA).get("/api/submissions/" + own + "/versions").then().statusCode(200);
        String until = Instant.now().plus(Duration.ofDays(35)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(Map.of("until", until))
                .put("/api/submissions/" + own + "/extension").then().statusCode(200)
                .body("extendedUntil", equalTo(until));
        given().auth().oauth2(HN_ORGA).delete("/api/submissions/" + own + "/extension").then().statusCode(200);
        given().auth().oauth2(HN_ORGA).get("/api/submissions/" + own + "/attachments").then().statusCode(200);

        // Another Kreis's call, or a call no Kreis runs: named, a 403; its entries do not exist.
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + recklinghausen).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + national).then().statusCode(403);
        for (String entry : List.of(foreign, nationalEntry)) {
            given().auth().oauth2(HN_ORGA).get("/api/submissions/" + entry).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(HN_ORGA).get("/api/submissions/" + entry + "/versions").then().statusCode(404);
            given().auth().oauth2(HN_ORGA).get("/api/submissions/" + entry + "/attachments").then().statusCode(404);
            given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(Map.of("until", until))
                    .put("/api/submissions/" + entry + "/extension").then().statusCode(404);
            given().auth().oauth2(HN_ORGA).delete("/api/submissions/" + entry + "/extension").then().statusCode(404);
        }
        given().auth().oauth2(RECKLINGHAUSEN).get("/api/submissions/" + foreign).then().body("extendedUntil", nullValue());

        // The organizer without a Kreis sees all three.
        given().auth().oauth2(ORGA).get("/api/submissions?size=200").then().statusCode(200)
                .body("items.id", hasItems(own, foreign, nationalEntry));
        given().auth().oauth2(ORGA).get("/api/submissions/" + foreign).then().statusCode(200);
    }

    @Test
    void aKreisOrganizerImportsOnlyIntoItsKreissCallsAndOnlyItsMunicipalities() {
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call("Heilbronner Wettbewerb", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        body.put("kreisId", "08125");
        String heilbronn = given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(body).post("/api/calls")
                .then().statusCode(201).extract().path("id");
        String national = Fixtures.openCall("Bundesweit importiert");
        String text = "Name der Stadt/der Gemeinde/des Landkreises:\nLandkreis Dachau\nTitel des Wettbewerbsbeitrags\n"
                + "Integration mit Augenmaß\n";

        given().auth().oauth2(HN_ORGA).contentType("text/plain; charset=UTF-8").body(text)
                .post("/api/imports/legacy?callId=" + national).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(HN_ORGA).contentType("text/plain; charset=UTF-8").body(text)
                .post("/api/imports/legacy?callId=" + heilbronn).then().statusCode(422)
                .body("errors[0].field", equalTo("municipalityId"))
                .body("errors[0].message", containsString("Kreis 09174"));
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + heilbronn).then().body("total", equalTo(0));

        String own = text.replace("Landkreis Dachau", "Landkreis Heilbronn");
        given().auth().oauth2(HN_ORGA).contentType("text/plain; charset=UTF-8").body(own)
                .post("/api/imports/legacy?callId=" + heilbronn).then().statusCode(201)
                .body("municipalityId", equalTo("08125")).body("imported", equalTo(true));
    }

    /** The call's entries as the outbox sent them, oldest first. */
    private List<CloudEvent> announced(String callId) {
        return connector.sink("outbox").received().stream()
                .map(Message::getPayload)
                .map(Object::toString)
                .map(CloudEventCodec::read)
                .filter(e -> callId.equals(e.subject()))
                .toList();
    }

    private static String draft(String token, String callId, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.application(callId, title, "2026-03-01", "2026-12-31"))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> projectCallBody(String title, String kreisId) {
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call(title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        body.put("kind", "FUNDING");
        body.put("formTemplate", "PROJEKTFOERDERUNG");
        body.put("budgetCents", 5_000_000);
        body.put("categories", List.of("PROJEKT"));
        if (kreisId != null) {
            body.put("kreisId", kreisId);
        }
        return body;
    }
}
