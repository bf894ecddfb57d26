package de.handinhand.scoring.ranking;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.score;
import static de.handinhand.scoring.JuryFixtures.sheet;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Withdrawn entries leave the ranking, resubmissions say what was scored, AUTO balances, budgets allocate. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CaseLifecycleRankingTest {

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    void twoCriteria(UUID call) {
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("criteria", List.of(
                Map.of("code", "BEDARFSANALYSE"), Map.of("code", "EVALUATION"))))
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(200);
    }

    @Test
    void withdrawnEntriesLeaveTheRankingTiesShareARankAndResubmissionsAreFlagged() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef mw = JuryFixtures.municipality("BW");
        MunicipalityRef m1 = JuryFixtures.municipality("BW");
        MunicipalityRef m2 = JuryFixtures.municipality("BW");
        UUID withdrawn = fx.submit(call, mw);
        UUID e1 = fx.submit(call, m1);
        UUID e2 = fx.submit(call, m2);
        fx.awaitCases(call, 3);
        fx.awaitPhase(call, "JURY");
        twoCriteria(call);
        String j = JuryFixtures.newJuror("solo");
        fx.jurors(call, j);
        for (UUID e : List.of(withdrawn, e1, e2)) {
            fx.assign(call, j, e);
            score(j, fx.caseId(call, e), sheet(true, "BEDARFSANALYSE", 6, "EVALUATION", 6)).statusCode(200);
        }
        fx.withdraw(call, withdrawn, mw);
        await().atMost(Duration.ofSeconds(10)).until(() -> "WITHDRAWN".equals(fx.cases(call)
                .getString("items.find { it.submissionId == '" + withdrawn + "' }.status")));

        JsonPath ranking = given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/ranking").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = ranking.getList("categories[0].entries");
        assertEquals(Set.of(e1.toString(), e2.toString()), new HashSet<>(entries.stream().map(x -> x.get("submissionId")).toList()));
        // Equal scores: both rank 1.
        assertEquals(List.of(1, 1), entries.stream().map(x -> x.get("rank")).toList());
        // The withdrawn entry's case is kept; it can no longer be scored.
        score(j, fx.caseId(call, withdrawn), sheet(false, "BEDARFSANALYSE", 1)).statusCode(409)
                .body("errors[0].field", equalTo("status"));

        // e1 is resubmitted as version 2: the juror's sheet says it scored version 1 and may score again.
        fx.submit(call, m1, "LANDKREIS", null, Map.of("C10", "YES"), 2, e1);
        String c1 = fx.caseId(call, e1);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(organizer())
                .get("/api/scoring/cases/" + c1 + "/scores").then().extract().<Integer>path("entryVersion") == 2);
        given().auth().oauth2(TestTokens.juror(j)).get("/api/scoring/cases/" + c1 + "/scores").then()
                .body("mine.entryVersion", equalTo(1)).body("mine.outdated", equalTo(true));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/ranking").then()
                .body("categories[0].entries.find { it.submissionId == '" + e1 + "' }.scoredVersions", equalTo(List.of(1)))
                .body("categories[0].entries.find { it.submissionId == '" + e1 + "' }.entryVersion", equalTo(2));
        score(j, c1, sheet(true, "BEDARFSANALYSE", 9, "EVALUATION", 9)).statusCode(200)
                .body("mine.entryVersion", equalTo(2)).body("mine.outdated", equalTo(false));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/ranking").then()
                .body("categories[0].entries[0].submissionId", equalTo(e1.toString()))
                .body("categories[0].entries[0].rank", equalTo(1))
                .body("categories[0].entries[1].rank", equalTo(2));
    }

    @Test
    void autoAssignmentGivesEveryEntryKJurorsWithBalancedLoadsAndStoresTheSeed() {
        UUID call = fx.call(Phase.JURY);
        for (int i = 0; i < 10; i++) {
            fx.submit(call, JuryFixtures.municipality("NI"));
        }
        fx.awaitCases(call, 10);
        String a = JuryFixtures.newJuror("a");
        String b = JuryFixtures.newJuror("b");
        String c = JuryFixtures.newJuror("c");
        String d = JuryFixtures.newJuror("d");
        fx.jurors(call, a, b, c, d);
        JsonPath result = given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                .body("added", hasSize(20)).body("understaffed", hasSize(0)).extract().jsonPath();
        long seed = result.getLong("seed");
        Map<String, Integer> loads = result.getMap("loads");
        assertEquals(Set.of(5), new HashSet<>(loads.values()));
        Map<String, Set<String>> perEntry = new java.util.HashMap<>();
        for (Map<String, Object> p : result.<Map<String, Object>>getList("assignments")) {
            assertTrue(perEntry.computeIfAbsent((String) p.get("submissionId"), k -> new HashSet<>()).add((String) p.get("juror")));
        }
        assertEquals(10, perEntry.size());
        perEntry.values().forEach(js -> assertEquals(2, js.size()));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call).then().statusCode(200)
                .body("assignmentSeed", equalTo(seed)).body("activeEntries", equalTo(10));
        // Running it again adds nothing: every entry has its k jurors.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2, "seed", seed))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200).body("added", hasSize(0));
        // Leaving the jury removes the juror's assignments and reports them.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(List.of(a, b, c))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(200)
                .body("jurors", equalTo(List.of(a, b, c))).body("removedAssignments", hasSize(5));
    }

    @Test
    void aFundingCallAllocatesItsBudgetOverTheRankingLineByLine() {
        UUID call = fx.call(Phase.JURY, "FUNDING", 10_000_000L);
        UUID best = fx.submit(call, JuryFixtures.municipality("RP"), "LANDKREIS", 6_000_000L, Map.of(), 1, UUID.randomUUID());
        UUID second = fx.submit(call, JuryFixtures.municipality("RP"), "LANDKREIS", 5_000_000L, Map.of(), 1, UUID.randomUUID());
        UUID third = fx.submit(call, JuryFixtures.municipality("RP"), "LANDKREIS", 3_000_000L, Map.of(), 1, UUID.randomUUID());
        fx.awaitCases(call, 3);
        fx.awaitPhase(call, "JURY");
        twoCriteria(call);
        String j = JuryFixtures.newJuror("fund");
        fx.jurors(call, j);
        int points = 9;
        for (UUID e : List.of(best, second, third)) {
            fx.assign(call, j, e);
            score(j, fx.caseId(call, e), sheet(true, "BEDARFSANALYSE", points, "EVALUATION", points)).statusCode(200);
            points -= 2;
        }
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("maxPerProjectCents", 5_500_000L))
                .post("/api/scoring/calls/" + call + "/allocation").then().statusCode(200)
                .body("allocation.lines[0].submissionId", equalTo(best.toString()))
                .body("allocation.lines[0].decision", equalTo("CAPPED"))
                .body("allocation.lines[0].awardedCents", equalTo(5_500_000))
                .body("allocation.lines[1].decision", equalTo("SKIPPED_DOES_NOT_FIT"))
                .body("allocation.lines[1].reason", equalTo("rank 2: needs 50.000,00 €, only 45.000,00 € of the budget left"))
                .body("allocation.lines[2].decision", equalTo("FUNDED"))
                .body("allocation.lines[2].awardedCents", equalTo(3_000_000))
                .body("allocation.allocatedCents", equalTo(8_500_000))
                .body("allocation.remainingCents", equalTo(1_500_000));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("minPerProjectCents", -1, "categoryShares", Map.of("NIRGENDWO", 0.5)))
                .post("/api/scoring/calls/" + call + "/allocation").then().statusCode(422)
                .body("errors.field", equalTo(List.of("minPerProjectCents", "categoryShares.NIRGENDWO")));
        UUID competition = fx.call(Phase.JURY);
        fx.submit(competition, JuryFixtures.municipality("RP"));
        fx.awaitCases(competition, 1);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of())
                .post("/api/scoring/calls/" + competition + "/allocation").then().statusCode(409);
    }

    @Test
    void concurrentAssignmentRunsAndSheetSavesNeitherFailNorDuplicate() throws Exception {
        UUID call = fx.call(Phase.JURY);
        for (int i = 0; i < 6; i++) {
            fx.submit(call, JuryFixtures.municipality("TH"));
        }
        fx.awaitCases(call, 6);
        fx.awaitPhase(call, "JURY");
        twoCriteria(call);
        String a = JuryFixtures.newJuror("ca");
        String b = JuryFixtures.newJuror("cb");
        String c = JuryFixtures.newJuror("cc");
        fx.jurors(call, a, b, c);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                        .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2, "seed", 11))
                        .post("/api/scoring/calls/" + call + "/assignments").then().extract().statusCode()));
            }
            for (var run : runs) {
                assertEquals(200, run.get());
            }
            JsonPath all = given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/assignments?size=200")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(12, all.getList("items").size());
            assertEquals(12, all.getInt("total"));
            JsonPath jury = given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/jurors").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(List.of(4, 4, 4), jury.getList("items.assignments", Integer.class));

            String juror = all.getString("items[0].juror");
            String caseId = all.getString("items[0].caseId");
            List<java.util.concurrent.Future<Integer>> saves = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int points = i;
                saves.add(pool.submit(() -> score(juror, caseId, sheet(points % 2 == 0, "BEDARFSANALYSE", points,
                        "EVALUATION", points)).extract().statusCode()));
            }
            for (var save : saves) {
                int status = save.get();
                assertTrue(status == 200 || status == 409, "status " + status);
            }
            given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId + "/scores").then()
                    .statusCode(200).body("mine.scores", hasSize(2));
        } finally {
            pool.shutdownNow();
        }
    }
}
