package de.handinhand.deploy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Someone who proposes integration offers for the Kreis office to publish (here the town of Bad
 * Sooden-Allendorf, user {@code bad-sooden-allendorf}, proposing to the Werra-Meißner-Kreis office):
 * propose, follow the proposals in their own list, learn why one was rejected and that the other is
 * public now. Then what a proposer may not decide.
 */
@Journey
class ProposerJourneyIT {

    static final String ME = "bad-sooden-allendorf";
    static final String KREIS = "06636";
    static final String OFFICE = "wmk-office";
    static final String REASON = "Bitte Ort und Uhrzeit des Treffens ergänzen.";

    final Gateway gateway;
    String word;
    String first;
    String second;

    ProposerJourneyIT(Gateway gateway) {
        this.gateway = gateway;
    }

    @BeforeAll
    void words() {
        word = Steps.uniqueWord("Werratreff");
    }

    @Test
    @Order(1)
    void proposesAnOfferThatOnlyItAndTheOfficeSee() {
        first = gateway.as(ME).contentType(ContentType.JSON)
                .body(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Sprachtreff " + word)).post("/api/catalogue/offers")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).body("goodPractice", equalTo(false))
                .body("kreisId", equalTo(KREIS)).body("website", equalTo("https://www.freundeskreis-asyl.example/sprachtreff"))
                .extract().path("id");
        gateway.as(ME).get("/api/catalogue/offers/" + first).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("title.de", equalTo("Sprachtreff " + word));
        gateway.as(OFFICE).queryParam("status", "PROPOSED").queryParam("size", 200).get("/api/catalogue/offers")
                .then().statusCode(200).body("items.id", hasItem(first));
        gateway.anonymous().get("/api/catalogue/offers/" + first).then().statusCode(404);
        gateway.anonymous().queryParam("q", word).get("/api/catalogue/offers").then().body("total", equalTo(0));
    }

    @Test
    @Order(2)
    void followsItsProposalsInItsOwnList() {
        second = gateway.as(ME).contentType(ContentType.JSON)
                .body(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Fahrradwerkstatt " + word)).post("/api/catalogue/offers")
                .then().statusCode(201).extract().path("id");
        Map<Object, Map<String, Object>> mine = ownProposals();
        assertEquals(Set.of(first, second), mine.keySet());
        assertEquals("PROPOSED", mine.get(first).get("status"));
        assertEquals("PROPOSED", mine.get(second).get("status"));
        assertEquals(null, mine.get(first).get("rejectionReason"));
    }

    @Test
    @Order(3)
    void learnsWhyTheOfficeRejectedOne() {
        gateway.as(OFFICE).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .post("/api/catalogue/offers/" + first + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        Map<Object, Map<String, Object>> mine = ownProposals();
        assertEquals("REJECTED", mine.get(first).get("status"));
        assertEquals(REASON, mine.get(first).get("rejectionReason"));
        assertEquals("PROPOSED", mine.get(second).get("status"));
        gateway.as(ME).get("/api/catalogue/offers/" + first).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo(REASON));
    }

    @Test
    @Order(4)
    void seesTheOtherApprovedAndPublic() {
        gateway.as(OFFICE).post("/api/catalogue/offers/" + second + "/publish").then().statusCode(200);
        Map<Object, Map<String, Object>> mine = ownProposals();
        assertEquals("PUBLISHED", mine.get(second).get("status"));
        assertEquals(null, mine.get(second).get("rejectionReason"));
        gateway.anonymous().queryParam("q", word).get("/api/catalogue/offers").then().statusCode(200)
                .body("items.id", equalTo(List.of(second)));
    }

    @Test
    @Order(5)
    void mayNotDecideWhatTheOfficeDecides() {
        // Publishing, its own proposals included, is the office's.
        gateway.as(ME).post("/api/catalogue/offers/" + first + "/publish").then().statusCode(403)
                .contentType("application/problem+json");
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Geändert"))
                .put("/api/catalogue/offers/" + second).then().statusCode(403);
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Gleich öffentlich"))
                .queryParam("publish", true).post("/api/catalogue/offers").then().statusCode(403)
                .contentType("application/problem+json");
        Map<String, Object> marked = new HashMap<>(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Gute Praxis " + word));
        marked.put("goodPractice", true);
        gateway.as(ME).contentType(ContentType.JSON).body(marked).post("/api/catalogue/offers").then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("goodPractice"));
        // Bad input names the field; nothing of it is stored.
        Map<String, Object> badWebsite = new HashMap<>(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Webseite " + word));
        badWebsite.put("website", "javascript:alert(1)");
        gateway.as(ME).contentType(ContentType.JSON).body(badWebsite).post("/api/catalogue/offers").then()
                .statusCode(422).body("errors.field", hasItem("website"));
        Map<String, Object> badLanguage = new HashMap<>(Steps.offer(KREIS, "Bad Sooden-Allendorf", "Sprache " + word));
        badLanguage.put("languages", List.of("de", "xx"));
        gateway.as(ME).contentType(ContentType.JSON).body(badLanguage).post("/api/catalogue/offers").then()
                .statusCode(422).contentType("application/problem+json");
        assertEquals(Set.of(first, second), ownProposals().keySet());

        // Nobody else sees its proposals; nobody reads a list without signing in.
        gateway.as("heilbronn").get("/api/catalogue/offers/" + first).then().statusCode(404);
        gateway.as("heilbronn").queryParam("size", 200).get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("items.id", not(hasItem(first)));
        gateway.as("hn-office").get("/api/catalogue/offers/" + first).then().statusCode(404);
        gateway.anonymous().get("/api/catalogue/offers/mine").then().statusCode(401)
                .contentType("application/problem+json");
        gateway.as(ME).get("/api/catalogue/offers/" + second).then().body("rejectionReason", nullValue());
    }

    /**
     * The caller's own list, offers it proposed by hand only: a town's list also holds the offers
     * derived from its municipality's entries, which other journeys may have made.
     */
    private Map<Object, Map<String, Object>> ownProposals() {
        List<Map<String, Object>> items = gateway.as(ME).queryParam("size", 200).get("/api/catalogue/offers/mine")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(items.size() < 200, "more than one page of proposals");
        return items.stream().filter(o -> o.get("origin") == null)
                .collect(Collectors.toMap(o -> o.get("id"), o -> o));
    }
}
