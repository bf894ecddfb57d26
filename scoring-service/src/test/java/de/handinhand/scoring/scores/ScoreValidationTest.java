package de.handinhand.scoring.scores;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.score;
import static de.handinhand.scoring.JuryFixtures.sheet;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input is a problem+json 4xx naming the field, and leaves nothing stored. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ScoreValidationTest {

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;
    UUID call;
    String juror;
    String caseId;
    UUID entry;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
        call = fx.call(Phase.JURY);
        entry = fx.submit(call, JuryFixtures.municipality("SN"));
        fx.awaitCases(call, 1);
        fx.awaitPhase(call, "JURY");
        juror = JuryFixtures.newJuror("v");
        fx.jurors(call, juror);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("criteria", List.of(
                Map.of("code", "BEDARFSANALYSE"), Map.of("code", "EVALUATION", "scaleMin", 1, "scaleMax", 5))))
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(200);
        fx.assign(call, juror, entry);
        caseId = fx.caseId(call, entry);
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 3)).statusCode(200);
    }

    void unchanged() {
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId + "/scores").then()
                .statusCode(200).body("mine.final", equalTo(false)).body("mine.scores", hasSize(1))
                .body("mine.scores[0].points", equalTo(3));
    }

    @Test
    void pointsOutsideTheScaleUnknownCriteriaAndIncompleteFinalSheetsAre422() {
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 11)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scores[0].points"));
        score(juror, caseId, sheet(false, "EVALUATION", 0)).statusCode(422)
                .body("errors[0].field", equalTo("scores[0].points"))
                .body("errors[0].message", equalTo("must be between 1 and 5"));
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", -1)).statusCode(422);
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 2.555)).statusCode(422)
                .body("errors[0].field", equalTo("scores[0].points"));
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 7, "KREATIVITAET", 4)).statusCode(422)
                .body("errors[0].field", equalTo("scores[1].criterion"));
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 7, "BEDARFSANALYSE", 4)).statusCode(422)
                .body("errors[0].field", equalTo("scores[1].criterion"));
        score(juror, caseId, Map.of("scores", List.of(Map.of("criterion", "EVALUATION", "points", 3,
                "notApplicable", true)))).statusCode(422).body("errors[0].field", equalTo("scores[0].points"));
        score(juror, caseId, sheet(true, "BEDARFSANALYSE", 7)).statusCode(422)
                .body("errors[0].field", equalTo("scores.EVALUATION"));
        score(juror, caseId, Map.of("scores", List.of(Map.of("criterion", "EVALUATION", "points", 3,
                "comment", "x".repeat(4001))))).statusCode(422).body("errors[0].field", equalTo("scores[0].comment"));
        score(juror, caseId, Map.of("final", true)).statusCode(422).body("errors[0].field", equalTo("scores"));
        unchanged();
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        score(juror, caseId, "{\"scores\": [").statusCode(400).contentType("application/problem+json");
        score(juror, caseId, "{\"scores\": [{\"criterion\": \"EVALUATION\", \"points\": \"viel\"}]}").statusCode(400)
                .body("errors[0].field", equalTo("scores[0].points"));
        score(juror, caseId, "{\"scores\": [], \"final\": \"ja\"}").statusCode(400).body("errors[0].field", equalTo("final"));
        score(juror, caseId, "{\"scores\": [], \"bonus\": 3}").statusCode(400).body("errors[0].field", equalTo("bonus"));
        score(juror, caseId, "{\"scores\": [{\"criterion\": \"EVALUATION\\u0000\", \"points\": 2}]}").statusCode(422)
                .body("errors[0].field", equalTo("scores[0].criterion"));
        given().auth().oauth2(TestTokens.juror(juror)).contentType(ContentType.JSON).body("{}")
                .put("/api/scoring/cases/not-a-uuid/scores").then().statusCode(404).contentType("application/problem+json");
        unchanged();
    }

    @Test
    void scoringOutsideTheJuryPhaseIs409NamingThePhase() {
        fx.publishCall(call, Phase.SUBMISSION, "COMPETITION", null);
        fx.awaitPhase(call, "SUBMISSION");
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 5)).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("phase"));
        fx.publishCall(call, Phase.CLOSED, "COMPETITION", null);
        fx.awaitPhase(call, "CLOSED");
        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 5)).statusCode(409).body("errors[0].field", equalTo("phase"));
        unchanged();
    }

    @Test
    void changingCriteriaAfterScoringStartedNeedsConfirmationAndReopensTouchedSheets() {
        score(juror, caseId, sheet(true, "BEDARFSANALYSE", 3, "EVALUATION", "n/a")).statusCode(200)
                .body("mine.final", equalTo(true)).body("mine.total", equalTo(30.0f));
        Map<String, Object> change = Map.of("criteria", List.of(Map.of("code", "BEDARFSANALYSE"),
                Map.of("code", "EVALUATION", "scaleMin", 1, "scaleMax", 5), Map.of("code", "TRANSFER", "weight", 2)));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(change)
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:handinhand:problem:scoring-started"));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/criteria").then().statusCode(200)
                .body("criteria", hasSize(2)).body("scoringStarted", equalTo(true));
        Map<String, Object> confirmed = new java.util.HashMap<>(change);
        confirmed.put("confirm", true);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(confirmed)
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(200)
                .body("criteria.code", equalTo(List.of("BEDARFSANALYSE", "EVALUATION", "TRANSFER")))
                .body("reopenedSheets", equalTo(1));
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId + "/scores").then()
                .statusCode(200).body("mine.final", equalTo(false)).body("mine.scores.criterion",
                        hasItems("BEDARFSANALYSE", "EVALUATION"));
        // Bad criteria are 422 with every field named.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("confirm", true, "criteria", List.of(
                Map.of("code", "lower", "weight", 0), Map.of("code", "NEU", "scaleMin", 5, "scaleMax", 5))))
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(422)
                .body("errors.field", hasItems("criteria[0].code", "criteria[0].weight", "criteria[1].label",
                        "criteria[1].scaleMax"));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/criteria").then()
                .body("criteria", hasSize(3));
    }

    @Test
    void badPagingOfEveryListIsA400NamingTheParameter() {
        Map<String, String> lists = Map.of(
                "/api/scoring/cases?callId=" + call + "&", TestTokens.juror(juror),
                "/api/scoring/cases?", organizer(),
                "/api/scoring/calls/" + call + "/jurors?", organizer(),
                "/api/scoring/calls/" + call + "/assignments?", organizer());
        lists.forEach((list, token) -> {
            for (String size : List.of("201", "0", "viele")) {
                given().auth().oauth2(token).get(list + "size=" + size).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
            }
            for (String page : List.of("-1", "eins")) {
                given().auth().oauth2(token).get(list + "page=" + page).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
            }
        });
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/assignments?submissionId=nope").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("submissionId"));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + UUID.randomUUID() + "/jurors").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + UUID.randomUUID() + "/assignments").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badJuryAndAssignmentInputIsRefusedNamingTheField() {
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(List.of("ok", "ok", "bad name!"))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(422)
                .body("errors.field", equalTo(List.of("[1]", "[2]")));
        // Fields the request's constraints refuse are listed sorted by field (common-web's mapping).
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("municipalities", List.of("abc"), "bundeslaender", List.of("XX")))
                .put("/api/scoring/jurors/" + juror + "/conflicts").then().statusCode(422)
                .body("errors.field", equalTo(List.of("bundeslaender[0]", "municipalities[0]")));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 9))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(422)
                .body("errors[0].field", equalTo("jurorsPerSubmission"));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("mode", "SOMETIMES"))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(400)
                .body("errors[0].field", equalTo("mode"));
        String second = JuryFixtures.newJuror("second");
        fx.jurors(call, juror, second);
        // One valid pair among invalid ones: all or nothing, the valid one is not stored either.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("mode", "MANUAL", "pairs", List.of(
                Map.of("juror", second, "submissionId", entry.toString()),
                Map.of("juror", juror, "submissionId", UUID.randomUUID().toString()),
                Map.of("juror", "nobody", "submissionId", UUID.randomUUID().toString()))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(422)
                .body("errors.field", equalTo(List.of("pairs[1].submissionId", "pairs[2].juror", "pairs[2].submissionId")));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call).then().statusCode(200)
                .body("assignmentSeed", nullValue());
        given().auth().oauth2(organizer()).get("/api/scoring/changes?since=bm9wZQ").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("winnersPerCategory", -1))
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(422)
                .body("errors[0].field", equalTo("winnersPerCategory"));
    }
}
