package de.handinhand.submission.form;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PROJEKTFOERDERUNG form: served like the other two with its typed questions and rules, saved
 * in any state as a draft, and on submit held to its period (end after start, at most 12 months),
 * its budget (the lines add up to the total) and its financing (the amount asked for at most the
 * total less the co-funding) — every failing code in one 422, nothing submitted.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProjektfoerderungTest {

    static final String AK_EPPINGEN = TestTokens.applicant("ak-eppingen", "08125030", "Asylarbeitskreis Eppingen");
    static final String ORGA = TestTokens.organizer();

    @Test
    void theFormIsServedWithItsTypedQuestionsAndRules() {
        String call = Fixtures.projectCall(ORGA, "08125", "Formular Projektförderung");
        given().get("/api/calls/" + call + "/form").then().statusCode(200)
                .body("template", equalTo("PROJEKTFOERDERUNG"))
                .body("sections.code", equalTo(List.of("P1", "P2", "P3", "P4", "P5", "P6")))
                .body("sections[0].questions.find { it.code == 'P10' }.field", equalTo("title"))
                .body("sections[0].questions.find { it.code == 'P11' }.readOnly", equalTo(true))
                .body("sections[0].questions.find { it.code == 'P12' }.readOnly", equalTo(true))
                .body("sections[1].questions.code", equalTo(List.of("P20", "P21", "P22", "P23")))
                .body("sections[1].questions[0].group.code", equalTo("P2"))
                .body("sections[2].questions.find { it.code == 'P32' }.type", equalTo("MULTI_CHOICE"))
                .body("sections[2].questions.find { it.code == 'P32' }.options.code",
                        hasItems("NEUZUGEWANDERTE", "BEVOELKERUNG_VOR_ORT", "MULTIPLIKATOREN"))
                .body("sections[3].questions.type", equalTo(List.of("DATE", "DATE")))
                .body("sections[4].questions.code",
                        equalTo(List.of("P50", "P51", "P52", "P53", "P54", "P55", "P56", "P57", "P58")))
                .body("sections[4].questions.find { it.code == 'P50' }.type", equalTo("MONEY"))
                .body("sections[5].questions.find { it.code == 'P60' }.field", equalTo("requestedCents"))
                .body("rules.field", containsInAnyOrder("P41", "P58", "P57", "P61", "requestedCents"))
                .body("rules.find { it.field == 'P41' }.rule", containsString("12 months"));
        // The report form funded projects file at their end.
        given().get("/api/calls/" + call + "/report-form").then().statusCode(200)
                .body("template", equalTo("PROJEKTBERICHT"))
                .body("sections.code", equalTo(List.of("R1", "R2", "R3", "R4")))
                .body("sections[2].questions.code", hasItems("R30", "R36", "R37", "R38"))
                .body("rules.field", containsInAnyOrder("R38", "R37", "R21"));
        given().get("/api/calls/" + Fixtures.openCall("Wettbewerb ohne Bericht") + "/report-form").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCompleteApplicationSubmitsAtTheLimits() {
        String call = Fixtures.projectCall(ORGA, "08125", "Grenzen");
        // Exactly twelve months, and exactly the total less the co-funding asked for.
        String id = draft(call, Fixtures.application(call, "Genau ein Jahr", "2026-03-15", "2027-03-15"));
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("requestedCents", equalTo(150_000));
    }

    @Test
    void submitNamesEveryBrokenRuleAtOnce() {
        String call = Fixtures.projectCall(ORGA, "08125", "Alle Regeln");
        Map<String, Object> body = Fixtures.application(call, "Zu viel auf einmal", "2026-03-15", "2027-03-16");
        Map<String, Object> a = answers(body);
        a.put("P56", 10_000);             // other costs without saying what for; the lines no longer add up
        a.put("P61", 200_000);            // more co-funding than the project costs
        a.remove("P20");                   // the tandem incomplete
        body.put("requestedCents", 190_000);
        String id = draft(call, body);    // a draft may be all of this
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:incomplete-entry"))
                .body("errors.field", containsInAnyOrder("answers.P20", "answers.P41", "answers.P58", "answers.P57",
                        "answers.P61", "requestedCents"))
                .body("errors.find { it.field == 'answers.P41' }.message", containsString("2027-03-15"))
                .body("errors.find { it.field == 'answers.P58' }.message", containsString("1.950,00 €"))
                .body("errors.find { it.field == 'requestedCents' }.message", containsString("0,00 €"));
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + id).then().body("status", equalTo("DRAFT"))
                .body("version", equalTo(0));
    }

    @Test
    void theProjectEndsAfterItsStart() {
        for (String end : List.of("2026-03-15", "2026-03-01")) {
            // One entry per organisation and call: a call each.
            String call = Fixtures.projectCall(ORGA, "08125", "Rückwärts bis " + end);
            String id = draft(call, Fixtures.application(call, "Ende " + end, "2026-03-15", end));
            given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                    .body("errors", hasSize(1)).body("errors[0].field", equalTo("answers.P41"))
                    .body("errors[0].message", containsString("must be after the start 2026-03-15"));
        }
    }

    @Test
    void theAmountAskedForFitsIntoTheTotalLessTheCoFunding() {
        String call = Fixtures.projectCall(ORGA, "08125", "Zu viel beantragt");
        Map<String, Object> body = Fixtures.application(call, "Ein Euro zu viel", "2026-03-15", "2026-12-31");
        body.put("requestedCents", 150_100);
        String id = draft(call, body);
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("requestedCents"))
                .body("errors[0].message", containsString("1.500,00 €"));

        // Without co-funding the whole total may be asked for; without an amount nothing is submitted.
        Map<String, Object> fixed = Fixtures.application(call, "Ohne Kofinanzierung", "2026-03-15", "2026-12-31");
        answers(fixed).remove("P61");
        fixed.put("requestedCents", 185_000);
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(fixed).put("/api/submissions/" + id)
                .then().statusCode(200);
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(200);
    }

    @Test
    void eachSaveChecksTheShapeOfTheTypedAnswers() {
        String call = Fixtures.projectCall(ORGA, "08125", "Formen");
        Map<String, Object> body = Fixtures.application(call, "Falsche Formen", "2026-03-15", "2026-12-31");
        Map<String, Object> a = answers(body);
        a.put("P40", "15.03.2026");
        a.put("P50", -5);
        a.put("P51", 12.5);
        a.put("P32", List.of("NACH_HERKUNFT_DIFFERENZIERT"));
        a.put("P14", "keine Adresse");
        a.put("P99", "gibt es nicht");
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(body).post("/api/submissions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("answers.P40", "answers.P50", "answers.P51", "answers.P32",
                        "answers.P14", "answers.P99"));
        Map<String, Object> amount = Fixtures.application(call, "Betrag als Antwort", "2026-03-15", "2026-12-31");
        answers(amount).put("P60", 100_000);
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(amount).post("/api/submissions")
                .then().statusCode(422).body("errors[0].field", equalTo("answers.P60"))
                .body("errors[0].message", containsString("requestedCents"));
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions?callId=" + call).then().body("total", equalTo(0));
    }

    @Test
    void draftsMayBeIncomplete() {
        String call = Fixtures.projectCall(ORGA, "08125", "Entwurf");
        Map<String, Object> body = new HashMap<>(Map.of("callId", call, "title", "Erst die Idee",
                "answers", Map.of("P40", "2026-05-01")));
        String id = draft(call, body);
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                .body("errors.field", hasItems("answers.P20", "answers.P31", "answers.P32", "answers.P41",
                        "answers.P58", "description", "requestedCents"))
                .body("errors.field", org.hamcrest.Matchers.not(hasItem("answers.P11")));
    }

    private static String draft(String call, Map<String, Object> body) {
        return given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(body).post("/api/submissions")
                .then().statusCode(201).extract().path("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answers(Map<String, Object> body) {
        return (Map<String, Object>) body.get("answers");
    }
}
