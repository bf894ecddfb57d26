package de.handinhand.scoring.cases;

import static de.handinhand.scoring.JuryFixtures.assignedTo;
import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.ownCases;
import static de.handinhand.scoring.JuryFixtures.score;
import static de.handinhand.scoring.JuryFixtures.sheet;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A juror's own case list, the jury tool's way to find its work: exactly the assigned, unconflicted
 * cases (the ones GET /cases/{id} opens), paged and filtered in the database, each with the state of
 * the juror's own sheet.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class JurorCaseListTest {

    static final Map<String, Object> FULL = sheet(true, "BEDARFSANALYSE", 5, "ZIELE_KONZEPT", 5, "VERNETZUNG", 5,
            "BETEILIGUNG", 5, "NACHHALTIGKEIT", 5, "VERANKERUNG", 5, "GENDER_DIVERSITY", 5, "TRANSFER", 5, "EVALUATION", 5);

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    @Test
    void afterAutoAssignmentEveryJurorsListIsExactlyTheirAssignments() {
        UUID call = fx.call(Phase.JURY);
        for (int i = 0; i < 7; i++) {
            fx.submit(call, JuryFixtures.municipality("NI"));
        }
        fx.awaitCases(call, 7);
        List<String> jurors = List.of(JuryFixtures.newJuror("la"), JuryFixtures.newJuror("lb"),
                JuryFixtures.newJuror("lc"), JuryFixtures.newJuror("ld"));
        fx.jurors(call, jurors.toArray(String[]::new));
        JsonPath run = fx.auto(call, 2, 42);
        assertEquals(14, run.getList("added").size());

        Set<String> everyPair = new HashSet<>();
        for (String juror : jurors) {
            Set<String> fromRun = new HashSet<>(run.<String>getList("assignments.findAll { it.juror == '" + juror
                    + "' }.submissionId"));
            Set<String> fromList = assignedTo(juror, call);
            JsonPath own = ownCases(juror, call, 0, 200);
            List<String> listed = own.getList("items.submissionId", String.class);
            assertFalse(listed.isEmpty(), juror + " has work");
            assertEquals(fromRun, new HashSet<>(listed), juror + ": own list = the assignment run's pairs");
            assertEquals(fromList, new HashSet<>(listed), juror + ": own list = the organizer's assignment list");
            assertEquals(listed.size(), new HashSet<>(listed).size(), "no case twice");
            assertEquals(listed.size(), own.getInt("total"));
            // Without callId: the same (these jurors sit on this call only).
            assertEquals(new HashSet<>(listed), new HashSet<>(ownCases(juror, null, 0, 200)
                    .getList("items.submissionId", String.class)));
            // Every listed case opens, and shows the juror no sheet yet.
            for (String caseId : own.getList("items.id", String.class)) {
                given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId).then()
                        .statusCode(200).body("sheet", equalTo("NONE")).body("$", not(hasKey("sheets")));
            }
            assertEquals(List.of("NONE"), own.getList("items.sheet", String.class).stream().distinct().toList());
            listed.forEach(s -> everyPair.add(juror + "/" + s));
        }
        assertEquals(14, everyPair.size());

        // Somebody not on the jury, and a juror of the jury with nothing assigned, see nothing.
        String outsider = JuryFixtures.newJuror("lo");
        assertEquals(0, ownCases(outsider, call, 0, 20).getInt("total"));
        assertEquals(0, ownCases(outsider, null, 0, 20).getList("items").size());
        String idle = JuryFixtures.newJuror("li");
        List<String> withIdle = new ArrayList<>(jurors);
        withIdle.add(idle);
        fx.jurors(call, withIdle.toArray(String[]::new));
        JsonPath none = ownCases(idle, call, 0, 20);
        assertEquals(0, none.getInt("total"));
        assertEquals(List.of(), none.getList("items"));
    }

    @Test
    void aLongListPagesWithoutGapsOrDuplicates() {
        UUID call = fx.call(Phase.JURY);
        List<UUID> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(fx.submit(call, JuryFixtures.municipality("SH")));
        }
        UUID notMine = fx.submit(call, JuryFixtures.municipality("SH"));
        fx.awaitCases(call, 8);
        String juror = JuryFixtures.newJuror("pg");
        String other = JuryFixtures.newJuror("pgo");
        fx.jurors(call, juror, other);
        entries.forEach(e -> fx.assign(call, juror, e));
        fx.assign(call, other, notMine);

        List<String> whole = ownCases(juror, call, 0, 200).getList("items.submissionId", String.class);
        assertEquals(7, whole.size());
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath p = ownCases(juror, call, page, 3);
            assertEquals(7, p.getInt("total"));
            assertEquals(page, p.getInt("page"));
            assertEquals(3, p.getInt("size"));
            assertEquals(page < 2 ? 3 : 1, p.getList("items").size());
            paged.addAll(p.getList("items.submissionId", String.class));
        }
        assertEquals(whole, paged, "the pages, in order, are the whole list");
        assertEquals(entries.stream().map(UUID::toString).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(paged));
        JsonPath beyond = ownCases(juror, call, 3, 3);
        assertEquals(7, beyond.getInt("total"));
        assertEquals(List.of(), beyond.getList("items"));
    }

    @Test
    void callIdNarrowsTheListToOneCall() {
        UUID first = fx.call(Phase.JURY);
        UUID second = fx.call(Phase.JURY);
        List<UUID> inFirst = List.of(fx.submit(first, JuryFixtures.municipality("BB")),
                fx.submit(first, JuryFixtures.municipality("BB")));
        List<UUID> inSecond = List.of(fx.submit(second, JuryFixtures.municipality("BB")),
                fx.submit(second, JuryFixtures.municipality("BB")), fx.submit(second, JuryFixtures.municipality("BB")));
        fx.awaitCases(first, 2);
        fx.awaitCases(second, 3);
        String juror = JuryFixtures.newJuror("two");
        fx.jurors(first, juror);
        fx.jurors(second, juror);
        inFirst.forEach(e -> fx.assign(first, juror, e));
        inSecond.forEach(e -> fx.assign(second, juror, e));

        assertEquals(ids(inFirst), new HashSet<>(ownCases(juror, first, 0, 20).getList("items.submissionId", String.class)));
        assertEquals(2, ownCases(juror, first, 0, 20).getInt("total"));
        assertEquals(ids(inSecond), new HashSet<>(ownCases(juror, second, 0, 20).getList("items.submissionId", String.class)));
        assertEquals(3, ownCases(juror, second, 0, 20).getInt("total"));
        assertEquals(List.of(first.toString()), ownCases(juror, first, 0, 20).getList("items.callId", String.class)
                .stream().distinct().toList());
        Set<String> both = new HashSet<>(ids(inFirst));
        both.addAll(ids(inSecond));
        JsonPath all = ownCases(juror, null, 0, 20);
        assertEquals(both, new HashSet<>(all.getList("items.submissionId", String.class)));
        assertEquals(5, all.getInt("total"));
        assertEquals(0, ownCases(juror, UUID.randomUUID(), 0, 20).getInt("total"));
    }

    @Test
    void eachCaseShowsTheJurorsOwnSheetFromNoneToDraftToFinalToOutdated() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef m = JuryFixtures.municipality("SL");
        MunicipalityRef m2 = JuryFixtures.municipality("SL");
        UUID entry = fx.submit(call, m);
        UUID drafted = fx.submit(call, m2);
        fx.awaitCases(call, 2);
        fx.awaitPhase(call, "JURY");
        String juror = JuryFixtures.newJuror("st");
        String colleague = JuryFixtures.newJuror("stc");
        fx.jurors(call, juror, colleague);
        for (UUID e : List.of(entry, drafted)) {
            fx.assign(call, juror, e);
            fx.assign(call, colleague, e);
        }
        String caseId = fx.caseId(call, entry);
        String draftedId = fx.caseId(call, drafted);

        assertEquals(Map.of(entry.toString(), "NONE", drafted.toString(), "NONE"), states(juror, call));
        progress(caseId, 2, 2, 0, 0, 0);

        score(juror, caseId, sheet(false, "BEDARFSANALYSE", 5)).statusCode(200);
        score(juror, draftedId, sheet(false, "BEDARFSANALYSE", 3)).statusCode(200);
        assertEquals(Map.of(entry.toString(), "DRAFT", drafted.toString(), "DRAFT"), states(juror, call));
        // Only the caller's own sheet counts for them: the colleague still has none.
        assertEquals(Map.of(entry.toString(), "NONE", drafted.toString(), "NONE"), states(colleague, call));
        progress(caseId, 2, 1, 1, 0, 0);

        score(juror, caseId, FULL).statusCode(200);
        assertEquals(Map.of(entry.toString(), "FINAL", drafted.toString(), "DRAFT"), states(juror, call));
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId).then().statusCode(200)
                .body("sheet", equalTo("FINAL"));
        progress(caseId, 2, 1, 0, 1, 0);

        // Both entries are resubmitted: the final sheet and the draft both scored an older version now.
        fx.resubmit(call, m, entry, 2);
        fx.resubmit(call, m2, drafted, 2);
        await().atMost(Duration.ofSeconds(15)).until(() -> states(juror, call).values().stream().allMatch("OUTDATED"::equals));
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + caseId).then().statusCode(200)
                .body("version", equalTo(2)).body("sheet", equalTo("OUTDATED"));
        progress(caseId, 2, 1, 0, 0, 1);

        // Scoring the new version makes the sheet current again.
        score(juror, caseId, FULL).statusCode(200);
        assertEquals("FINAL", states(juror, call).get(entry.toString()));
        progress(caseId, 2, 1, 0, 1, 0);
    }

    @Test
    void aConflictDeclaredLaterTakesTheCaseOffTheList() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef hessian = JuryFixtures.municipality("HE");
        UUID kept = fx.submit(call, JuryFixtures.municipality("ST"));
        UUID lost = fx.submit(call, hessian);
        fx.awaitCases(call, 2);
        String juror = JuryFixtures.newJuror("cf");
        fx.jurors(call, juror);
        fx.assign(call, juror, kept);
        fx.assign(call, juror, lost);
        assertEquals(ids(List.of(kept, lost)), new HashSet<>(ownCases(juror, call, 0, 20).getList("items.submissionId",
                String.class)));

        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("kreise", List.of(hessian.kreisId())))
                .put("/api/scoring/jurors/" + juror + "/conflicts").then().statusCode(200)
                .body("removedAssignments.submissionId", equalTo(List.of(lost.toString())));
        JsonPath after = ownCases(juror, call, 0, 20);
        assertEquals(List.of(kept.toString()), after.getList("items.submissionId", String.class));
        assertEquals(1, after.getInt("total"));
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + fx.caseId(call, kept)).then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + fx.caseId(call, lost)).then()
                .statusCode(404);
        // Assigning it again is refused: the list stays as it is.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "MANUAL", "pairs", List.of(Map.of("juror", juror, "submissionId", lost.toString()))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(422);
        assertEquals(1, ownCases(juror, call, 0, 20).getInt("total"));
    }

    @Test
    void organizersSeeEveryCaseWithTheirJurorsProgressAndNoOwnSheet() {
        UUID call = fx.call(Phase.JURY);
        UUID entry = fx.submit(call, JuryFixtures.municipality("MV"));
        fx.submit(call, JuryFixtures.municipality("MV"));
        fx.awaitCases(call, 2);
        String juror = JuryFixtures.newJuror("og");
        fx.jurors(call, juror);
        fx.assign(call, juror, entry);
        JsonPath all = fx.cases(call);
        assertEquals(2, all.getInt("total"));
        Map<String, Object> assigned = all.getMap("items.find { it.submissionId == '" + entry + "' }");
        assertFalse(assigned.containsKey("sheet"));
        assertEquals(Map.of("jurors", 1, "none", 1, "draft", 0, "final", 0, "outdated", 0), assigned.get("sheets"));
        Map<String, Object> unassigned = all.getMap("items.find { it.submissionId != '" + entry + "' }");
        assertEquals(0, ((Map<?, ?>) unassigned.get("sheets")).get("jurors"));
        // A juror's list items carry their own state and nothing about the others.
        Map<String, Object> mine = ownCases(juror, call, 0, 20).getMap("items[0]");
        assertEquals("NONE", mine.get("sheet"));
        assertTrue(!mine.containsKey("sheets"));
    }

    private Map<String, String> states(String juror, UUID call) {
        JsonPath page = ownCases(juror, call, 0, 200);
        Map<String, String> states = new HashMap<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            states.put((String) item.get("submissionId"), (String) item.get("sheet"));
        }
        return states;
    }

    private static void progress(String caseId, int jurors, int none, int draft, int fin, int outdated) {
        given().auth().oauth2(organizer()).get("/api/scoring/cases/" + caseId).then().statusCode(200)
                .body("$", not(hasKey("sheet")))
                .body("sheets", equalTo(Map.of("jurors", jurors, "none", none, "draft", draft, "final", fin,
                        "outdated", outdated)));
    }

    private static Set<String> ids(List<UUID> ids) {
        Set<String> set = new HashSet<>();
        ids.forEach(id -> set.add(id.toString()));
        return set;
    }
}
