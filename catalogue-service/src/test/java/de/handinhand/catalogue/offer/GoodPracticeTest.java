package de.handinhand.catalogue.offer;

import static de.handinhand.common.testing.EventFixtures.HEILBRONN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The good-practice mark: publishers set it on offers of their own Kreis, when creating and when
 * editing; nobody else may, and the other server-owned flags stay unknown fields for everyone.
 */
@QuarkusTest
@WithPostgresAndOidc
class GoodPracticeTest {

    static final String KREIS = "03404";
    static final String OFFICE = TestTokens.publisher("gp-office", KREIS);
    static final String OTHER_OFFICE = TestTokens.publisher("gp-other-office", "03405");
    static final String SUBMITTER = TestTokens.submitter("gp-town", "03404001");

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aPublisherMarksAndUnmarksOffersOfTheOwnKreis() {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "Mentoring für Azubis");
        offer.put("goodPractice", true);
        String id = given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer)
                .queryParam("publish", "true").post("/api/catalogue/offers").then().statusCode(201)
                .body("goodPractice", equalTo(true)).extract().path("id");
        given().get("/api/catalogue/offers/" + id).then().body("goodPractice", equalTo(true));

        // An edit that leaves the field out keeps the mark.
        offer.remove("goodPractice");
        offer.put("schedule", "Di 17–19 Uhr");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).put("/api/catalogue/offers/" + id)
                .then().statusCode(200).body("goodPractice", equalTo(true)).body("schedule", equalTo("Di 17–19 Uhr"));
        offer.put("goodPractice", false);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).put("/api/catalogue/offers/" + id)
                .then().statusCode(200).body("goodPractice", equalTo(false));
        offer.put("goodPractice", true);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).put("/api/catalogue/offers/" + id)
                .then().statusCode(200).body("goodPractice", equalTo(true));
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers/" + id + "/history").then()
                .body("items[-1].fields", equalTo(List.of("goodPractice")));
    }

    @Test
    void anEditWithoutTheFieldKeepsTheMarkOfADerivedOffer() {
        UUID entry = UUID.randomUUID();
        connector.source("submission-events").send(EventFixtures.submittedEvent(EventFixtures.submitted(entry,
                UUID.randomUUID(), 1, HEILBRONN, "Gute Praxis", List.of(EventFixtures.project(1, "Tandemprojekt", "")))));
        String office = TestTokens.publisher("hn-office", "08125");
        await().atMost(Duration.ofSeconds(10)).until(() -> derived(office, entry) != null);
        Map<String, Object> offer = derived(office, entry);
        Map<String, Object> edit = OfferFixtures.offer("08125", "Tandemprojekt Heilbronn");
        given().auth().oauth2(office).contentType(ContentType.JSON).body(edit)
                .put("/api/catalogue/offers/" + offer.get("id")).then().statusCode(200)
                .body("goodPractice", equalTo(true)).body("title.de", equalTo("Tandemprojekt Heilbronn"));
    }

    @Test
    void proposersMayNotSetIt() {
        long before = proposed();
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "Selbst ernannte gute Praxis");
        offer.put("goodPractice", true);
        for (String token : List.of(SUBMITTER, OTHER_OFFICE, TestTokens.token("gp-volunteer", List.of(), Map.of()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("goodPractice"));
        }
        given().contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then().statusCode(401);
        // Without the mark (or with false, the default) the same proposal is fine.
        offer.put("goodPractice", false);
        given().auth().oauth2(SUBMITTER).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers")
                .then().statusCode(201).body("goodPractice", equalTo(false)).body("status", equalTo("PROPOSED"));
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=200").then()
                .body("total", equalTo((int) before + 1)).body("items.title.de", hasItem("Selbst ernannte gute Praxis"));
        // Another Kreis' publisher cannot mark a published offer here by editing it either.
        String id = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Fremd markiert"));
        Map<String, Object> edit = OfferFixtures.offer(KREIS, "Fremd markiert");
        edit.put("goodPractice", true);
        given().auth().oauth2(OTHER_OFFICE).contentType(ContentType.JSON).body(edit).put("/api/catalogue/offers/" + id)
                .then().statusCode(403);
        given().get("/api/catalogue/offers/" + id).then().body("goodPractice", equalTo(false));
    }

    @Test
    void theOtherServerOwnedFlagsStayUnknownFields() {
        for (Map.Entry<String, Object> owned : Map.<String, Object>of("status", "PUBLISHED", "awardWinner", true,
                "origin", Map.of("submissionId", UUID.randomUUID().toString(), "project", 1),
                "rejectionReason", "x").entrySet()) {
            Map<String, Object> offer = OfferFixtures.offer(KREIS, "Mit " + owned.getKey());
            offer.put(owned.getKey(), owned.getValue());
            given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(owned.getKey()));
        }
        Map<String, Object> wrongType = OfferFixtures.offer(KREIS, "Halb gut");
        wrongType.put("goodPractice", "ja");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(wrongType).post("/api/catalogue/offers").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static long proposed() {
        return given().auth().oauth2(OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=1").then()
                .statusCode(200).extract().<Integer>path("total");
    }

    private static Map<String, Object> derived(String office, UUID entry) {
        List<Map<String, Object>> items = given().auth().oauth2(office).get("/api/catalogue/offers?status=PROPOSED&size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(o -> o.get("origin") instanceof Map<?, ?> origin
                && entry.toString().equals(origin.get("submissionId"))).findFirst().orElse(null);
    }
}
