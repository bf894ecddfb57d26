package de.handinhand.catalogue.offer;

import static de.handinhand.common.testing.EventFixtures.BAD_SOODEN;
import static de.handinhand.common.testing.EventFixtures.HEILBRONN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithPostgresAndOidc
class DerivedOfferTest {

    static final String HEILBRONN_OFFICE = TestTokens.publisher("hn-office", "08125");
    static final String DACHAU_OFFICE = TestTokens.publisher("dah-office", "09174");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    InMemorySource<String> source() {
        return connector.source("submission-events");
    }

    @Test
    void eachSingleProjectBecomesAProposalForTheKreisPublisher() {
        UUID submission = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, UUID.randomUUID(), 1, HEILBRONN,
                "Willkommen in Heilbronn", List.of(EventFixtures.project(1, "Sprachcafé Eppingen", "Jeden Mittwoch"),
                        EventFixtures.project(2, "", "")))));

        JsonPath proposals = awaitProposals(HEILBRONN_OFFICE, submission, 2);
        assertEquals("Sprachcafé Eppingen", proposals.getString("title.de[0]"));
        assertEquals("Jeden Mittwoch", proposals.getString("description.de[0]"));
        assertEquals("Willkommen in Heilbronn – Einzelprojekt 2", proposals.getString("title.de[1]"));
        assertEquals("08125", proposals.getString("kreisId[0]"));
        assertEquals(true, proposals.getBoolean("goodPractice[0]"));
        assertEquals(1, proposals.getInt("origin.project[0]"));
        assertEquals(List.of("SPORT"), proposals.getList("fields[0]"));
        assertEquals(List.of("ERWACHSENE", "NEUZUGEWANDERTE"), proposals.getList("targetGroups[0]"));
        String offerId = proposals.getString("id[0]");

        // Not public, not for another Kreis' publisher, not for other roles.
        given().get("/api/catalogue/offers?size=200").then().statusCode(200)
                .body("items.id", not(hasItem(offerId)));
        given().get("/api/catalogue/offers/" + offerId).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/" + offerId).then().statusCode(404);
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=200").then()
                .statusCode(200).body("items.id", not(hasItem(offerId)));
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=PROPOSED&kreis=08125").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).get("/api/catalogue/offers?status=PROPOSED")
                .then().statusCode(403);
        given().get("/api/catalogue/offers?status=PROPOSED").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(HEILBRONN_OFFICE).get("/api/catalogue/offers/" + offerId).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
    }

    @Test
    void aTownsProjectsGoToItsKreis() {
        UUID submission = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, UUID.randomUUID(), 1, BAD_SOODEN,
                "Kurstadt hilft", List.of(EventFixtures.project(1, "Fahrradwerkstatt", "Reparieren und lernen")))));
        String werraMeissner = TestTokens.publisher("wmk-office", "06636");
        JsonPath proposals = awaitProposals(werraMeissner, submission, 1);
        assertEquals("06636", proposals.getString("kreisId[0]"));
        assertEquals("Bad Sooden-Allendorf", proposals.getString("municipality[0]"));
    }

    @Test
    void duplicatesChangeNothingAndResubmissionsRefreshTheProposals() {
        UUID submission = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        String first = EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, HEILBRONN, "Erste",
                List.of(EventFixtures.project(1, "Patenprogramm", "Paten begleiten"),
                        EventFixtures.project(2, "Kleiderkammer", "Kleidung für alle"))));
        source().send(first);
        String updatedAt = awaitProposals(HEILBRONN_OFFICE, submission, 2).getString("updatedAt[0]");

        source().send(first);
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 2, HEILBRONN, "Zweite",
                List.of(EventFixtures.project(1, "Patenprogramm plus", "Paten begleiten länger")))));
        await().atMost(Duration.ofSeconds(10)).until(() -> proposals(HEILBRONN_OFFICE, submission).getInt("size()") == 1);
        JsonPath after = proposals(HEILBRONN_OFFICE, submission);
        assertEquals("Patenprogramm plus", after.getString("title.de[0]"));
        assertEquals(1, after.getInt("origin.project[0]"));
        assertEquals(false, updatedAt.equals(after.getString("updatedAt[0]")));

        // Version 1 arriving late cannot bring the second project back.
        source().send(EventFixtures.event(EventTypes.SUBMISSION_SUBMITTED, submission.toString(),
                EventFixtures.submitted(submission, call, 1, HEILBRONN, "Erste", List.of(
                        EventFixtures.project(1, "Patenprogramm", "x"), EventFixtures.project(2, "Kleiderkammer", "y")))));
        UUID marker = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(marker, call, 1, HEILBRONN, "Marker",
                List.of(EventFixtures.project(1, "Marker", "m")))));
        awaitProposals(HEILBRONN_OFFICE, marker, 1);
        assertEquals(1, proposals(HEILBRONN_OFFICE, submission).getInt("size()"));
        assertEquals("Patenprogramm plus", proposals(HEILBRONN_OFFICE, submission).getString("title.de[0]"));
    }

    @Test
    void everyDemoKreisHasAnOfficeThatReviewsItsProposals() {
        Map<MunicipalityRef, String> offices = new LinkedHashMap<>();
        offices.put(HEILBRONN, "hn-office");
        offices.put(new MunicipalityRef("08135", "Landkreis Heidenheim", "LANDKREIS", "BW", "08135", 132_000),
                "hdh-office");
        offices.put(BAD_SOODEN, "wmk-office");
        offices.put(EventFixtures.DACHAU, "dah-office");
        offices.put(new MunicipalityRef("05562", "Kreis Recklinghausen", "LANDKREIS", "NW", "05562", 610_000),
                "re-office");
        offices.forEach((municipality, user) -> {
            UUID submission = UUID.randomUUID();
            source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, UUID.randomUUID(), 1,
                    municipality, "Beitrag " + municipality.name(), List.of(EventFixtures.project(1, "Lotsenprojekt "
                            + municipality.name(), "Lotsinnen begleiten Neuzugewanderte")))));
            String office = TestTokens.publisher(user, municipality.kreisId());
            String id = awaitProposals(office, submission, 1).getString("id[0]");
            given().auth().oauth2(office).post("/api/catalogue/offers/" + id + "/publish").then().statusCode(200)
                    .body("status", equalTo("PUBLISHED")).body("kreisId", equalTo(municipality.kreisId()));
            given().get("/api/catalogue/offers/" + id).then().statusCode(200);
        });
    }

    @Test
    void aCorrectionThatMovesTheEntryMovesItsProposalsToTheNewKreis() {
        UUID submission = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        String werraMeissner = TestTokens.publisher("wmk-office", "06636");
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, HEILBRONN,
                "Falsch zugeordnet", List.of(EventFixtures.project(1, "Nähstube", "Nähen und reden"),
                        EventFixtures.project(2, "Laufgruppe", "Gemeinsam laufen")))));
        JsonPath before = awaitProposals(HEILBRONN_OFFICE, submission, 2);
        String proposal = before.getString("id[0]");
        String published = before.getString("id[1]");
        given().auth().oauth2(HEILBRONN_OFFICE).post("/api/catalogue/offers/" + published + "/publish").then()
                .statusCode(200);

        // The organizer corrects the imported entry: it belongs to Bad Sooden-Allendorf (Werra-Meißner-Kreis).
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 2, BAD_SOODEN,
                "Richtig zugeordnet", List.of(EventFixtures.project(1, "Nähstube", "Nähen und reden"),
                        EventFixtures.project(2, "Laufgruppe", "Gemeinsam laufen")))));
        JsonPath moved = awaitProposals(werraMeissner, submission, 1);
        assertEquals(proposal, moved.getString("id[0]"), "the same proposal, moved");
        assertEquals("06636", moved.getString("kreisId[0]"));
        assertEquals("Bad Sooden-Allendorf", moved.getString("municipality[0]"));
        assertEquals(0, proposals(HEILBRONN_OFFICE, submission).getInt("size()"));
        given().auth().oauth2(HEILBRONN_OFFICE).get("/api/catalogue/offers/" + proposal).then().statusCode(404);
        given().auth().oauth2(werraMeissner).get("/api/catalogue/offers/" + proposal + "/history").then()
                .statusCode(200).body("items.action", contains("PROPOSED", "UPDATED"))
                .body("items[1].fields", hasItems("provider", "kreisId", "municipality"))
                .body("items[1].note", equalTo("version 2 of the entry; moved from Kreis 08125 to Kreis 06636"));
        given().auth().oauth2(werraMeissner).post("/api/catalogue/offers/" + proposal + "/publish").then()
                .statusCode(200);

        // What the Heilbronn office had published stays its publication; the entry's submitters now follow both.
        given().get("/api/catalogue/offers/" + published).then().statusCode(200).body("kreisId", equalTo("08125"));
        given().auth().oauth2(TestTokens.submitter("bad-sooden-allendorf", "06636001"))
                .queryParam("size", 200).get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("items.id", hasItems(proposal, published));
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).queryParam("size", 200)
                .get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("items.id", not(hasItem(proposal))).body("items.id", not(hasItem(published)));
    }

    @Test
    void withdrawalRemovesProposalsAndArchivesWhatWasPublished() {
        UUID submission = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, HEILBRONN, "Wird zurückgezogen",
                List.of(EventFixtures.project(1, "Jobbörse", "Arbeit finden"),
                        EventFixtures.project(2, "Frauenschwimmen", "Schwimmen lernen")))));
        JsonPath proposals = awaitProposals(HEILBRONN_OFFICE, submission, 2);
        UUID published = UUID.fromString(proposals.getString("id[1]"));
        QuarkusTransaction.requiringNew().run(() -> em.find(Offer.class, published).status = OfferStatus.PUBLISHED);
        given().get("/api/catalogue/offers/" + published).then().statusCode(200);

        source().send(EventFixtures.event(EventTypes.SUBMISSION_WITHDRAWN, submission.toString(),
                EventFixtures.withdrawn(submission, call, HEILBRONN, 1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> proposals(HEILBRONN_OFFICE, submission).getInt("size()") == 0);
        given().get("/api/catalogue/offers/" + published).then().statusCode(404);
        given().auth().oauth2(HEILBRONN_OFFICE).get("/api/catalogue/offers/" + published).then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
    }

    @Test
    void aPoisonEventDoesNotStopTheConsumer() {
        source().send("{\"specversion\": \"1.0\"}");
        source().send(EventFixtures.event(EventTypes.SUBMISSION_SUBMITTED, "x", java.util.Map.of("version", "eins")));
        UUID submission = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, UUID.randomUUID(), 1, HEILBRONN,
                "Danach", List.of(EventFixtures.project(1, "Repair-Café", "Reparieren statt wegwerfen")))));
        awaitProposals(HEILBRONN_OFFICE, submission, 1);
    }

    @Test
    void badParametersAre400() {
        given().get("/api/catalogue/offers?status=DRAFT").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().get("/api/catalogue/offers?kreis=Dachau").then().statusCode(400).body("errors[0].field", equalTo("kreis"));
        given().get("/api/catalogue/offers?size=0").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/catalogue/offers").then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    private JsonPath awaitProposals(String publisher, UUID submission, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> proposals(publisher, submission).getInt("size()") == expected);
        return proposals(publisher, submission);
    }

    /** The caller's PROPOSED offers derived from one entry, ordered by project. */
    private JsonPath proposals(String publisher, UUID submission) {
        List<Object> mine = given().auth().oauth2(publisher).get("/api/catalogue/offers?status=PROPOSED&size=200")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.origin != null && it.origin.submissionId == '" + submission + "' }"
                        + ".sort { it.origin.project }");
        return JsonPath.from(toJson(mine));
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
