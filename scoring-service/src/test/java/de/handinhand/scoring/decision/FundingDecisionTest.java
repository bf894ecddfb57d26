package de.handinhand.scoring.decision;

import static de.handinhand.scoring.JuryFixtures.kreisOrganizer;
import static de.handinhand.scoring.JuryFixtures.organizer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Heilbronn committee's decision: hn-orga (organizer, kreis_id 08125) decides the grants of the
 * Landkreis's funding call starting from the computed allocation — partial grants and deviations with
 * a reason, never above the budget, every change in the history — and publishes them; the results
 * and their event carry each entry's grant, and the decision is final.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class FundingDecisionTest {

    static final String HEILBRONN = "08125";
    /** 50.000 € as the Landratsamt's programme "Gemeinsam in Vielfalt". */
    static final long BUDGET = 5_000_000L;

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    /** Three projects asking 30.000, 15.000 and 10.000 €, ranked in this order; the call run by Heilbronn. */
    private List<UUID> heilbronnCall(UUID call) {
        List<MunicipalityRef> places = List.of(JuryFixtures.heilbronnGemeinde("08125030", "Eppingen"),
                JuryFixtures.heilbronnGemeinde("08125005", "Bad Rappenau"),
                JuryFixtures.heilbronnGemeinde("08125098", "Schwaigern"));
        return fx.rankedCall(call, "FUNDING", BUDGET, HEILBRONN, places, List.of(3_000_000L, 1_500_000L, 1_000_000L));
    }

    private static ValidatableResponse put(String token, UUID call, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/scoring/calls/" + call + "/decision").then();
    }

    private static Map<String, Object> line(UUID entry, long grant, String reason) {
        Map<String, Object> line = new HashMap<>();
        line.put("submissionId", entry.toString());
        line.put("grantCents", grant);
        if (reason != null) {
            line.put("reason", reason);
        }
        return line;
    }

    @Test
    void theHeilbronnCommitteeDecidesGrantsAndPublishesThem() {
        String hn = kreisOrganizer("hn-orga", HEILBRONN);
        UUID call = UUID.randomUUID();
        List<UUID> ids = heilbronnCall(call);
        UUID a = ids.get(0);
        UUID b = ids.get(1);
        UUID c = ids.get(2);

        // The proposal: the computed allocation (A and B funded in full, C does not fit), nothing stored yet.
        given().auth().oauth2(hn).get("/api/scoring/calls/" + call + "/decision").then().statusCode(200)
                .body("stored", equalTo(false)).body("published", equalTo(false))
                .body("budgetCents", equalTo((int) BUDGET)).body("totalCents", equalTo(4_500_000))
                .body("lines.submissionId", equalTo(List.of(a.toString(), b.toString(), c.toString())))
                .body("lines.computedCents", equalTo(List.of(3_000_000, 1_500_000, 0)))
                .body("lines.grantCents", equalTo(List.of(3_000_000, 1_500_000, 0)))
                .body("lines[2].computedDecision", equalTo("SKIPPED_DOES_NOT_FIT"))
                .body("lines[0].municipalityName", equalTo("Eppingen")).body("history", hasSize(0));

        // The committee grants A in part and funds C as well, each with its reason.
        put(hn, call, Map.of("lines", List.of(
                line(a, 2_500_000, "Gremium 12.03.: Honorare zur Hälfte, die Sachkosten trägt die Gemeinde"),
                line(c, 1_000_000, "Gremium 12.03.: Tandem in Schwaigern soll starten")))).statusCode(200)
                .body("stored", equalTo(true)).body("totalCents", equalTo(5_000_000)).body("remainingCents", equalTo(0))
                .body("lines.grantCents", equalTo(List.of(2_500_000, 1_500_000, 1_000_000)))
                .body("lines.deviates", equalTo(List.of(true, false, true)))
                .body("lines[0].reason", containsString("Honorare zur Hälfte"))
                .body("lines[0].changedBy", equalTo("hn-orga")).body("lines[1].reason", nullValue());
        // Every change is in the history: the three lines as computed, then the committee's two, old → new.
        JsonPath decision = given().auth().oauth2(hn).get("/api/scoring/calls/" + call + "/decision").then()
                .statusCode(200).body("stored", equalTo(true)).extract().jsonPath();
        List<Map<String, Object>> history = decision.getList("history");
        assertEquals(5, history.size(), history.toString());
        assertEquals(Arrays.asList(null, null, null, 3_000_000, 0), history.stream().map(h -> h.get("oldCents")).toList());
        assertEquals(List.of(3_000_000, 1_500_000, 0, 2_500_000, 1_000_000),
                history.stream().map(h -> h.get("newCents")).toList());
        assertEquals(a.toString(), history.get(3).get("submissionId"));
        assertEquals("hn-orga", history.get(3).get("changedBy"));
        assertEquals("Gremium 12.03.: Honorare zur Hälfte, die Sachkosten trägt die Gemeinde", history.get(3).get("reason"));

        // A partial grant for B, explained; then B back to the computed amount needs no reason.
        put(hn, call, Map.of("lines", List.of(line(b, 1_200_000, "Gremium: Fahrtkosten nicht förderfähig"))))
                .statusCode(200).body("lines[1].grantCents", equalTo(1_200_000)).body("totalCents", equalTo(4_700_000));
        put(hn, call, Map.of("lines", List.of(line(b, 1_500_000, null)))).statusCode(200)
                .body("lines[1].grantCents", equalTo(1_500_000)).body("lines[1].deviates", equalTo(false))
                .body("lines[1].reason", nullValue()).body("history", hasSize(7));

        // Refused, naming the line, and nothing stored: an unexplained deviation, above the request, over the budget.
        put(hn, call, Map.of("lines", List.of(line(b, 1_500_000, null), line(a, 2_000_000, null)))).statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("lines[1].reason")));
        // (one cent above the request is above the budget too: both are said of the line)
        put(hn, call, Map.of("lines", List.of(line(b, 1_500_001, "mehr als beantragt")))).statusCode(422)
                .body("errors.field", everyItem(equalTo("lines[0].grantCents")))
                .body("errors.message", hasItem(containsString("15.000,00 € requested")));
        put(hn, call, Map.of("lines", List.of(line(c, 1_000_000, "unverändert"), line(a, 3_000_000, null))))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("lines[1].grantCents")))
                .body("errors[0].message", containsString("above the budget of 50.000,00 €"));
        put(hn, call, Map.of("lines", List.of(line(a, 100, "x"), line(a, 200, "y")))).statusCode(422)
                .body("errors.field", equalTo(List.of("lines[1].submissionId")));
        put(hn, call, Map.of("lines", List.of(line(UUID.randomUUID(), 0, null)))).statusCode(422)
                .body("errors.field", equalTo(List.of("lines[0].submissionId")));
        put(hn, call, Map.of("lines", List.of(Map.of("submissionId", a.toString(), "grantCents", -1)))).statusCode(422)
                .body("errors.field", equalTo(List.of("lines[0].grantCents")));
        put(hn, call, Map.of("lines", List.of(Map.of("submissionId", a.toString())))).statusCode(422)
                .body("errors.field", equalTo(List.of("lines[0].grantCents")));
        put(hn, call, Map.of("lines", List.of())).statusCode(422).body("errors.field", equalTo(List.of("lines")));
        put(hn, call, "{\"lines\": [").statusCode(400);
        given().auth().oauth2(hn).get("/api/scoring/calls/" + call + "/decision").then().statusCode(200)
                .body("lines.grantCents", equalTo(List.of(2_500_000, 1_500_000, 1_000_000))).body("history", hasSize(7));

        // Forbidden callers: another Kreis's organizer, a juror, a municipality, an applicant.
        String lb = kreisOrganizer("lb-orga", "08118");
        for (String token : List.of(lb, TestTokens.juror("gremium-x"), TestTokens.submitter("eppingen", "08125030"),
                TestTokens.token("ak-eppingen", List.of("applicant"), Map.of("municipality_id", "08125030",
                        "organisation", "Asylarbeitskreis Eppingen")))) {
            put(token, call, Map.of("lines", List.of(line(a, 3_000_000, "mehr")))).statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/scoring/calls/" + call + "/decision").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);
        }
        put(hn, UUID.randomUUID(), Map.of("lines", List.of(line(a, 0, null)))).statusCode(404);

        // A FUNDING call publishes the decision, not winners.
        given().auth().oauth2(hn).contentType(ContentType.JSON)
                .body(Map.of("winners", List.of(Map.of("submissionId", a.toString(), "prize", "1. Preis"))))
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(422)
                .body("errors.field", equalTo(List.of("winners")));
        // hn-orga publishes: each entry's grant in the results, winner = funded.
        given().auth().oauth2(hn).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(200)
                .body("revision", equalTo(1)).body("correction", equalTo(false))
                .body("categories[0].entries.submissionId", equalTo(List.of(a.toString(), b.toString(), c.toString())))
                .body("categories[0].entries.grantCents", equalTo(List.of(2_500_000, 1_500_000, 1_000_000)))
                .body("categories[0].entries.winner", equalTo(List.of(true, true, true)));
        given().auth().oauth2(TestTokens.submitter("eppingen", "08125030"))
                .get("/api/scoring/calls/" + call + "/results").then().statusCode(200)
                .body("categories[0].entries[0].grantCents", equalTo(2_500_000));
        JsonNode data = awaitResultsEvent(call).data();
        JsonNode first = data.path("categories").get(0).path("entries").get(0);
        assertEquals(a.toString(), first.path("submissionId").asText());
        assertEquals(2_500_000L, first.path("grantCents").asLong());
        assertEquals(1, data.path("revision").asInt());

        // Final once published: no change, no republication, no correction; reading it still works.
        put(hn, call, Map.of("lines", List.of(line(b, 1_000_000, "zu spät")))).statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(Map.of("correction", true, "reason", "Tippfehler"))
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(409);
        given().auth().oauth2(hn).get("/api/scoring/calls/" + call + "/decision").then().statusCode(200)
                .body("published", equalTo(true)).body("totalCents", equalTo(5_000_000));
    }

    @Test
    void publishingWithoutChangesPublishesTheComputedAllocationAndAnEntryNotFundedGetsZero() {
        UUID call = UUID.randomUUID();
        List<UUID> ids = heilbronnCall(call);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(200)
                .body("categories[0].entries.grantCents", equalTo(List.of(3_000_000, 1_500_000, 0)))
                .body("categories[0].entries.winner", equalTo(List.of(true, true, false)));
        // The decision published is the stored computation, with its history.
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/decision").then().statusCode(200)
                .body("stored", equalTo(true)).body("published", equalTo(true)).body("history", hasSize(3))
                .body("lines.submissionId[0]", equalTo(ids.get(0).toString()));
    }

    @Test
    void theCommitteeDecidesOnlyAFundingCallWithABudgetAfterTheJury() {
        String hn = kreisOrganizer("hn-orga", HEILBRONN);
        UUID jury = UUID.randomUUID();
        fx.publishCall(jury, Phase.JURY, "FUNDING", BUDGET, HEILBRONN);
        UUID entry = fx.submit(jury, JuryFixtures.heilbronnGemeinde("08125030", "Eppingen"), "LANDKREIS", 100_000L,
                Map.of("C10", "YES"), 1, UUID.randomUUID());
        fx.awaitCases(jury, 1);
        fx.awaitPhase(jury, "JURY");
        put(hn, jury, Map.of("lines", List.of(line(entry, 0, null)))).statusCode(409)
                .contentType("application/problem+json");
        UUID competition = UUID.randomUUID();
        fx.publishCall(competition, Phase.CLOSED, "COMPETITION", null, HEILBRONN);
        fx.awaitPhase(competition, "CLOSED");
        given().auth().oauth2(hn).get("/api/scoring/calls/" + competition + "/decision").then().statusCode(409);
        UUID noBudget = UUID.randomUUID();
        fx.publishCall(noBudget, Phase.CLOSED, "FUNDING", null, HEILBRONN);
        fx.awaitPhase(noBudget, "CLOSED");
        given().auth().oauth2(hn).get("/api/scoring/calls/" + noBudget + "/decision").then().statusCode(409);
    }

    private CloudEvent awaitResultsEvent(UUID call) {
        await().atMost(Duration.ofSeconds(10)).until(() -> results(call) != null);
        return results(call);
    }

    private CloudEvent results(UUID call) {
        return connector.sink("outbox").received().stream()
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .filter(e -> e.type().equals(EventTypes.RESULTS_PUBLISHED) && e.subject().equals(call.toString()))
                .findFirst().orElse(null);
    }
}
