package de.handinhand.submission.call;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import de.handinhand.submission.demo.DemoData;
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
class CallResourceTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void anyoneListsCallsAndSeesTheSeededOpenCall() {
        given().get("/api/calls?size=200")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(200))
                .body("items.id", hasItem(DemoData.DEMO_CALL_ID.toString()));
        given().get("/api/calls/" + DemoData.DEMO_CALL_ID)
                .then().statusCode(200)
                .body("phase", equalTo("OPEN"))
                .body("kind", equalTo("COMPETITION"))
                .body("categories", contains("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"));
    }

    @Test
    void organizerCreatesACallAndItIsAnnounced() {
        Instant now = Instant.now();
        var response = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(Fixtures.call("Förderaufruf Sprache", now.plus(Duration.ofDays(3)), now.plus(Duration.ofDays(40))))
                .post("/api/calls")
                .then().statusCode(201)
                .body("phase", equalTo("UPCOMING"))
                .body("title", equalTo("Förderaufruf Sprache"))
                .extract();
        String id = response.path("id");
        assertEquals(true, response.header("Location").endsWith("/api/calls/" + id));
        given().get("/api/calls/" + id).then().statusCode(200).body("title", equalTo("Förderaufruf Sprache"));

        await().atMost(Duration.ofSeconds(10)).until(() -> announced(id) != null);
        CloudEvent event = announced(id);
        assertEquals("handinhand.call.published", event.type());
        assertEquals(id, event.subject());
        assertEquals("Förderaufruf Sprache", event.data().get("title").asText());
    }

    @Test
    void phaseFollowsTheInstants() {
        Instant now = Instant.now();
        Map<String, Object> inJury = Fixtures.call("Im Jury-Verfahren", now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(1)));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(inJury)
                .post("/api/calls").then().statusCode(201).body("phase", equalTo("JURY"));

        Map<String, Object> closed = Fixtures.call("Abgeschlossen", now.minus(Duration.ofDays(200)),
                now.minus(Duration.ofDays(100)));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(closed)
                .post("/api/calls").then().statusCode(201).body("phase", equalTo("CLOSED"));
    }

    @Test
    void onlyOrganizersCreateCalls() {
        Map<String, Object> body = Fixtures.call("Nicht erlaubt", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        given().contentType(ContentType.JSON).body(body).post("/api/calls")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        for (String token : List.of(TestTokens.submitter("heilbronn", "08125"), TestTokens.publisher("re-office", "05562"),
                TestTokens.juror("juror1"), TestTokens.portal())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/calls")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:handinhand:problem:forbidden"));
        }
    }

    @Test
    void unknownCallIs404ProblemJson() {
        given().get("/api/calls/7b0e4ad8-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"))
                .body("detail", containsString("7b0e4ad8-0000-4000-8000-000000000000"))
                .body("requestId", notNullValue());
        given().get("/api/calls/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        String organizer = TestTokens.organizer();
        long before = given().get("/api/calls").then().extract().<Integer>path("total");

        given().auth().oauth2(organizer).contentType(ContentType.JSON).body("{\"title\": \"kaputt\",")
                .post("/api/calls").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:malformed-json"));

        Map<String, Object> unknownKind = Fixtures.call("x", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        unknownKind.put("kind", "LOTTERY");
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(unknownKind)
                .post("/api/calls").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("COMPETITION"));

        Map<String, Object> wrongType = Fixtures.call("x", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        wrongType.put("budgetCents", "viel");
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(wrongType)
                .post("/api/calls").then().statusCode(400).body("errors[0].field", equalTo("budgetCents"));

        Map<String, Object> serverOwned = Fixtures.call("x", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        serverOwned.put("phase", "CLOSED");
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(serverOwned)
                .post("/api/calls").then().statusCode(400).body("errors[0].field", equalTo("phase"));

        Map<String, Object> missing = Fixtures.call("x", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        missing.remove("title");
        missing.put("deadline", Instant.now().minus(Duration.ofDays(1)).toString());
        missing.put("categories", List.of("landkreis", "LANDKREIS", "LANDKREIS"));
        missing.put("budgetCents", 100_000);
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(missing)
                .post("/api/calls").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "deadline", "categories[0]", "categories[2]",
                        "budgetCents"));

        Map<String, Object> fundingWithoutBudget = Fixtures.call("x", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        fundingWithoutBudget.put("kind", "FUNDING");
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(fundingWithoutBudget)
                .post("/api/calls").then().statusCode(422).body("errors.field", contains("budgetCents"));

        Map<String, Object> tooLong = Fixtures.call("x".repeat(301), Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(tooLong)
                .post("/api/calls").then().statusCode(422).body("errors[0].message", containsString("300"));

        Map<String, Object> farFuture = Fixtures.call("x", Instant.now(), Instant.now().plus(Duration.ofDays(9)));
        farFuture.put("juryEndsAt", "+300000-01-01T00:00:00Z");
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(farFuture)
                .post("/api/calls").then().statusCode(422).body("errors[0].field", equalTo("juryEndsAt"))
                .body("errors[0].message", containsString("9999"));

        given().auth().oauth2(organizer).contentType(ContentType.TEXT).body("title=x")
                .post("/api/calls").then().statusCode(415).contentType("application/problem+json");

        given().get("/api/calls").then().body("total", equalTo((int) before));
    }

    @Test
    void rulesThatCombineFieldsNameTheFieldTheyConcern() {
        String organizer = TestTokens.organizer();
        Instant opens = Instant.now();
        Map<String, Object> body = Fixtures.call("Ergebnisse zu früh", opens, opens.plus(Duration.ofDays(9)));
        body.put("resultsAt", opens.plus(Duration.ofDays(10)).toString());
        body.put("categories", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "KATEGORIE_" + i).toList());
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(body)
                .post("/api/calls").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("categories", "resultsAt"))
                .body("errors.find { it.field == 'categories' }.message", equalTo("at most 20 categories"))
                .body("errors.find { it.field == 'resultsAt' }.message", equalTo("must not be before juryEndsAt"));
    }

    @Test
    void pagingParametersAreChecked() {
        given().get("/api/calls?size=201").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().get("/api/calls?page=-1").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/calls?size=abc").then().statusCode(400).contentType("application/problem+json");
    }

    private CloudEvent announced(String callId) {
        return connector.sink("outbox").received().stream()
                .map(Message::getPayload)
                .map(Object::toString)
                .map(CloudEventCodec::read)
                .filter(e -> callId.equals(e.subject()))
                .findFirst().orElse(null);
    }
}
