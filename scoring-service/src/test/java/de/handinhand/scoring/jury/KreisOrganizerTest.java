package de.handinhand.scoring.jury;

import static de.handinhand.scoring.JuryFixtures.kreisOrganizer;
import static de.handinhand.scoring.JuryFixtures.organizer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
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
 * Kreis-run calls (the Heilbronn model): an organizer whose token carries kreis_id runs the calls of
 * that Kreis — its cases, jury, ranking, allocation and results — and no other call; an organizer
 * without kreis_id keeps running every call.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class KreisOrganizerTest {

    static final String HEILBRONN = "08125";
    static final String LUDWIGSBURG = "08118";

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    @Test
    void aKreisOrganizerRunsTheKreissCallsAndNoOther() {
        String hn = kreisOrganizer("hn-orga", HEILBRONN);
        UUID own = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        fx.publishCall(own, Phase.JURY, "FUNDING", 5_000_000L, HEILBRONN);
        fx.publishCall(other, Phase.JURY, "FUNDING", 5_000_000L, LUDWIGSBURG);
        MunicipalityRef eppingen = JuryFixtures.heilbronnGemeinde("08125030", "Eppingen");
        UUID ownEntry = fx.submit(own, eppingen, "LANDKREIS", 250_000L, Map.of("C10", "YES"), 1, UUID.randomUUID());
        UUID otherEntry = fx.submit(other, JuryFixtures.municipality("BW"), "LANDKREIS", 250_000L, Map.of("C10", "YES"),
                1, UUID.randomUUID());
        fx.awaitCases(own, 1);
        fx.awaitCases(other, 1);
        fx.awaitPhase(own, "JURY");
        fx.awaitPhase(other, "JURY");
        String ownCase = fx.caseId(own, ownEntry);
        String otherCase = fx.caseId(other, otherEntry);

        // The Heilbronn organizer runs the Heilbronn call: cases, jury, criteria, assignments, ranking, allocation.
        given().auth().oauth2(hn).get("/api/scoring/cases?callId=" + own).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].submissionId", equalTo(ownEntry.toString()))
                .body("items[0].sheets", notNullValue());
        given().auth().oauth2(hn).get("/api/scoring/cases/" + ownCase).then().statusCode(200)
                .body("municipalityName", equalTo("Eppingen"));
        given().auth().oauth2(hn).get("/api/scoring/calls/" + own).then().statusCode(200).body("phase", equalTo("JURY"));
        String juror = JuryFixtures.newJuror("gremium");
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(List.of(juror))
                .put("/api/scoring/calls/" + own + "/jurors").then().statusCode(200);
        given().auth().oauth2(hn).get("/api/scoring/calls/" + own + "/jurors").then().statusCode(200)
                .body("items.username", equalTo(List.of(juror)));
        given().auth().oauth2(hn).contentType(ContentType.JSON)
                .body(Map.of("criteria", List.of(Map.of("code", "BEDARFSANALYSE"))))
                .put("/api/scoring/calls/" + own + "/criteria").then().statusCode(200);
        given().auth().oauth2(hn).get("/api/scoring/calls/" + own + "/criteria").then().statusCode(200)
                .body("criteria.code", equalTo(List.of("BEDARFSANALYSE")));
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(Map.of("mode", "MANUAL", "pairs",
                List.of(Map.of("juror", juror, "submissionId", ownEntry.toString()))))
                .post("/api/scoring/calls/" + own + "/assignments").then().statusCode(200);
        given().auth().oauth2(hn).get("/api/scoring/calls/" + own + "/assignments").then().statusCode(200)
                .body("items.juror", equalTo(List.of(juror)));
        given().auth().oauth2(hn).get("/api/scoring/calls/" + own + "/ranking").then().statusCode(200)
                .body("categories[0].entries[0].submissionId", equalTo(ownEntry.toString()));
        given().auth().oauth2(hn).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + own + "/allocation").then().statusCode(200)
                .body("allocation.budgetCents", equalTo(5_000_000));

        // Without callId the list holds only the Kreis's cases; the change feed only the Kreis's calls.
        List<String> listed = given().auth().oauth2(hn).get("/api/scoring/cases?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.submissionId");
        assertTrue(listed.contains(ownEntry.toString()), listed.toString());
        assertTrue(!listed.contains(otherEntry.toString()), listed.toString());
        List<String> calls = given().auth().oauth2(hn).get("/api/scoring/changes?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.callId");
        assertTrue(calls.contains(own.toString()), calls.toString());
        assertTrue(calls.stream().noneMatch(other.toString()::equals), calls.toString());
        given().auth().oauth2(hn).get("/api/scoring/changes?size=200&callId=" + other).then().statusCode(200)
                .body("items.callId", everyItem(equalTo(own.toString())));

        // Another Kreis's call: 403 on every operation on the call, 404 on its case.
        for (String path : List.of("", "/jurors", "/criteria", "/assignments", "/ranking", "/decision")) {
            given().auth().oauth2(hn).get("/api/scoring/calls/" + other + path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(hn).get("/api/scoring/cases?callId=" + other).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(hn).get("/api/scoring/cases/" + otherCase).then().statusCode(404);
        given().auth().oauth2(hn).get("/api/scoring/cases/" + otherCase + "/scores").then().statusCode(404);
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(List.of(juror))
                .put("/api/scoring/calls/" + other + "/jurors").then().statusCode(403);
        given().auth().oauth2(hn).contentType(ContentType.JSON)
                .body(Map.of("criteria", List.of(Map.of("code", "BEDARFSANALYSE"))))
                .put("/api/scoring/calls/" + other + "/criteria").then().statusCode(403);
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 1))
                .post("/api/scoring/calls/" + other + "/assignments").then().statusCode(403);
        given().auth().oauth2(hn).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + other + "/allocation").then().statusCode(403);
        given().auth().oauth2(hn).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + other + "/results").then().statusCode(403);
        given().auth().oauth2(hn).contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("submissionId", otherEntry.toString(), "grantCents", 0))))
                .put("/api/scoring/calls/" + other + "/decision").then().statusCode(403);
        // Nothing of the refused changes happened: the other call still has no jury and the default criteria.
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + other).then().statusCode(200)
                .body("jurors", equalTo(List.of()));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + other + "/criteria").then().statusCode(200)
                .body("defaults", equalTo(true));
        // An unknown call stays 404 for a Kreis organizer too.
        given().auth().oauth2(hn).get("/api/scoring/calls/" + UUID.randomUUID() + "/jurors").then().statusCode(404);

        // A Kreis organizer of Ludwigsburg is refused the Heilbronn call in turn.
        String lb = kreisOrganizer("lb-orga", LUDWIGSBURG);
        given().auth().oauth2(lb).get("/api/scoring/cases?callId=" + own).then().statusCode(403);
        given().auth().oauth2(lb).get("/api/scoring/calls/" + own + "/ranking").then().statusCode(403);
        given().auth().oauth2(lb).get("/api/scoring/cases/" + ownCase).then().statusCode(404);

        // An organizer without kreis_id keeps running every call, a call of no Kreis included.
        UUID global = fx.call(Phase.JURY, "COMPETITION", null);
        fx.submit(global, JuryFixtures.municipality("NW"));
        fx.awaitCases(global, 1);
        for (UUID call : List.of(own, other, global)) {
            given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/ranking").then().statusCode(200);
            given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/jurors").then().statusCode(200);
        }
        List<String> all = given().auth().oauth2(organizer()).get("/api/scoring/cases?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.submissionId");
        assertTrue(all.contains(ownEntry.toString()) && all.contains(otherEntry.toString()), all.toString());
        // ... while the Kreis organizer has no part in a call not run by a Kreis.
        given().auth().oauth2(hn).get("/api/scoring/calls/" + global + "/jurors").then().statusCode(403);
    }

    @Test
    void aCallMovedToAnotherKreisLeavesTheFormerKreissOrganizer() {
        String hn = kreisOrganizer("hn-orga", HEILBRONN);
        UUID call = UUID.randomUUID();
        fx.publishCall(call, Phase.JURY, "COMPETITION", null, HEILBRONN);
        fx.submit(call, JuryFixtures.heilbronnGemeinde("08125030", "Eppingen"));
        fx.awaitCases(call, 1);
        given().auth().oauth2(hn).get("/api/scoring/calls/" + call + "/jurors").then().statusCode(200);
        // The submission service announces the call again, now run by Ludwigsburg.
        fx.publishCall(call, Phase.JURY, "COMPETITION", null, LUDWIGSBURG);
        await().atMost(Duration.ofSeconds(15)).until(() -> given().auth().oauth2(hn)
                .get("/api/scoring/calls/" + call + "/jurors").then().extract().statusCode() == 403);
        given().auth().oauth2(kreisOrganizer("lb-orga", LUDWIGSBURG)).get("/api/scoring/calls/" + call + "/jurors")
                .then().statusCode(200);
    }

    @Test
    void jurorsSubmittersAndPortalsRunNoCall() {
        UUID call = UUID.randomUUID();
        fx.publishCall(call, Phase.JURY, "FUNDING", 5_000_000L, HEILBRONN);
        fx.awaitPhase(call, "JURY");
        for (String token : List.of(TestTokens.juror(JuryFixtures.newJuror("outsider")),
                TestTokens.submitter("eppingen", "08125030"),
                TestTokens.token("ak-eppingen", List.of("applicant"),
                        Map.of("municipality_id", "08125030", "organisation", "Asylarbeitskreis Eppingen")),
                TestTokens.publisher("lra-hn", HEILBRONN), TestTokens.portal())) {
            given().auth().oauth2(token).get("/api/scoring/calls/" + call + "/jurors").then().statusCode(403);
            given().auth().oauth2(token).get("/api/scoring/calls/" + call + "/decision").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);
        }
        given().get("/api/scoring/calls/" + call + "/decision").then().statusCode(401);
    }

    @Test
    void aKreisOrganizerSetsConflictsOfItsOwnJurorsOnlyNotOfJurorsWhoAlsoJudgeOtherCalls() {
        String hn = kreisOrganizer("hn-orga", HEILBRONN);
        UUID own = UUID.randomUUID();
        UUID federal = UUID.randomUUID();
        fx.publishCall(own, Phase.JURY, "FUNDING", 5_000_000L, HEILBRONN);
        fx.publishCall(federal, Phase.JURY, "COMPETITION", 0L, null);
        fx.awaitPhase(own, "JURY");
        fx.awaitPhase(federal, "JURY");
        String ownJuror = JuryFixtures.newJuror("gremium");
        String sharedJuror = JuryFixtures.newJuror("bund");
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(List.of(ownJuror, sharedJuror))
                .put("/api/scoring/calls/" + own + "/jurors").then().statusCode(200);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(List.of(sharedJuror))
                .put("/api/scoring/calls/" + federal + "/jurors").then().statusCode(200);
        Map<String, List<String>> conflicts = Map.of("municipalities", List.of("08125030"), "kreise", List.of(),
                "bundeslaender", List.of());

        // A juror of the Kreis's own calls only: the Kreis organizer declares their conflicts.
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(conflicts)
                .put("/api/scoring/jurors/" + ownJuror + "/conflicts").then().statusCode(200)
                .body("municipalities", equalTo(List.of("08125030")));
        // A juror who also judges a call the Kreis does not run: refused, and nothing changes.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("municipalities", List.of(), "kreise", List.of(), "bundeslaender", List.of("BW")))
                .put("/api/scoring/jurors/" + sharedJuror + "/conflicts").then().statusCode(200);
        given().auth().oauth2(hn).contentType(ContentType.JSON).body(conflicts)
                .put("/api/scoring/jurors/" + sharedJuror + "/conflicts").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(organizer()).get("/api/scoring/jurors/" + sharedJuror + "/conflicts").then()
                .statusCode(200).body("bundeslaender", equalTo(List.of("BW")))
                .body("municipalities", equalTo(List.of()));
        // The organizer of every call still sets them.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(conflicts)
                .put("/api/scoring/jurors/" + sharedJuror + "/conflicts").then().statusCode(200)
                .body("municipalities", equalTo(List.of("08125030")));
    }
}
