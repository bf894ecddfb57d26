package de.handinhand.submission.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reopen and resubmit with numbered versions, deadlines, and an organizer's per-entry extension. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LifecycleTest {

    static final String DACHAU = TestTokens.submitter("dachau", "09174");

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void reopenAndResubmitMakesVersionTwoAndVersionOneStaysAsItWas() {
        String call = Fixtures.openCall("Versionen");
        String id = Fixtures.submitted(DACHAU, call, "Erste Fassung");

        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1));
        Map<String, Object> second = Fixtures.entry(call, "Zweite Fassung");
        given().auth().oauth2(DACHAU).contentType(ContentType.JSON).body(second).put("/api/submissions/" + id)
                .then().statusCode(200);
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("version", equalTo(2)).body("title", equalTo("Zweite Fassung"));

        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/versions").then().statusCode(200)
                .body("items.version", contains(1, 2))
                .body("items.submittedBy", contains("dachau", "dachau"))
                .body("items.correctedBy", contains(nullValue(), nullValue()))
                .body("total", equalTo(2));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/versions/1").then().statusCode(200)
                .body("snapshot.title", equalTo("Erste Fassung"))
                .body("snapshot.version", equalTo(1))
                .body("snapshot.municipality.kreisId", equalTo("09174"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions/" + id + "/versions/2").then()
                .statusCode(200).body("snapshot.title", equalTo("Zweite Fassung"));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/versions/3").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).get("/api/submissions/" + id + "/versions")
                .then().statusCode(404);

        await().atMost(Duration.ofSeconds(10)).until(() -> submittedVersions(id).size() == 2);
        assertEquals(List.of(1, 2), submittedVersions(id));
    }

    @Test
    void afterTheDeadlineOnlyAnExtensionLetsAnEntryIn() {
        String call = Fixtures.openCall("Fristen");
        String draft = Fixtures.draft(DACHAU, call, "Zu spät");
        String other = Fixtures.submitted(TestTokens.submitter("heilbronn", "08125"), call, "Rechtzeitig");
        Fixtures.passDeadline(call);

        given().auth().oauth2(DACHAU).post("/api/submissions/" + draft + "/submit").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:call-not-open"))
                .body("detail", containsString("extension"));
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).post("/api/submissions/" + other + "/reopen")
                .then().statusCode(409);
        given().auth().oauth2(TestTokens.submitter("recklinghausen", "05562")).contentType(ContentType.JSON)
                .body(Fixtures.entry(call, "Neu nach Frist")).post("/api/submissions").then().statusCode(409);

        // Only organizers extend, and only to a sensible instant.
        Instant until = Instant.now().plus(Duration.ofDays(2));
        given().auth().oauth2(DACHAU).contentType(ContentType.JSON).body(Map.of("until", until.toString()))
                .put("/api/submissions/" + draft + "/extension").then().statusCode(403);
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("until", Instant.now().minus(Duration.ofMinutes(5)).toString()))
                .put("/api/submissions/" + draft + "/extension").then().statusCode(422)
                .body("errors.field", contains("until"));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("until", Instant.now().plus(Duration.ofDays(300)).toString()))
                .put("/api/submissions/" + draft + "/extension").then().statusCode(422)
                .body("errors[0].message", containsString("jury phase"));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(Map.of("until", until.toString()))
                .put("/api/submissions/" + draft + "/extension").then().statusCode(200)
                .body("extendedUntil", notNullValue());

        given().auth().oauth2(DACHAU).post("/api/submissions/" + draft + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        // The extension is for this entry alone.
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).post("/api/submissions/" + other + "/reopen")
                .then().statusCode(409);

        given().auth().oauth2(TestTokens.organizer()).delete("/api/submissions/" + draft + "/extension").then()
                .statusCode(200).body("extendedUntil", nullValue());
        given().auth().oauth2(DACHAU).post("/api/submissions/" + draft + "/reopen").then().statusCode(409);
    }

    @Test
    void reopenNeedsASubmittedEntry() {
        String call = Fixtures.openCall("Reopen");
        String id = Fixtures.draft(DACHAU, call, "Entwurf");
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/reopen").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:not-submitted"));
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).post("/api/submissions/" + id + "/reopen")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.organizer()).post("/api/submissions/" + id + "/reopen").then().statusCode(403);
    }

    private List<Integer> submittedVersions(String id) {
        return connector.sink("outbox").received().stream()
                .filter(m -> m.getMetadata(OutgoingKafkaRecordMetadata.class).map(md -> id.equals(md.getKey()))
                        .orElse(false))
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .filter(e -> e.type().equals("handinhand.submission.submitted"))
                .map(CloudEvent::data)
                .map(d -> d.get("version").asInt())
                .toList();
    }
}
