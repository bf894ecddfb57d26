package de.handinhand.catalogue.offer;

import static de.handinhand.common.testing.EventFixtures.BAD_SOODEN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * GET /api/catalogue/offers/mine: a proposer follows their proposals through review, rejections
 * with the publisher's reason; nobody else sees them. Users here are made up for this class, so
 * other tests' proposals stay out of the lists.
 */
@QuarkusTest
@WithPostgresAndOidc
class OwnProposalsTest {

    static final String KREIS = "03403";
    static final String OFFICE = TestTokens.publisher("mine-office", KREIS);
    /** A signed-in user without any role, such as a volunteer initiative. */
    static final String INITIATIVE = TestTokens.token("initiative-mine", List.of(), Map.of());
    static final String OTHER = TestTokens.token("initiative-other", List.of(), Map.of());

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aProposerSeesEveryProposalWithItsStatusAndTheReasonOfARejection() {
        String rejected = propose(INITIATIVE, "Nähcafé am Markt");
        String published = propose(INITIATIVE, "Lesepaten in der Stadtbibliothek");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("reason", "Das Nähcafé gibt es schon, bitte dort mitmachen"))
                .post("/api/catalogue/offers/" + rejected + "/reject").then().statusCode(200);
        given().auth().oauth2(OFFICE).post("/api/catalogue/offers/" + published + "/publish").then().statusCode(200);
        String pending = propose(INITIATIVE, "Spieleabend für Familien");

        JsonPath mine = given().auth().oauth2(INITIATIVE).get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .extract().jsonPath();
        // Newest first.
        assertEquals(List.of(pending, published, rejected), mine.getList("items.id"));
        assertEquals(List.of("PROPOSED", "PUBLISHED", "REJECTED"),
                mine.getList("items.status"));
        assertEquals("Das Nähcafé gibt es schon, bitte dort mitmachen",
                mine.getString("items[2].rejectionReason"));
        assertNull(mine.get("items[0].rejectionReason"));
        assertNull(mine.get("items[1].rejectionReason"));

        // The proposer also opens a proposal of their own that is not public.
        given().auth().oauth2(INITIATIVE).get("/api/catalogue/offers/" + rejected).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo(
                        "Das Nähcafé gibt es schon, bitte dort mitmachen"));
        given().auth().oauth2(INITIATIVE).get("/api/catalogue/offers/" + pending).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("rejectionReason", nullValue());

        // Paging in the list shape of every list.
        given().auth().oauth2(INITIATIVE).queryParam("size", 1).get("/api/catalogue/offers/mine").then()
                .statusCode(200).body("items.id", contains(pending)).body("total", equalTo(3)).body("size", equalTo(1));
        given().auth().oauth2(INITIATIVE).queryParam("size", 2).queryParam("page", 1).get("/api/catalogue/offers/mine")
                .then().statusCode(200).body("items.id", contains(rejected)).body("page", equalTo(1));
        given().auth().oauth2(INITIATIVE).queryParam("page", 2_000_000_000).queryParam("size", 200)
                .get("/api/catalogue/offers/mine").then().statusCode(200).body("items", empty())
                .body("total", equalTo(3));
    }

    @Test
    void nobodyElseSeesThem() {
        String proposal = propose(INITIATIVE, "Kochtreff international");
        given().auth().oauth2(OTHER).get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("items.id", not(hasItem(proposal)));
        given().auth().oauth2(OTHER).get("/api/catalogue/offers/" + proposal).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/catalogue/offers/" + proposal).then().statusCode(404);
        // The same user name with another subject is another account (say, a new one after the old was deleted).
        String sameName = TestTokens.sign(TestTokens.builder("initiative-mine", List.of(), Map.of())
                .subject(UUID.randomUUID().toString()));
        given().auth().oauth2(sameName).get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("items.id", not(hasItem(proposal)));
        given().auth().oauth2(sameName).get("/api/catalogue/offers/" + proposal).then().statusCode(404);
        // A publisher's own offers are not proposals of theirs.
        String created = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Sprechstunde im Landratsamt"));
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers/mine").then().statusCode(200)
                .body("items.id", not(hasItem(created)));
    }

    @Test
    void aSubmitterFollowsTheProposalsDerivedFromTheMunicipalitysEntries() {
        UUID entry = UUID.randomUUID();
        connector.source("submission-events").send(EventFixtures.submittedEvent(EventFixtures.submitted(entry,
                UUID.randomUUID(), 1, BAD_SOODEN, "Kurstadt für alle",
                List.of(EventFixtures.project(1, "Willkommenscafé Bad Sooden", "Jeden Freitag")))));
        String town = TestTokens.submitter("bad-sooden-allendorf", "06636001");
        await().atMost(Duration.ofSeconds(10)).until(() -> derived(town, entry).size() == 1);
        String offer = derived(town, entry).get(0).get("id").toString();

        given().auth().oauth2(TestTokens.publisher("wmk-office", "06636")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Bitte mit Ansprechperson und Ort neu vorschlagen"))
                .post("/api/catalogue/offers/" + offer + "/reject").then().statusCode(200);
        Map<String, Object> seen = derived(town, entry).get(0);
        assertEquals("REJECTED", seen.get("status"));
        assertEquals("Bitte mit Ansprechperson und Ort neu vorschlagen",
                seen.get("rejectionReason"));
        given().auth().oauth2(town).get("/api/catalogue/offers/" + offer).then().statusCode(200);

        // Not another municipality's submitter, and not an applicant who merely works in the town.
        assertEquals(List.of(),
                derived(TestTokens.submitter("heilbronn", "08125"), entry));
        String applicant = TestTokens.token("ak-sooden", List.of("applicant"), Map.of("municipality_id", "06636001"));
        assertEquals(List.of(), derived(applicant, entry));
        given().auth().oauth2(applicant).get("/api/catalogue/offers/" + offer).then().statusCode(404);
    }

    @Test
    void aPortalClientProposesNothing() {
        // A complete, valid offer: 403, and no proposal appears in the office's queue.
        given().auth().oauth2(TestTokens.portal()).contentType(ContentType.JSON)
                .body(OfferFixtures.offer(KREIS, "Vorschlag eines Portals")).post("/api/catalogue/offers").then()
                .statusCode(403).contentType("application/problem+json").body("detail", org.hamcrest.Matchers
                        .containsString("portal"));
        // An empty body: still 403, not a 422 that would tell the portal what the form wants.
        given().auth().oauth2(TestTokens.portal()).contentType(ContentType.JSON).body("{}")
                .post("/api/catalogue/offers").then().statusCode(403).contentType("application/problem+json");
        List<String> queue = given().auth().oauth2(OFFICE).queryParam("status", "PROPOSED").queryParam("size", 200)
                .get("/api/catalogue/offers").then().statusCode(200).extract().jsonPath().getList("items.title.de");
        org.hamcrest.MatcherAssert.assertThat(queue, not(hasItem("Vorschlag eines Portals")));
        // The person next to it, without any role, still proposes.
        propose(OTHER, "Vorschlag einer Person");
    }

    @Test
    void anonymousCallersAndBadParametersAreRefused() {
        given().get("/api/catalogue/offers/mine").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").get("/api/catalogue/offers/mine").then().statusCode(401);
        for (Map.Entry<String, String> bad : Map.of("size", "0", "page", "-1").entrySet()) {
            given().auth().oauth2(INITIATIVE).queryParam(bad.getKey(), bad.getValue()).get("/api/catalogue/offers/mine")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
        given().auth().oauth2(INITIATIVE).queryParam("size", "201").get("/api/catalogue/offers/mine").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(INITIATIVE).queryParam("page", "zwei").get("/api/catalogue/offers/mine").then()
                .statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(INITIATIVE).queryParam("lang", "arabisch").get("/api/catalogue/offers/mine").then()
                .statusCode(400).body("errors[0].field", equalTo("lang"));
    }

    private static String propose(String token, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(OfferFixtures.offer(KREIS, title))
                .post("/api/catalogue/offers").then().statusCode(201).body("status", equalTo("PROPOSED"))
                .extract().path("id");
    }

    private static List<Map<String, Object>> derived(String token, UUID entry) {
        List<Map<String, Object>> items = given().auth().oauth2(token).queryParam("size", 200)
                .get("/api/catalogue/offers/mine").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(o -> o.get("origin") instanceof Map<?, ?> origin
                && entry.toString().equals(origin.get("submissionId"))).toList();
    }
}
