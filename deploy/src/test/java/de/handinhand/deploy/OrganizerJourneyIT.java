package de.handinhand.deploy;

import static de.handinhand.deploy.Gateway.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.EntryFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An organizer's job (user {@code orga}), as two journeys of their own: running a competition
 * from the call to the published results, and bringing paper entries of both form families in
 * through their text exports, then correcting one. Each journey makes its own calls.
 */
@ExtendWith(LocalStackExtension.class)
class OrganizerJourneyIT {

    static final String ME = Steps.ORGANIZER;

    final Gateway gateway;
    final Steps steps;

    OrganizerJourneyIT(Gateway gateway, Steps steps) {
        this.gateway = gateway;
        this.steps = steps;
    }

    /** Call, jury, automatic assignment, closing both phases, publishing the results. */
    @Nested
    @Journey
    class RunsACompetition {

        static final List<String> JURY = List.of("juror1", "juror2", "juror3");
        String title;
        String call;
        /** By municipality: the entry that wins, the one in the middle, the last one. */
        String winner;
        String middle;
        String last;

        @BeforeAll
        void name() {
            title = "Journey Wettbewerb " + Steps.uniqueWord("");
        }

        @Test
        @Order(1)
        void opensACall() {
            Instant now = Instant.now();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("kind", "COMPETITION");
            body.put("formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND");
            body.put("opensAt", now.minus(Duration.ofHours(1)).toString());
            body.put("deadline", now.plus(Duration.ofDays(14)).toString());
            body.put("juryEndsAt", now.plus(Duration.ofDays(42)).toString());
            body.put("categories", Steps.CATEGORIES);
            Response created = gateway.as(ME).contentType(ContentType.JSON).body(body).post("/api/calls");
            created.then().statusCode(201).body("phase", equalTo("OPEN")).body("title", equalTo(title))
                    .body("kind", equalTo("COMPETITION"));
            call = created.path("id");

            gateway.anonymous().queryParam("size", 200).get("/api/calls").then().statusCode(200)
                    .body("items.find { it.id == '" + call + "' }.phase", equalTo("OPEN"));
            gateway.anonymous().get("/api/calls/" + call + "/form").then().statusCode(200)
                    .body("template", equalTo("ZUSAMMENLEBEN_HAND_IN_HAND"));
            // The jury's service hears of it through handinhand.call.published.
            steps.awaitScoringPhase(call, "SUBMISSION");
            gateway.as(ME).get("/api/scoring/calls/" + call).then().body("title", equalTo(title))
                    .body("activeEntries", equalTo(0));
        }

        @Test
        @Order(2)
        void putsTogetherTheJury() {
            gateway.as(ME).contentType(ContentType.JSON).body(JURY).put("/api/scoring/calls/" + call + "/jurors")
                    .then().statusCode(200);
            JsonPath jurors = gateway.as(ME).get("/api/scoring/calls/" + call + "/jurors").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(JURY, jurors.getList("items.username"));
            assertEquals(List.of(0, 0, 0), jurors.getList("items.assignments"));
            gateway.as(ME).get("/api/scoring/calls/" + call + "/criteria").then().statusCode(200)
                    .body("criteria.code", equalTo(Steps.CRITERIA));
        }

        @Test
        @Order(3)
        void receivesTheEntries() {
            winner = steps.submitted("heilbronn", call, "Heilbronn: Gemeinsam in Vielfalt", "Integrationsworkshops");
            middle = steps.submitted("recklinghausen", call, "Recklinghausen: Kreisweite Strategie", "Klimakonferenz");
            last = steps.submitted("dachau", call, "Dachau: Integration mit Augenmaß", "Tag der Regionen");

            JsonPath entries = gateway.as(ME).queryParam("callId", call).get("/api/submissions").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(Set.of(winner, middle, last), Set.copyOf(entries.getList("items.id")));
            assertEquals(List.of("SUBMITTED", "SUBMITTED", "SUBMITTED"), entries.getList("items.status"));
            JsonPath cases = gateway.as(ME).queryParam("callId", call).get("/api/scoring/cases").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(Set.of(winner, middle, last), Set.copyOf(cases.getList("items.submissionId")));
            assertEquals(List.of(0, 0, 0), cases.getList("items.sheets.jurors"));
        }

        @Test
        @Order(4)
        void assignsTwoJurorsToEveryEntryAutomatically() {
            JsonPath run = gateway.as(ME).contentType(ContentType.JSON)
                    .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2, "seed", 7))
                    .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                    .body("seed", equalTo(7)).body("understaffed", equalTo(List.of()))
                    .extract().jsonPath();
            assertEquals(6, run.getList("added").size());
            assertEquals(Map.of("juror1", 2, "juror2", 2, "juror3", 2), run.getMap("loads"));
            Map<String, Set<String>> jurorsOf = new HashMap<>();
            for (Map<String, Object> pair : run.<Map<String, Object>>getList("assignments")) {
                jurorsOf.computeIfAbsent((String) pair.get("submissionId"), k -> new HashSet<>())
                        .add((String) pair.get("juror"));
            }
            assertEquals(Set.of(winner, middle, last), jurorsOf.keySet());
            jurorsOf.values().forEach(jurors -> assertEquals(2, jurors.size(), jurorsOf.toString()));

            // The pairs in force, as the organizer lists them, per juror too.
            JsonPath listed = gateway.as(ME).queryParam("size", 200).get("/api/scoring/calls/" + call + "/assignments")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(6, listed.getInt("total"));
            for (String juror : JURY) {
                Set<String> expected = new HashSet<>();
                jurorsOf.forEach((entry, jurors) -> {
                    if (jurors.contains(juror)) {
                        expected.add(entry);
                    }
                });
                assertEquals(expected, Set.copyOf(steps.assignedTo(call, juror)), juror);
            }
            gateway.as(ME).get("/api/scoring/calls/" + call + "/jurors").then()
                    .body("items.assignments", equalTo(List.of(2, 2, 2)));
            // Running it again keeps what is there: nothing added.
            gateway.as(ME).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2, "seed", 7))
                    .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                    .body("added", equalTo(List.of()));
        }

        @Test
        @Order(5)
        void closesTheSubmissionPhaseAndTheJuryScores() {
            Instant now = Instant.now();
            assertEquals("JURY", steps.moveDates(call, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(28)))
                    .getString("phase"));
            gateway.anonymous().get("/api/calls/" + call).then().body("phase", equalTo("JURY"));
            steps.awaitScoringPhase(call, "JURY");

            // Each juror has two of the three entries: the winner gets 9 everywhere, the middle 5, the last 3.
            Map<String, Integer> points = Map.of(winner, 9, middle, 5, last, 3);
            for (String juror : JURY) {
                for (String entry : steps.assignedTo(call, juror)) {
                    steps.finalSheet(juror, steps.caseOf(call, entry).get("id").toString(), points.get(entry));
                }
            }
            JsonPath cases = gateway.as(ME).queryParam("callId", call).get("/api/scoring/cases").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of(2, 2, 2), cases.getList("items.sheets.final"));

            JsonPath ranking = gateway.as(ME).get("/api/scoring/calls/" + call + "/ranking").then().statusCode(200)
                    .extract().jsonPath();
            String landkreise = "categories.find { it.category == 'LANDKREIS' }.entries";
            assertEquals(List.of(winner, middle, last), ranking.getList(landkreise + ".submissionId"));
            assertEquals(List.of(1, 2, 3), ranking.getList(landkreise + ".rank"));
            assertEquals(List.of(1.0f, 0.0f, -1.0f), ranking.getList(landkreise + ".normalized"));
        }

        @Test
        @Order(6)
        void closesTheJuryPhase() {
            Instant now = Instant.now();
            assertEquals("CLOSED", steps.moveDates(call, now.minus(Duration.ofMinutes(2)),
                    now.minus(Duration.ofMinutes(1))).getString("phase"));
            steps.awaitScoringPhase(call, "CLOSED");
        }

        @Test
        @Order(7)
        void publishesTheResults() {
            JsonPath published = gateway.as(ME).contentType(ContentType.JSON).body(Map.of("winnersPerCategory", 1))
                    .post("/api/scoring/calls/" + call + "/results").then().statusCode(200).extract().jsonPath();
            String landkreise = "categories.find { it.category == 'LANDKREIS' }.entries";
            assertEquals(List.of(winner, middle, last), published.getList(landkreise + ".submissionId"));
            assertEquals(List.of(true, false, false), published.getList(landkreise + ".winner"));
            assertEquals(List.of(1, 2, 3), published.getList(landkreise + ".rank"));

            // Every signed-in caller reads them now, a municipality too.
            gateway.as("dachau").get("/api/scoring/calls/" + call + "/results").then().statusCode(200)
                    .body(landkreise + ".winner", equalTo(List.of(true, false, false)));
            gateway.as(ME).get("/api/scoring/calls/" + call).then().body("resultsPublishedAt", notNullValue());

            // The catalogue marks the winner's good-practice offer as awarded, and only that one.
            Map<String, Object> awarded = eventually("the winner's offer marked as awarded",
                    () -> steps.derivedProposal("hn-office", winner),
                    o -> o != null && Boolean.TRUE.equals(o.get("awardWinner")));
            assertEquals("Integrationsworkshops", ((Map<?, ?>) awarded.get("title")).get("de"));
            assertEquals(false, steps.awaitDerivedProposal("re-office", middle).get("awardWinner"));
        }

        @Test
        @Order(8)
        void whatIsDecidedStaysDecidedAndOthersMayNotRunCalls() {
            gateway.as(ME).contentType(ContentType.JSON).body(Map.of("winnersPerCategory", 2))
                    .post("/api/scoring/calls/" + call + "/results").then().statusCode(409)
                    .contentType("application/problem+json");
            gateway.as(ME).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 3))
                    .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(409);
            String juror = steps.assignedTo(call, "juror1").contains(last) ? "juror1" : "juror2";
            gateway.as(juror).contentType(ContentType.JSON).body(Steps.sheet(10, false))
                    .put("/api/scoring/cases/" + steps.caseOf(call, last).get("id") + "/scores").then().statusCode(409);
            gateway.as("heidenheim").contentType(ContentType.JSON).body(Steps.entry(call, "Zu spät", "x"))
                    .post("/api/submissions").then().statusCode(409);

            // Only organizers run calls.
            Map<String, Object> body = Map.of("title", "Fremde Ausschreibung", "kind", "COMPETITION",
                    "formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND", "opensAt", Instant.now().toString(),
                    "deadline", Instant.now().plus(Duration.ofDays(1)).toString(),
                    "juryEndsAt", Instant.now().plus(Duration.ofDays(2)).toString(), "categories", Steps.CATEGORIES);
            gateway.anonymous().contentType(ContentType.JSON).body(body).post("/api/calls").then().statusCode(401);
            for (String other : List.of("heilbronn", "re-office", "juror1")) {
                gateway.as(other).contentType(ContentType.JSON).body(body).post("/api/calls").then().statusCode(403)
                        .contentType("application/problem+json");
                gateway.as(other).contentType(ContentType.JSON).body(JURY).put("/api/scoring/calls/" + call + "/jurors")
                        .then().statusCode(403);
            }
            gateway.as("heilbronn").contentType(ContentType.JSON).body(Map.of())
                    .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);

            // A call whose deadline comes before it opens: 422 naming the field, and no call is stored.
            Map<String, Object> backwards = new HashMap<>(body);
            backwards.put("title", "Rückwärts " + title);
            backwards.put("deadline", Instant.now().minus(Duration.ofDays(1)).toString());
            gateway.as(ME).contentType(ContentType.JSON).body(backwards).post("/api/calls").then().statusCode(422)
                    .contentType("application/problem+json").body("errors.field", hasItem("deadline"));
            gateway.anonymous().queryParam("size", 200).get("/api/calls").then()
                    .body("items.title", not(hasItem("Rückwärts " + title)));
        }
    }

    /**
     * Paper entries: a competition entry whose export names its town only in the narrative, and a
     * Kommunaler-Flüchtlingsdialog report; then the organizer corrects the imported competition entry.
     * The towns are made up and registered first, so the import finds them in the registry.
     */
    @Nested
    @Journey
    class ImportsPaperEntries {

        static final String TOWN = "06636950";
        static final String KREIS = "08199";
        String competition;
        String report;
        String entry;
        /** When the import said the entry was submitted. */
        String importedAt;

        @BeforeAll
        void opensACallOfEachFamily() {
            String word = Steps.uniqueWord("");
            competition = steps.openCall("Journey Import Wettbewerb " + word);
            report = steps.openCall("Journey Import Dialog " + word, "DIALOG_REPORT", "FLUECHTLINGSDIALOG");
        }

        @Test
        @Order(1)
        void registersTheMunicipalities() {
            Map<String, Object> town = Map.of("id", TOWN, "name", "Lindenfelde", "type", "STADT", "bundesland", "HE",
                    "kreisId", "06636", "population", 24_600);
            Map<String, Object> landkreis = Map.of("id", KREIS, "name", "Landkreis Ahornwald", "type", "LANDKREIS",
                    "bundesland", "BW", "kreisId", KREIS, "population", 127_400);
            for (Map<String, Object> municipality : List.of(town, landkreis)) {
                gateway.as(ME).contentType(ContentType.JSON).body(municipality).post("/api/municipalities").then()
                        .statusCode(201).body("id", equalTo(municipality.get("id")));
                gateway.anonymous().get("/api/municipalities/" + municipality.get("id")).then().statusCode(200)
                        .body("name", equalTo(municipality.get("name")));
            }
        }

        @Test
        @Order(2)
        void importsACompetitionEntryThatNamesItsTownOnlyInTheNarrative() {
            Response imported = importText(competition, "legacy/wettbewerb-lindenfelde.txt");
            imported.then().statusCode(201)
                    .body("municipalityId", equalTo(TOWN)).body("municipalityName", equalTo("Lindenfelde"))
                    .body("category", equalTo("STADT_GROSS"))
                    .body("status", equalTo("SUBMITTED")).body("version", equalTo(1)).body("imported", equalTo(true))
                    .body("title", equalTo("Wettbewerbsbeitrag Lindenfelde"))
                    .body("summary", containsString("offenen Fahrradwerkstatt"))
                    .body("description", containsString("im Sozialausschuss der Stadt Lindenfelde eingerichtet"))
                    .body("projects.size()", equalTo(2))
                    .body("projects[0].answers.D15", containsString("Jeden Samstagvormittag"))
                    .body("projects[1].answers.D15", containsString("45 Patinnen und Paten"))
                    // Values the import made up rather than read are marked as such.
                    .body("derived", hasItems("title", "projects[0].answers.D10", "projects[1].answers.D10"));
            entry = imported.path("id");
            importedAt = imported.path("submittedAt");
            List<String> unplaced = imported.path("unplaced");
            for (String placed : List.of("Sozialausschuss", "Fahrradwerkstatt", "Patinnen")) {
                assertTrue(unplaced.stream().noneMatch(line -> line.contains(placed)), placed + " unplaced: " + unplaced);
            }

            Map<String, Object> jury = steps.awaitCase(competition, entry, 1);
            assertEquals(true, jury.get("imported"));
            assertEquals(TOWN, jury.get("municipalityId"));
            gateway.as(ME).get("/api/scoring/cases/" + jury.get("id")).then().statusCode(200)
                    .body("unplaced", equalTo(unplaced));
        }

        @Test
        @Order(3)
        void importsAFluechtlingsdialogReport() {
            Response imported = importText(report, "legacy/fluechtlingsdialog-ahornwald.txt");
            imported.then().statusCode(201)
                    .body("municipalityId", equalTo(KREIS)).body("imported", equalTo(true))
                    .body("status", equalTo("SUBMITTED"))
                    .body("answers.F11", equalTo(127_400))
                    .body("answers.F14", containsString("Petra Lindner"))
                    .body("answers.F16", equalTo("07391 / 44-210"))
                    .body("answers.F17", equalTo("p.lindner@ahornwald.example"))
                    .body("answers.F21", equalTo("2017-03-04"))
                    .body("answers.F50", hasItems("SPRACHE", "BILDUNG", "BESCHAEFTIGUNG", "WOHNEN"))
                    .body("answers.F61", equalTo(86))
                    .body("answers.F90", equalTo(460_050));
            List<String> unplaced = imported.path("unplaced");
            for (String placed : List.of("Petra Lindner", "07391", "p.lindner@", "04.03.2017", "Sprache und Bildung",
                    "Arbeit und Ausbildung", "3,120,00", "1,480,50", "4,600,50")) {
                assertTrue(unplaced.stream().noneMatch(line -> line.contains(placed)), placed + " unplaced: " + unplaced);
            }
            // The costs by kind, as the report lists them.
            Map<String, Object> answers = imported.path("answers");
            assertTrue(answers.containsValue(312_000), "Beratung und Moderation 3.120,00 € in " + answers);
            assertTrue(answers.containsValue(148_050), "Sachmittel 1.480,50 € in " + answers);
            steps.awaitCase(report, imported.path("id"), 1);
        }

        @Test
        @Order(4)
        void correctsTheImportedEntry() {
            // The paper form was Bad Sooden-Allendorf's: the organizer moves it there, fills in the
            // questionnaire the export lost and gives it its title.
            Map<String, Object> correction = new HashMap<>(EntryFixtures.entry(competition,
                    "Runder Tisch Integration", List.of(EntryFixtures.project("Offene Fahrradwerkstatt", "Jeden Samstag"),
                            EntryFixtures.project("Patenschaften für Familien", "45 Patinnen und Paten"))));
            correction.put("municipalityId", "06636001");
            gateway.as(ME).contentType(ContentType.JSON).body(correction).put("/api/submissions/" + entry).then()
                    .statusCode(200).body("version", equalTo(2)).body("status", equalTo("SUBMITTED"))
                    .body("municipalityId", equalTo("06636001")).body("category", equalTo("GEMEINDE_KLEIN"))
                    .body("title", equalTo("Runder Tisch Integration")).body("answers.C10", equalTo("YES"));

            // Both versions keep the import's submission; the second says who corrected it.
            String submittedAt = gateway.as(ME).get("/api/submissions/" + entry).then().extract().path("submittedAt");
            JsonPath versions = gateway.as(ME).get("/api/submissions/" + entry + "/versions").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of(1, 2), versions.getList("items.version"));
            assertEquals(List.of(ME, ME), versions.getList("items.submittedBy"));
            assertEquals(List.of(submittedAt, submittedAt), versions.getList("items.submittedAt"));
            assertEquals(Instant.parse(importedAt).truncatedTo(ChronoUnit.MILLIS),
                    Instant.parse(submittedAt).truncatedTo(ChronoUnit.MILLIS));
            assertEquals(java.util.Arrays.asList(null, ME), versions.getList("items.correctedBy"));
            gateway.as(ME).get("/api/submissions/" + entry + "/versions/2").then()
                    .body("correctedAt", notNullValue()).body("snapshot.title", equalTo("Runder Tisch Integration"));
            gateway.as(ME).get("/api/submissions/" + entry + "/versions/1").then()
                    .body("correctedAt", nullValue()).body("snapshot.title", equalTo("Wettbewerbsbeitrag Lindenfelde"));

            // The corrected version reaches the jury as a resubmission.
            Map<String, Object> jury = steps.awaitCase(competition, entry, 2);
            assertEquals("06636001", jury.get("municipalityId"));
            assertEquals("Runder Tisch Integration", jury.get("title"));
            assertEquals("GEMEINDE_KLEIN", jury.get("category"));
            assertEquals(true, jury.get("imported"));
        }

        @Test
        @Order(5)
        void importsAndCorrectionsThatMustNotHappen() {
            String text = fixture("legacy/fluechtlingsdialog-ahornwald.txt");
            gateway.as("heilbronn").contentType("text/plain; charset=UTF-8").queryParam("callId", report).body(text)
                    .post("/api/imports/legacy").then().statusCode(403).contentType("application/problem+json");
            gateway.anonymous().contentType("text/plain; charset=UTF-8").queryParam("callId", report).body(text)
                    .post("/api/imports/legacy").then().statusCode(401);
            // The report's Landkreis already has its entry in that call; the competition takes no report.
            importText(report, "legacy/fluechtlingsdialog-ahornwald.txt").then().statusCode(409);
            importText(competition, "legacy/fluechtlingsdialog-ahornwald.txt").then().statusCode(422)
                    .contentType("application/problem+json");

            // A correction must pass the form; an unregistered municipality is refused; nothing is stored.
            Map<String, Object> incomplete = new HashMap<>(EntryFixtures.entry(competition, "Unvollständig"));
            Map<String, Object> answers = new HashMap<>(EntryFixtures.answers());
            answers.remove("C10");
            incomplete.put("answers", answers);
            gateway.as(ME).contentType(ContentType.JSON).body(incomplete).put("/api/submissions/" + entry).then()
                    .statusCode(422).body("errors.field", hasItem("answers.C10"));
            Map<String, Object> nowhere = new HashMap<>(EntryFixtures.entry(competition, "Nirgendwo"));
            nowhere.put("municipalityId", "06636999");
            gateway.as(ME).contentType(ContentType.JSON).body(nowhere).put("/api/submissions/" + entry).then()
                    .statusCode(422).body("errors.field", hasItem("municipalityId"));
            gateway.as(ME).get("/api/submissions/" + entry).then().body("version", equalTo(2))
                    .body("title", equalTo("Runder Tisch Integration"));

            // A municipality's own entry is its own: the organizer does not edit it, and the
            // municipality does not move it.
            String own = steps.draft("dachau", competition, "Dachau: eigener Beitrag", "Eigenes Projekt");
            steps.submit("dachau", own);
            gateway.as(ME).contentType(ContentType.JSON).body(EntryFixtures.entry(competition, "Umgeschrieben"))
                    .put("/api/submissions/" + own).then().statusCode(403);
            gateway.as("dachau").post("/api/submissions/" + own + "/reopen").then().statusCode(200);
            Map<String, Object> moved = new HashMap<>(EntryFixtures.entry(competition, "Umgezogen"));
            moved.put("municipalityId", "08125");
            gateway.as("dachau").contentType(ContentType.JSON).body(moved).put("/api/submissions/" + own).then()
                    .statusCode(400).body("errors[0].field", equalTo("municipalityId"));
        }

        @Test
        @Order(6)
        void whatTheImportAnsweredIsWhatIsStored() {
            // The import's answer is all the organizer has of the entry at first: its instants must be
            // the stored ones, not a finer clock reading the database then rounds.
            gateway.as(ME).get("/api/submissions/" + entry).then().statusCode(200)
                    .body("submittedAt", equalTo(importedAt));
        }

        private Response importText(String call, String resource) {
            return gateway.as(ME).contentType("text/plain; charset=UTF-8").queryParam("callId", call)
                    .body(fixture(resource)).post("/api/imports/legacy");
        }
    }

    static String fixture(String resource) {
        try (InputStream in = OrganizerJourneyIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
