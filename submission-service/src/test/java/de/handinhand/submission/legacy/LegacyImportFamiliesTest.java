package de.handinhand.submission.legacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import de.handinhand.submission.legacy.parse.DialogReportParserTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/imports/legacy on both form families in the layouts of real exports: the
 * municipality found in the text when no contact block names it, the report's fields typed,
 * derived values marked, and the refusals (a true tie, an unknown town) storing nothing. The
 * towns and people are invented; they are registered here like any organizer would.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LegacyImportFamiliesTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = LegacyImportFamiliesTest.class.getResourceAsStream("/legacy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void registerTheInventedMunicipalities() {
        register("06997", "Landkreis Weidenstein", "LANDKREIS", "HE", 98_765);
        register("06997001", "Lindenbrunn", "STADT", "HE", 24_500);
        register("06997002", "Kleinmoorbach", "GEMEINDE", "HE", 3_100);
        register("09997", "Landkreis Hohenried", "LANDKREIS", "BY", 120_000);
        register("09997001", "Stadt Hohenried", "STADT", "BY", 21_400);
    }

    private static void register(String id, String name, String type, String land, int population) {
        Map<String, Object> body = Map.of("id", id, "name", name, "type", type, "bundesland", land,
                "kreisId", id.substring(0, 5), "population", population);
        int status = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/municipalities").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("registering " + name + ": " + status);
        }
    }

    static String reportCall(String title) {
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call(title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        body.put("kind", "DIALOG_REPORT");
        body.put("formTemplate", "FLUECHTLINGSDIALOG");
        return given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/calls").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse importText(String call, String text) {
        return given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8").body(text)
                .queryParam("callId", call).post("/api/imports/legacy").then();
    }

    @Test
    void aCompetitionExportWithoutContactBlockIsTheTownItsNarrativeSpeaksFor() throws IOException {
        String call = Fixtures.openCall("Import ohne Kontaktblock");
        String id = importText(call, fixture("wettbewerb-lindenbrunn-ohne-kontakt.txt"))
                .statusCode(201)
                .body("municipalityId", equalTo("06997001"))
                .body("municipalityName", equalTo("Lindenbrunn"))
                .body("category", equalTo("STADT_GROSS"))
                .body("title", equalTo("Wettbewerbsbeitrag Lindenbrunn"))
                .body("summary", containsString("Unsere Stadt hat seit 2015"))
                .body("projects.answers.D10", contains("Nachbarschaftscafé Mitte",
                        "Ehrenamtliche Patinnen und Paten begleiten Familien …"))
                .body("derived", contains("projects[0].answers.D10", "projects[1].answers.D10", "title"))
                .body("unplaced.size()", equalTo(0))
                .extract().path("id");
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions/" + id).then().statusCode(200)
                .body("derived", contains("projects[0].answers.D10", "projects[1].answers.D10", "title"));
    }

    @Test
    void aKreisThatSpeaksIsTheEntrantThoughItNamesItsTownsMoreOften() throws IOException {
        importText(Fixtures.openCall("Import Kreis spricht"), fixture("wettbewerb-landkreis-weidenstein.txt"))
                .statusCode(201)
                .body("municipalityId", equalTo("06997"))
                .body("category", equalTo("LANDKREIS"))
                .body("title", equalTo("Gemeinsam im Kreis: Integration in Stadt und Land"))
                .body("answers.C10", equalTo("YES"))
                .body("projects[0].answers.D10", equalTo("Fahrdienst zu den Sprachkursen"))
                .body("derived.size()", equalTo(0))
                .body("unplaced.size()", equalTo(0));
    }

    @Test
    void aReportInItsRealLayoutBecomesATypedEntry() throws IOException {
        String call = reportCall("Dialog-Import realer Aufbau");
        JsonPath entry = importText(call, fixture("fluechtlingsdialog-landkreis-weidenstein.txt"))
                .statusCode(201)
                .body("municipalityId", equalTo("06997"))
                .body("formTemplate", equalTo("FLUECHTLINGSDIALOG"))
                .body("title", equalTo("Kommunaler Flüchtlingsdialog Landkreis Weidenstein am 04.03.2017"))
                .body("description", allOf(containsString("fünf Thementischen"), not(containsString("Bitte beschreiben"))))
                .body("derived", contains("answers.F90", "title"))
                .body("unplaced.size()", equalTo(0))
                .extract().jsonPath();
        Map<String, Object> answers = entry.getMap("answers");
        Map<String, Object> expected = new HashMap<>();
        DialogReportParserTest.weidensteinAnswers()
                .forEach((k, v) -> expected.put(k, v instanceof Long n && n <= Integer.MAX_VALUE ? n.intValue() : v));
        expected.put("F10", "Landkreis Weidenstein");
        assertEquals(expected, answers, "every field typed, nothing else");
    }

    @Test
    void reportsOfATownBesideItsNamesakeKreisAndOfAGemeindeWithoutNameLine() throws IOException {
        String call = reportCall("Dialog-Import Varianten");
        importText(call, fixture("fluechtlingsdialog-stadt-hohenried.txt"))
                .statusCode(201)
                .body("municipalityId", equalTo("09997001"))
                .body("title", equalTo("Hohenrieder Dialogtag „Gut ankommen“"))
                .body("answers.F16", equalTo("09876 / 54 32-1"))
                .body("answers.F50", contains("WOHNEN", "SOZIALE_INFRASTRUKTUR", "BILDUNG", "SPORT", "GESUNDHEIT"))
                .body("answers.F93", equalTo(45_000))
                .body("answers.F97", equalTo("NO"))
                .body("derived.size()", equalTo(0))
                .body("unplaced.size()", equalTo(0));
        importText(call, fixture("fluechtlingsdialog-gemeinde-kleinmoorbach.txt"))
                .statusCode(201)
                .body("municipalityId", equalTo("06997002"))
                .body("category", equalTo("GEMEINDE_KLEIN"))
                .body("title", equalTo("Kommunaler Flüchtlingsdialog Kleinmoorbach am 12.05.2017"))
                .body("answers.F14", equalTo("Frau Dr. Petra Probst"))
                .body("answers.F25", equalTo("18:00"))
                .body("answers.F70", equalTo("Mit beidem sehr zufrieden, es war ein herzlicher Abend."))
                .body("answers.F90", equalTo(21_550))
                .body("derived", contains("answers.F90", "title"))
                .body("unplaced.size()", equalTo(0));
    }

    @Test
    void aTrueTieIsRefusedNamingTheCandidatesAndStoresNothing() throws IOException {
        String call = Fixtures.openCall("Import Gleichstand");
        importText(call, fixture("wettbewerb-gleichstand.txt"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("municipality-ambiguous"))
                .body("detail", allOf(containsString("Lindenbrunn (06997001"), containsString("Kleinmoorbach (06997002")))
                .body("errors[0].field", equalTo("municipalityId"))
                .body("errors[0].message", allOf(containsString("Lindenbrunn (06997001"),
                        containsString("Kleinmoorbach (06997002"), containsString("pass municipalityId")));
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + call).then()
                .body("total", equalTo(0));
        // The organizer decides: with the key given, the same text imports.
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8")
                .body(fixture("wettbewerb-gleichstand.txt")).queryParam("callId", call)
                .queryParam("municipalityId", "06997002").post("/api/imports/legacy").then().statusCode(201)
                .body("municipalityId", equalTo("06997002"));
    }

    @Test
    void anUnknownTownIsRefusedNamingWhatTheTextCallsItAndStoresNothing() throws IOException {
        String call = Fixtures.openCall("Import unbekannte Stadt");
        importText(call, fixture("wettbewerb-wolkenheim.txt"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipalityId"))
                .body("errors[0].message", allOf(containsString("no registered municipality"),
                        containsString("Stadt Wolkenheim")));
        String report = reportCall("Dialog-Import unbekannt");
        importText(report, fixture("fluechtlingsdialog-landkreis-weidenstein.txt")
                .replace("Landkreis Weidenstein-> ", "Landkreis Nebelberg-> "))
                .statusCode(422)
                .body("errors[0].field", equalTo("municipalityId"))
                .body("errors[0].message", allOf(startsWith("'Landkreis Nebelberg' is not in the registry"),
                        containsString("Landkreis Weidenstein (06997)")));
        for (String c : List.of(call, report)) {
            given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + c).then()
                    .body("total", equalTo(0));
        }
    }

    @Test
    void aDerivedMarkGoesWhenSomeoneChangesTheValue() throws IOException {
        String call = Fixtures.openCall("Import, dann korrigiert");
        String id = importText(call, fixture("wettbewerb-lindenbrunn-ohne-kontakt.txt")).statusCode(201)
                .extract().path("id");
        String lindenbrunn = TestTokens.submitter("lindenbrunn", "06997001");
        given().auth().oauth2(lindenbrunn).post("/api/submissions/" + id + "/reopen").then().statusCode(200);
        JsonPath entry = given().auth().oauth2(lindenbrunn).get("/api/submissions/" + id).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> projects = entry.getList("projects");
        Map<String, Object> first = new LinkedHashMap<>(projects.get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> firstAnswers = new LinkedHashMap<>((Map<String, Object>) first.get("answers"));
        firstAnswers.put("D10", "Café Mitte");
        first.put("answers", firstAnswers);
        Map<String, Object> body = new HashMap<>();
        body.put("title", entry.getString("title"));
        body.put("summary", entry.getString("summary"));
        body.put("description", entry.getString("description"));
        body.put("projects", List.of(first, projects.get(1)));
        given().auth().oauth2(lindenbrunn).contentType(ContentType.JSON).body(body).put("/api/submissions/" + id)
                .then().statusCode(200)
                .body("projects[0].answers.D10", equalTo("Café Mitte"))
                .body("derived", contains("projects[1].answers.D10", "title"));
        body.put("title", "Lindenbrunn hält zusammen");
        given().auth().oauth2(lindenbrunn).contentType(ContentType.JSON).body(body).put("/api/submissions/" + id)
                .then().statusCode(200)
                .body("derived", contains("projects[1].answers.D10"));
    }

    @Test
    void theReportFormServesTheTypedQuestionsAndAssessmentNeedsOneOfItsAnswers() {
        String call = reportCall("Dialog-Formular");
        JsonPath form = given().get("/api/calls/" + call + "/form").then().statusCode(200).extract().jsonPath();
        assertEquals("TEXT", question(form, "F25").get("type"));
        assertEquals("([01][0-9]|2[0-3]):[0-5][0-9]", question(form, "F25").get("pattern"));
        assertEquals("DATE", question(form, "F18").get("type"));
        assertEquals("NUMBER", question(form, "F62").get("type"));
        for (String money : List.of("F93", "F94", "F95")) {
            assertEquals("MONEY", question(form, money).get("type"));
        }
        assertEquals("YES_NO", question(form, "F97").get("type"));
        assertEquals("LONG_TEXT", question(form, "F71").get("type"));
        assertEquals(List.of("WOHNEN", "SOZIALE_INFRASTRUKTUR", "BILDUNG", "BESCHAEFTIGUNG", "KULTUR", "SPORT",
                "GESUNDHEIT", "UMWELT", "BETEILIGUNG", "ENGAGEMENT", "SPRACHE", "SICHERHEIT_RASSISMUS", "FAMILIE"),
                form.getList("sections.find { it.code == 'F5' }.questions.find { it.code == 'F50' }.options.code"));
        assertEquals(List.of("F7"), form.getList("atLeastOneOf.code"));

        String dachau = TestTokens.submitter("dachau", "09174");
        Map<String, Object> answers = new HashMap<>(Map.of("F11", 158_000, "F14", "Daniel Dachauer", "F21", "2017-03-04",
                "F30", "Anlass", "F40", "Moderation", "F50", List.of("SPRACHE"), "F60", "Akteure", "F61", 40,
                "F80", "Ergebnisse", "F90", 120_000));
        answers.put("F25", "25:00");
        Map<String, Object> report = new HashMap<>(Map.of("callId", call, "title", "Dialogabend",
                "summary", "Kurzfassung", "description", "Konzept", "answers", answers));
        given().auth().oauth2(dachau).contentType(ContentType.JSON).body(report).post("/api/submissions").then()
                .statusCode(422).body("errors.field", contains("answers.F25"));
        answers.put("F25", "18:30");
        String id = given().auth().oauth2(dachau).contentType(ContentType.JSON).body(report).post("/api/submissions")
                .then().statusCode(201).body("derived.size()", equalTo(0)).extract().path("id");
        given().auth().oauth2(dachau).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                .body("errors.field", contains("answers.F7"));
        answers.put("F71", "Zufrieden.");
        answers.put("F72", "Sehr zufrieden.");
        answers.put("F97", "YES");
        given().auth().oauth2(dachau).contentType(ContentType.JSON).body(report).put("/api/submissions/" + id).then()
                .statusCode(200);
        given().auth().oauth2(dachau).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("answers.F71", equalTo("Zufrieden."))
                .body("answers.F70", nullValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> question(JsonPath form, String code) {
        return form.getMap("sections.collectMany { it.questions }.find { it.code == '" + code + "' }");
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
