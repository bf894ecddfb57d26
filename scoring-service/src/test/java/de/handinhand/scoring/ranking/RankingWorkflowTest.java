package de.handinhand.scoring.ranking;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.score;
import static de.handinhand.scoring.JuryFixtures.sheet;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's worked example end to end: three jurors, three entries, two jurors each; the harsh
 * juror's entry B ranks first by the normalised score although A has the higher mean.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class RankingWorkflowTest {

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    @Test
    void theReadmeExampleThroughTheApi() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef ma = JuryFixtures.municipality("BW");
        MunicipalityRef mb = JuryFixtures.municipality("BY");
        MunicipalityRef mc = JuryFixtures.municipality("NW");
        UUID a = fx.submit(call, ma, "LANDKREIS", null, Map.of("C10", "YES", "C12", "YES", "C36", "PLANNED"), 1,
                UUID.randomUUID());
        UUID b = fx.submit(call, mb);
        UUID c = fx.submit(call, mc);
        fx.awaitCases(call, 3);
        fx.awaitPhase(call, "JURY");
        String j1 = JuryFixtures.newJuror("lenient");
        String j2 = JuryFixtures.newJuror("harsh");
        String j3 = JuryFixtures.newJuror("third");
        fx.jurors(call, j1, j2, j3);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("criteria", List.of(
                Map.of("code", "BEDARFSANALYSE", "weight", 2), Map.of("code", "ZIELE_KONZEPT"),
                Map.of("code", "EVALUATION", "scaleMin", 0, "scaleMax", 10)), "disagreementSpread", 25))
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(200)
                .body("criteria", hasSize(3)).body("criteria[0].weight", equalTo(2.0f)).body("defaults", equalTo(false));
        fx.assign(call, j1, a);
        fx.assign(call, j3, a);
        fx.assign(call, j2, b);
        fx.assign(call, j3, b);
        fx.assign(call, j1, c);
        fx.assign(call, j2, c);
        String ca = fx.caseId(call, a);
        String cb = fx.caseId(call, b);
        String cc = fx.caseId(call, c);

        // juror1 saves a draft first: nobody else's scores are visible to them yet.
        score(j1, ca, Map.of("scores", List.of(Map.of("criterion", "BEDARFSANALYSE", "points", 9,
                "comment", "=HYPERLINK(\"http://evil\")")), "final", false)).statusCode(200)
                .body("mine.final", equalTo(false)).body("othersVisible", equalTo(false)).body("sheets", nullValue());
        score(j3, ca, sheet(true, "BEDARFSANALYSE", 6, "ZIELE_KONZEPT", 8, "EVALUATION", 8)).statusCode(200)
                .body("mine.total", equalTo(70.0f)).body("othersVisible", equalTo(true));
        // j1 still has no final sheet: j3's scores stay hidden from j1.
        given().auth().oauth2(TestTokens.juror(j1)).get("/api/scoring/cases/" + ca + "/scores").then().statusCode(200)
                .body("othersVisible", equalTo(false)).body("sheets", nullValue()).body("result", nullValue())
                .body("mine.scores[0].comment", equalTo("=HYPERLINK(\"http://evil\")"))
                .body("precheck.met", equalTo(2)).body("precheck.partial", equalTo(1));
        // Nor does j1's ranking show the entries j1 has not finalised, nor B, which is not j1's at all;
        // j3's shows A, which j3 finalised.
        given().auth().oauth2(TestTokens.juror(j1)).get("/api/scoring/calls/" + call + "/ranking").then()
                .statusCode(200).body("categories.entries.flatten()", hasSize(0));
        given().auth().oauth2(TestTokens.juror(j3)).get("/api/scoring/calls/" + call + "/ranking").then()
                .statusCode(200).body("categories[0].entries.submissionId", hasItem(a.toString()))
                .body("categories[0].entries.submissionId", not(hasItem(b.toString())));
        Map<String, Object> j1a = Map.of("scores", List.of(
                Map.of("criterion", "BEDARFSANALYSE", "points", 9, "comment", "=HYPERLINK(\"http://evil\")"),
                Map.of("criterion", "ZIELE_KONZEPT", "points", 9),
                Map.of("criterion", "EVALUATION", "notApplicable", true)), "final", true);
        score(j1, ca, j1a).statusCode(200).body("mine.total", equalTo(90.0f)).body("othersVisible", equalTo(true))
                .body("sheets", hasSize(2));
        score(j1, cc, sheet(true, "BEDARFSANALYSE", 7, "ZIELE_KONZEPT", 7, "EVALUATION", 7)).statusCode(200);
        score(j2, cb, sheet(true, "BEDARFSANALYSE", 6, "ZIELE_KONZEPT", 6, "EVALUATION", 6)).statusCode(200);
        score(j2, cc, sheet(true, "BEDARFSANALYSE", 4, "ZIELE_KONZEPT", 4, "EVALUATION", 4)).statusCode(200);
        score(j3, cb, sheet(true, "BEDARFSANALYSE", 8, "ZIELE_KONZEPT", 8, "EVALUATION", 8)).statusCode(200);
        // A final sheet is locked.
        score(j1, ca, j1a).statusCode(409).contentType("application/problem+json").body("errors[0].field", equalTo("final"));

        JsonPath ranking = given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/ranking").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("normalized", ranking.getString("rankedBy"));
        assertEquals("LANDKREIS", ranking.getString("categories[0].category"));
        List<Map<String, Object>> entries = ranking.getList("categories[0].entries");
        assertEquals(List.of(b.toString(), a.toString(), c.toString()), entries.stream().map(e -> e.get("submissionId")).toList());
        assertEquals(List.of(1, 2, 3), entries.stream().map(e -> e.get("rank")).toList());
        assertEquals(List.of(70.0f, 80.0f, 55.0f), entries.stream().map(e -> e.get("mean")).toList());
        assertEquals(List.of(1.0f, 0.0f, -1.0f), entries.stream().map(e -> e.get("normalized")).toList());
        assertEquals(List.of(20.0f, 20.0f, 30.0f), entries.stream().map(e -> e.get("spread")).toList());
        assertEquals(List.of(false, false, true), entries.stream().map(e -> e.get("disagreement")).toList());
        assertEquals(List.of(2, 2, 2), entries.stream().map(e -> e.get("jurorCount")).toList());
        assertEquals(ma.id(), entries.get(1).get("municipalityId"));
        assertEquals(2, ranking.getList("categories[0].entries[0].jurors").size());
        // The score sheet of B: both sheets for the organizer, and the entry's result beside the pre-check.
        given().auth().oauth2(organizer()).get("/api/scoring/cases/" + cb + "/scores").then().statusCode(200)
                .body("sheets.juror", equalTo(List.of(j2, j3))).body("sheets.total", equalTo(List.of(60.0f, 80.0f)))
                .body("result.rank", equalTo(1)).body("result.normalized", equalTo(1.0f))
                .body("result.median", equalTo(70.0f)).body("precheck.total", equalTo(7));

        // The organizer's CSV: same rows, each juror's points and comments, formulas neutralised.
        String csv = given().auth().oauth2(organizer()).accept("text/csv").get("/api/scoring/calls/" + call + "/ranking")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("category,rank,submissionId,municipalityId"));
        assertTrue(lines[0].contains(j1 + ":BEDARFSANALYSE:comment"), lines[0]);
        assertTrue(lines[1].startsWith("LANDKREIS,1," + b + "," + mb.id()), lines[1]);
        assertTrue(lines[2].contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), lines[2]);
        assertTrue(lines[2].contains(",n/a,"), lines[2]);
        // A juror's CSV has no juror columns.
        String jurorCsv = given().auth().oauth2(TestTokens.juror(j2)).accept("text/csv")
                .get("/api/scoring/calls/" + call + "/ranking").then().statusCode(200).extract().asString();
        assertTrue(!jurorCsv.contains(j1 + ":") && !jurorCsv.contains("HYPERLINK"), jurorCsv);

        // Not yet over: publishing is refused. Then the jury phase ends and the organizer publishes.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.portal()).get("/api/scoring/calls/" + call + "/ranking").then().statusCode(403);
        fx.publishCall(call, Phase.CLOSED, "COMPETITION", null);
        fx.awaitPhase(call, "CLOSED");
        given().auth().oauth2(TestTokens.juror(j1)).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("winnersPerCategory", 1))
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(200)
                .body("categories[0].entries[0].submissionId", equalTo(b.toString()))
                .body("categories[0].entries[0].winner", equalTo(true))
                .body("categories[0].entries[1].winner", equalTo(false));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(409);

        CloudEvent event = awaitResultsEvent(call);
        JsonNode data = event.data();
        assertEquals(call.toString(), event.subject());
        assertEquals(call.toString(), data.path("callId").asText());
        JsonNode first = data.path("categories").get(0).path("entries").get(0);
        assertEquals(b.toString(), first.path("submissionId").asText());
        assertEquals(mb.id(), first.path("municipalityId").asText());
        assertEquals(1, first.path("rank").asInt());
        assertTrue(first.path("winner").asBoolean());

        // Published: every signed-in caller reads the ranking and the results; scoring is over.
        given().auth().oauth2(TestTokens.portal()).get("/api/scoring/calls/" + call + "/ranking").then().statusCode(200)
                .body("published", equalTo(true)).body("categories[0].entries[0].jurors", nullValue());
        given().auth().oauth2(TestTokens.submitter("heilbronn", "08125")).get("/api/scoring/calls/" + call + "/results")
                .then().statusCode(200).body("categories[0].entries[0].winner", equalTo(true));
        given().get("/api/scoring/calls/" + call + "/ranking").then().statusCode(401);

        // The change feed tells a jury tool what happened, page by page.
        JsonPath feed = given().auth().oauth2(organizer()).get("/api/scoring/changes?size=200&callId=" + call).then()
                .statusCode(200).extract().jsonPath();
        List<String> kinds = feed.getList("items.kind");
        assertTrue(kinds.containsAll(List.of("CASE_UPDATED", "ASSIGNMENT_ADDED", "SHEET_SAVED", "SHEET_FINALISED",
                "CRITERIA_CHANGED", "RESULTS_PUBLISHED")), kinds.toString());
        String next = feed.getString("next");
        given().auth().oauth2(organizer()).get("/api/scoring/changes?callId=" + call + "&since=" + next).then()
                .statusCode(200).body("items", hasSize(0)).body("next", equalTo(next));
        JsonPath page1 = given().auth().oauth2(organizer()).get("/api/scoring/changes?size=2&callId=" + call).then()
                .statusCode(200).body("items", hasSize(2)).body("hasMore", equalTo(true)).extract().jsonPath();
        given().auth().oauth2(organizer()).get("/api/scoring/changes?size=2&callId=" + call + "&since="
                + page1.getString("next")).then().statusCode(200)
                .body("items[0].kind", equalTo(kinds.get(2))).body("next", not(equalTo(page1.getString("next"))));
        // A juror's feed: own entries only, other jurors' names left out.
        List<Map<String, Object>> mine = given().auth().oauth2(TestTokens.juror(j2))
                .get("/api/scoring/changes?size=200&callId=" + call).then().statusCode(200).extract().jsonPath()
                .getList("items");
        assertTrue(mine.stream().allMatch(i -> i.get("caseId") == null || i.get("caseId").equals(cb)
                || i.get("caseId").equals(cc)), mine.toString());
        assertTrue(mine.stream().noneMatch(i -> j1.equals(i.get("juror")) || j3.equals(i.get("juror"))), mine.toString());
        // Nor when and how often the other jurors of j2's entries saved: j2 sees only own sheet changes.
        long ownSheetChanges = mine.stream().filter(i -> String.valueOf(i.get("kind")).startsWith("SHEET_")).count();
        assertTrue(ownSheetChanges > 0 && mine.stream().filter(i -> String.valueOf(i.get("kind")).startsWith("SHEET_"))
                .allMatch(i -> j2.equals(i.get("juror"))), mine.toString());

        // The jury of a published call is final: removing a juror would change the published ranking.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(List.of(j1, j2))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(409)
                .contentType("application/problem+json");
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
