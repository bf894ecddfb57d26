package de.handinhand.submission.call;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import de.handinhand.common.messaging.CloudEventCodec;
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

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CallUpdateTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void organizersChangeCallsAndEachChangeIsAnnounced() {
        String id = Fixtures.openCall("Vor der Änderung");
        Instant now = Instant.now();
        Map<String, Object> changed = Fixtures.call("Nach der Änderung", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(60)));
        changed.put("categories", List.of("LANDKREIS"));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(changed)
                .put("/api/calls/" + id).then().statusCode(200)
                .body("title", equalTo("Nach der Änderung"))
                .body("categories", equalTo(List.of("LANDKREIS")));
        given().get("/api/calls/" + id).then().body("title", equalTo("Nach der Änderung"));
        await().atMost(Duration.ofSeconds(10)).until(() -> titlesAnnounced(id).contains("Nach der Änderung"));
    }

    @Test
    void kindAndFormAreFixedOnceACallHasEntries() {
        String id = Fixtures.openCall("Mit Beiträgen");
        Fixtures.draft(TestTokens.submitter("dachau", "09174"), id, "Ein Beitrag");
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call("Mit Beiträgen", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        body.put("formTemplate", "FLUECHTLINGSDIALOG");
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .put("/api/calls/" + id).then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:call-has-entries"));
    }

    @Test
    void updatesAreCheckedAndOrganizersOnly() {
        String id = Fixtures.openCall("Geschützt");
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call("Geändert", now, now.plus(Duration.ofDays(9)));
        given().contentType(ContentType.JSON).body(body).put("/api/calls/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.submitter("dachau", "09174")).contentType(ContentType.JSON).body(body)
                .put("/api/calls/" + id).then().statusCode(403);
        body.put("juryEndsAt", now.toString());
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .put("/api/calls/" + id).then().statusCode(422).body("errors.field", hasItem("juryEndsAt"));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(Fixtures.call("x", now, now.plus(Duration.ofDays(9))))
                .put("/api/calls/6c0bd3b2-0000-4000-8000-000000000000").then().statusCode(404);
        given().get("/api/calls/" + id).then().body("title", equalTo("Geschützt"));
    }

    private List<String> titlesAnnounced(String callId) {
        return connector.sink("outbox").received().stream().map(Message::getPayload).map(Object::toString)
                .map(CloudEventCodec::read).filter(e -> callId.equals(e.subject()))
                .map(e -> e.data().get("title").asText()).toList();
    }
}
