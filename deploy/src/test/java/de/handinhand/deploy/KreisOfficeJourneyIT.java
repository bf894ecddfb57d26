package de.handinhand.deploy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A Kreis office's job (Landkreis Heidenheim, user {@code hdh-office}, Kreis 08135): work through
 * the queue of proposals — one a local actor proposed, one derived from the Landkreis' competition
 * entry — approve one, find it with the public search, confirm it is still valid, keep the stale
 * offers current, archive. Then what other offices, municipalities and anonymous callers may not do.
 */
@Journey
class KreisOfficeJourneyIT {

    static final String ME = "hdh-office";
    static final String KREIS = "08135";

    final Gateway gateway;
    final Steps steps;
    String word;
    String proposal;
    String derived;
    String entry;
    String stale;
    Instant approvedAt;

    KreisOfficeJourneyIT(Gateway gateway, Steps steps) {
        this.gateway = gateway;
        this.steps = steps;
    }

    @BeforeAll
    void aLocalActorProposesAndTheLandkreisEntersACompetition() {
        word = Steps.uniqueWord("Brenztreff");
        proposal = gateway.as("heidenheim").contentType(ContentType.JSON)
                .body(Steps.offer(KREIS, "Giengen an der Brenz", "Sprachtreff " + word)).post("/api/catalogue/offers")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
        String call = steps.openCall("Journey Kreis " + word);
        entry = steps.draft("heidenheim", call, "Heidenheim: Nähwerkstatt", "Nähwerkstatt " + word);
        steps.submit("heidenheim", entry);
    }

    @Test
    @Order(1)
    void seesBothProposalsInItsQueueAndNobodyElseDoes() {
        derived = steps.awaitDerivedProposal(ME, entry).get("id").toString();
        List<Map<String, Object>> queue = steps.proposalQueue(ME);
        List<Object> ids = queue.stream().map(o -> o.get("id")).toList();
        assertTrue(ids.containsAll(List.of(proposal, derived)), ids.toString());
        for (Map<String, Object> offer : queue) {
            assertEquals(KREIS, offer.get("kreisId"), "another Kreis' offer in the queue: " + offer);
            assertEquals("PROPOSED", offer.get("status"));
        }
        gateway.as(ME).get("/api/catalogue/offers/" + derived).then().statusCode(200)
                .body("title.de", equalTo("Nähwerkstatt " + word)).body("goodPractice", equalTo(true))
                .body("origin.submissionId", equalTo(entry)).body("origin.project", equalTo(1));
        gateway.as(ME).get("/api/catalogue/offers/" + proposal).then().statusCode(200)
                .body("title.de", equalTo("Sprachtreff " + word)).body("goodPractice", equalTo(false));

        // Proposals are not public yet.
        gateway.anonymous().queryParam("q", word).get("/api/catalogue/offers").then().statusCode(200)
                .body("total", equalTo(0));
        gateway.anonymous().get("/api/catalogue/offers/" + proposal).then().statusCode(404);
        gateway.as("hn-office").get("/api/catalogue/offers/" + derived).then().statusCode(404);
        assertFalse(steps.proposalQueue("hn-office").stream().anyMatch(o -> derived.equals(o.get("id"))));
    }

    @Test
    @Order(2)
    void approvesTheProposal() {
        String confirmed = gateway.as(ME).post("/api/catalogue/offers/" + proposal + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("lastConfirmedAt", notNullValue())
                .extract().path("lastConfirmedAt");
        approvedAt = Instant.parse(confirmed);
        JsonPath history = gateway.as(ME).get("/api/catalogue/offers/" + proposal + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("PROPOSED", "APPROVED"), history.getList("items.action"));
        assertEquals(List.of("heidenheim", ME), history.getList("items.by"));
        assertFalse(steps.proposalQueue(ME).stream().anyMatch(o -> proposal.equals(o.get("id"))));
    }

    @Test
    @Order(3)
    void theApprovedOfferIsFoundByThePublicSearch() {
        JsonPath found = gateway.anonymous().queryParam("q", word).get("/api/catalogue/offers").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(proposal), found.getList("items.id"));
        assertEquals(1, found.getInt("facets.kreis.'" + KREIS + "'"));
        gateway.anonymous().queryParam("q", word).queryParam("kreis", KREIS).get("/api/catalogue/offers").then()
                .body("items.id", equalTo(List.of(proposal)));
        gateway.anonymous().queryParam("q", word).queryParam("kreis", "08125").get("/api/catalogue/offers").then()
                .body("total", equalTo(0));
        gateway.anonymous().queryParam("lang", "ar").get("/api/catalogue/offers/" + proposal).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("displayLanguage", equalTo("ar"))
                .body("displayTitle", equalTo("مقهى اللغة Sprachtreff " + word));
        // The derived proposal is still waiting: not found.
        gateway.anonymous().queryParam("q", "Nähwerkstatt " + word).get("/api/catalogue/offers").then()
                .body("items.id", not(hasItem(derived)));
    }

    @Test
    @Order(4)
    void confirmsTheOfferIsStillValid() {
        String confirmed = gateway.as(ME).post("/api/catalogue/offers/" + proposal + "/confirm").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).extract().path("lastConfirmedAt");
        assertFalse(Instant.parse(confirmed).isBefore(approvedAt), confirmed + " before " + approvedAt);
        gateway.as(ME).get("/api/catalogue/offers/" + proposal + "/history").then()
                .body("items.action", equalTo(List.of("PROPOSED", "APPROVED", "CONFIRMED")));
    }

    @Test
    @Order(5)
    void keepsTheStaleOffersCurrent() {
        JsonPath list = gateway.as(ME).queryParam("size", 200).get("/api/catalogue/offers/unconfirmed").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        assertFalse(items.isEmpty(), "the demo catalogue has offers of Kreis " + KREIS + " unconfirmed for a year");
        Instant yearAgo = Instant.now().atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        Instant previous = Instant.MIN;
        for (Map<String, Object> offer : items) {
            assertEquals(KREIS, offer.get("kreisId"));
            assertEquals("PUBLISHED", offer.get("status"));
            Instant last = Instant.parse((String) offer.get("lastConfirmedAt"));
            assertTrue(last.isBefore(yearAgo), offer.get("id") + " confirmed " + last);
            assertFalse(last.isBefore(previous), "not oldest first: " + items);
            previous = last;
        }
        assertFalse(list.getList("items.id").contains(proposal), "the offer confirmed today is not stale");

        stale = (String) items.get(0).get("id");
        gateway.as(ME).post("/api/catalogue/offers/" + stale + "/confirm").then().statusCode(200);
        JsonPath after = gateway.as(ME).queryParam("size", 200).get("/api/catalogue/offers/unconfirmed").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(list.getInt("total") - 1, after.getInt("total"));
        assertFalse(after.getList("items.id").contains(stale));
    }

    @Test
    @Order(6)
    void archivesTheOffer() {
        gateway.as(ME).post("/api/catalogue/offers/" + proposal + "/archive").then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        gateway.anonymous().queryParam("q", word).get("/api/catalogue/offers").then().statusCode(200)
                .body("total", equalTo(0));
        gateway.anonymous().get("/api/catalogue/offers/" + proposal).then().statusCode(404);
        gateway.anonymous().get("/api/catalogue/hsds/services/" + proposal).then().statusCode(404);
        gateway.as(ME).queryParam("status", "ARCHIVED").queryParam("size", 200).get("/api/catalogue/offers").then()
                .statusCode(200).body("items.id", hasItem(proposal));
        gateway.as(ME).get("/api/catalogue/offers/" + proposal + "/history").then()
                .body("items.action", equalTo(List.of("PROPOSED", "APPROVED", "CONFIRMED", "ARCHIVED")));
    }

    @Test
    @Order(7)
    void otherOfficesMunicipalitiesAndStrangersAreRefused() {
        String other = "hn-office";
        // Another Kreis' proposal does not exist for this office; its published offers are not its to change.
        gateway.as(other).post("/api/catalogue/offers/" + derived + "/publish").then().statusCode(404)
                .contentType("application/problem+json");
        gateway.as(other).contentType(ContentType.JSON).body(Map.of("reason", "fremd"))
                .post("/api/catalogue/offers/" + derived + "/reject").then().statusCode(404);
        for (String action : List.of("confirm", "archive")) {
            gateway.as(other).post("/api/catalogue/offers/" + stale + "/" + action).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        gateway.as(other).get("/api/catalogue/offers/" + stale + "/history").then().statusCode(403);
        gateway.as(other).contentType(ContentType.JSON).body(Steps.offer(KREIS, "Heidenheim", "Übernommen"))
                .put("/api/catalogue/offers/" + stale).then().statusCode(403);
        gateway.as(other).contentType(ContentType.JSON).body(Steps.offer(KREIS, "Heidenheim", "Fremd veröffentlicht"))
                .queryParam("publish", true).post("/api/catalogue/offers").then().statusCode(403);
        gateway.as(other).queryParam("size", 200).get("/api/catalogue/offers/unconfirmed").then().statusCode(200)
                .body("items.kreisId", not(hasItem(KREIS)));

        // Not publishers at all.
        gateway.as("heidenheim").post("/api/catalogue/offers/" + derived + "/publish").then().statusCode(403);
        gateway.as("heidenheim").get("/api/catalogue/offers/unconfirmed").then().statusCode(403);
        gateway.anonymous().post("/api/catalogue/offers/" + derived + "/publish").then().statusCode(401)
                .contentType("application/problem+json");

        // Its own mistakes: a rejection needs a reason, a published offer is not published twice.
        gateway.as(ME).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/catalogue/offers/" + derived + "/reject").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        gateway.as(ME).post("/api/catalogue/offers/" + stale + "/publish").then().statusCode(409);
        gateway.as(ME).get("/api/catalogue/offers/" + derived).then().body("status", equalTo("PROPOSED"));
    }
}
