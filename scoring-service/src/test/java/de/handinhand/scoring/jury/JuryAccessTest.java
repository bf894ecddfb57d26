package de.handinhand.scoring.jury;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.score;
import static de.handinhand.scoring.JuryFixtures.sheet;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every forbidden caller of the jury's endpoints is refused; conflicts hold also when declared late. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class JuryAccessTest {

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    static final Map<String, Object> FULL = sheet(true, "BEDARFSANALYSE", 5, "ZIELE_KONZEPT", 5, "VERNETZUNG", 5,
            "BETEILIGUNG", 5, "NACHHALTIGKEIT", 5, "VERANKERUNG", 5, "GENDER_DIVERSITY", 5, "TRANSFER", 5, "EVALUATION", 5);

    @Test
    void onlyTheAssignedUnconflictedJurorReadsAndScoresAnEntry() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef bavarian = JuryFixtures.municipality("BY");
        UUID entry = fx.submit(call, bavarian);
        fx.awaitCases(call, 1);
        fx.awaitPhase(call, "JURY");
        String assigned = JuryFixtures.newJuror("assigned");
        String other = JuryFixtures.newJuror("other");
        String conflicted = JuryFixtures.newJuror("conflicted");
        fx.jurors(call, assigned, conflicted);
        fx.assign(call, assigned, entry);
        String caseId = fx.caseId(call, entry);

        // A conflict declared before assignment: the juror cannot be assigned.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("municipalities", List.of(), "kreise", List.of(), "bundeslaender", List.of("BY")))
                .put("/api/scoring/jurors/" + conflicted + "/conflicts").then().statusCode(200)
                .body("bundeslaender", equalTo(List.of("BY"))).body("removedAssignments", hasSize(0));
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "MANUAL", "pairs", List.of(Map.of("juror", conflicted, "submissionId", entry.toString()))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("pairs[0]"));
        // AUTO never picks the conflicted juror either.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2, "seed", 5))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                .body("assignments.juror", not(hasItem(conflicted)))
                .body("understaffed", equalTo(List.of(entry.toString())));

        for (String juror : List.of(other, conflicted)) {
            // Unassigned or conflicted: the case does not exist for them.
            given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases?callId=" + call).then()
                    .statusCode(200).body("total", equalTo(0));
            given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId + "/scores").then()
                    .statusCode(404);
            score(juror, caseId, FULL).statusCode(404).contentType("application/problem+json");
        }
        // A conflict declared after the assignment removes it and says so.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("municipalities", List.of(bavarian.id())))
                .put("/api/scoring/jurors/" + assigned + "/conflicts").then().statusCode(200)
                .body("removedAssignments", hasSize(1))
                .body("removedAssignments[0].submissionId", equalTo(entry.toString()))
                .body("removedAssignments[0].reason", equalTo("conflict of interest"));
        given().auth().oauth2(TestTokens.juror(assigned)).get("/api/scoring/cases/" + caseId).then().statusCode(404);
        score(assigned, caseId, FULL).statusCode(404);
        given().auth().oauth2(TestTokens.juror(assigned)).get("/api/scoring/calls/" + call + "/ranking").then()
                .statusCode(200).body("categories[0].entries", hasSize(0));
    }

    @Test
    void submittersPublishersPortalsAndAnonymousCallersAreRefusedEverywhere() {
        UUID call = fx.call(Phase.JURY);
        UUID entry = fx.submit(call, JuryFixtures.municipality("HE"));
        fx.awaitCases(call, 1);
        String caseId = fx.caseId(call, entry);
        String outsider = JuryFixtures.newJuror("outsider");
        List<Object[]> endpoints = List.of(
                new Object[] {Method.GET, "/api/scoring/cases/" + caseId + "/scores", null},
                new Object[] {Method.PUT, "/api/scoring/cases/" + caseId + "/scores", FULL},
                new Object[] {Method.GET, "/api/scoring/calls/" + call, null},
                new Object[] {Method.GET, "/api/scoring/calls/" + call + "/criteria", null},
                new Object[] {Method.PUT, "/api/scoring/calls/" + call + "/criteria",
                        Map.of("criteria", List.of(Map.of("code", "EVALUATION")))},
                new Object[] {Method.GET, "/api/scoring/calls/" + call + "/jurors", null},
                new Object[] {Method.PUT, "/api/scoring/calls/" + call + "/jurors", List.of("juror1")},
                new Object[] {Method.PUT, "/api/scoring/jurors/juror1/conflicts", Map.of("kreise", List.of("08125"))},
                new Object[] {Method.GET, "/api/scoring/jurors/juror1/conflicts", null},
                new Object[] {Method.GET, "/api/scoring/calls/" + call + "/assignments", null},
                new Object[] {Method.POST, "/api/scoring/calls/" + call + "/assignments",
                        Map.of("mode", "AUTO", "jurorsPerSubmission", 1)},
                new Object[] {Method.GET, "/api/scoring/calls/" + call + "/ranking", null},
                new Object[] {Method.POST, "/api/scoring/calls/" + call + "/allocation", Map.of()},
                new Object[] {Method.POST, "/api/scoring/calls/" + call + "/results", Map.of()},
                new Object[] {Method.GET, "/api/scoring/changes", null});
        List<String> tokens = List.of(TestTokens.submitter("heilbronn", "08125"), TestTokens.publisher("re-office", "05562"),
                TestTokens.portal());
        for (Object[] e : endpoints) {
            for (String token : tokens) {
                var request = given().auth().oauth2(token).contentType(ContentType.JSON);
                if (e[2] != null) {
                    request.body(e[2]);
                }
                request.request((Method) e[0], (String) e[1]).then().statusCode(403)
                        .contentType("application/problem+json");
            }
            var anonymous = given().contentType(ContentType.JSON);
            if (e[2] != null) {
                anonymous.body(e[2]);
            }
            anonymous.request((Method) e[0], (String) e[1]).then().statusCode(401).contentType("application/problem+json");
        }
        // A juror is no organizer: no jury set-up, no publication, no allocation; a juror off this jury reads no ranking.
        for (Object[] e : endpoints.subList(4, 11)) {
            var request = given().auth().oauth2(TestTokens.juror(outsider)).contentType(ContentType.JSON);
            if (e[2] != null) {
                request.body(e[2]);
            }
            request.request((Method) e[0], (String) e[1]).then().statusCode(403);
        }
        given().auth().oauth2(TestTokens.juror(outsider)).get("/api/scoring/calls/" + call + "/ranking").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.juror(outsider)).get("/api/scoring/calls/" + call).then().statusCode(403);
        given().auth().oauth2(TestTokens.juror(outsider)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);
        given().auth().oauth2(TestTokens.juror(outsider)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/scoring/calls/" + call + "/allocation").then().statusCode(403);
        // The organizer manages but does not score.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(FULL)
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(403);
        // Unknown calls and cases are 404s.
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + UUID.randomUUID() + "/ranking").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(organizer()).get("/api/scoring/cases/" + UUID.randomUUID() + "/scores").then().statusCode(404);
    }
}
