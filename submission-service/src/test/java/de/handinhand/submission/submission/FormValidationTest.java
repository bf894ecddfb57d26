package de.handinhand.submission.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.EntryFixtures;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every save checks the shape of the answers against the call's form; submit also checks completeness. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class FormValidationTest {

    static final String HEILBRONN = TestTokens.submitter("heilbronn", "08125");

    @Test
    void everyAnswerMustFitItsQuestionOnSave() {
        String call = Fixtures.openCall("Form shape");
        Map<String, Object> body = EntryFixtures.entry(call, "Falsch beantwortet");
        Map<String, Object> answers = new HashMap<>(EntryFixtures.answers());
        answers.put("C10", "VIELLEICHT");                       // not an option
        answers.put("C23", List.of("ERWACHSENE", "ALIENS"));    // unknown option code
        answers.put("C24", "GESAMTSTADT");                      // MULTI_CHOICE needs a list
        answers.put("C25a", "x".repeat(501));                   // too long
        answers.put("A7", "4565");                              // PLZ has five digits
        answers.put("C99", "Gibt es nicht");                    // not a question of the form
        answers.put("A1", "Stadt Irgendwo");                    // read-only, from the registry
        answers.put("B1", "Titel");                             // the entry's title, not an answer
        answers.put("C33", List.of("DAUERANGEBOT"));            // SINGLE_CHOICE needs one code
        answers.put("C34", List.of("LAND", "LAND"));            // twice
        body.put("answers", answers);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body).post("/api/submissions")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("answers.C10", "answers.C23", "answers.C24", "answers.C25a",
                        "answers.A7", "answers.C99", "answers.A1", "answers.B1", "answers.C33", "answers.C34"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions?callId=" + call).then()
                .body("total", equalTo(0));
    }

    @Test
    void projectsFollowTheProjectGroup() {
        String call = Fixtures.openCall("Projects shape");
        List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(EntryFixtures.project("Projekt " + i, "Beschreibung"));
        }
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(EntryFixtures.entry(call, "Sechs", six))
                .post("/api/submissions").then().statusCode(422).body("errors.field", contains("projects"));

        Map<String, Object> wrong = new HashMap<>(EntryFixtures.project("Projekt", "Beschreibung"));
        wrong.put("D14", "YES_PLEASE");
        wrong.put("C10", "YES");
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON)
                .body(EntryFixtures.entry(call, "Falsches Projekt", List.of(wrong)))
                .post("/api/submissions").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("projects[0].answers.D14", "projects[0].answers.C10"));
    }

    @Test
    void submitListsEveryMissingAnswerAtOnce() {
        String call = Fixtures.openCall("Completeness");
        Map<String, Object> body = EntryFixtures.entry(call, "Lückenhaft");
        Map<String, Object> answers = new HashMap<>(EntryFixtures.answers());
        answers.remove("C12");                     // required
        answers.remove("C25a");                    // required because C25 includes WEITERE
        answers.remove("C36a");                    // required because C36 is PLANNED
        answers.put("C37", "YES");                 // now C37a is required
        answers.remove("C26f");                    // with C26k gone, no field of action is left
        answers.remove("C26k");
        body.put("answers", answers);
        body.remove("description");
        Map<String, Object> project = new HashMap<>(EntryFixtures.project("Ohne Beschreibung", "x"));
        project.remove("D15");
        project.put("D14", "YES");                 // now D14a is required
        body.put("projects", List.of(Map.of("answers", project)));
        String id = given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                .post("/api/submissions").then().statusCode(201).extract().path("id");

        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:incomplete-entry"))
                .body("errors.field", containsInAnyOrder("description", "answers.C12", "answers.C25a", "answers.C36a",
                        "answers.C37a", "answers.C26", "projects[0].answers.D15", "projects[0].answers.D14a"));
        given().auth().oauth2(HEILBRONN).get("/api/submissions/" + id).then().body("status", equalTo("DRAFT"))
                .body("version", equalTo(0));
    }

    @Test
    void aFollowUpIsNotRequiredWhenItsConditionDoesNotHold() {
        String call = Fixtures.openCall("Follow-ups");
        Map<String, Object> body = EntryFixtures.entry(call, "Ohne Weitere");
        Map<String, Object> answers = new HashMap<>(EntryFixtures.answers());
        answers.put("C25", List.of("SCHULEN"));
        answers.remove("C25a");
        answers.put("C36", "NO");
        answers.remove("C36a");
        answers.put("C10", "NO");
        answers.remove("C11");
        body.put("answers", answers);
        String id = given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                .post("/api/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void theDialogueReportChecksNumbersMoneyAndDates() {
        Instant now = Instant.now();
        Map<String, Object> callBody = Fixtures.call("Dialog-Validierung", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        callBody.put("kind", "DIALOG_REPORT");
        callBody.put("formTemplate", "FLUECHTLINGSDIALOG");
        String call = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(callBody)
                .post("/api/calls").then().statusCode(201).extract().path("id");
        Map<String, Object> answers = new HashMap<>(Map.of("F11", -5, "F21", "18.02.2017", "F61", 12.5,
                "F90", "4160,00", "F50", List.of("SPRACHE", "KOCHEN"), "F17", "keine-mail"));
        Map<String, Object> body = new HashMap<>(Map.of("callId", call, "title", "Dialogabend", "answers", answers,
                "projects", List.of(Map.of("answers", Map.of("D10", "x")))));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body).post("/api/submissions")
                .then().statusCode(422)
                .body("errors.field", containsInAnyOrder("answers.F11", "answers.F21", "answers.F61", "answers.F90",
                        "answers.F50", "answers.F17", "projects"));

        Map<String, Object> good = new HashMap<>(Map.of("F11", 355_000, "F14", "Hanna Heilbronner",
                "F21", "2017-02-18", "F30", "Anlass", "F40", "Moderation", "F50", List.of("SPRACHE", "WOHNEN"),
                "F60", "Akteure", "F61", 180, "F70", "Bewertung", "F80", "Ergebnisse"));
        good.put("F90", 416_000);
        Map<String, Object> report = new HashMap<>(Map.of("callId", call, "title", "Dialogabend",
                "summary", "Kurzfassung", "description", "Konzept", "answers", good));
        String id = given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(report)
                .post("/api/submissions").then().statusCode(201)
                .body("answers.F10", equalTo("Landkreis Heilbronn"))
                .body("answers.F90", equalTo(416_000))
                .extract().path("id");
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(200);
    }

    @Test
    void fundingEntriesAskForAnAmountWithinTheBudget() {
        Instant now = Instant.now();
        Map<String, Object> callBody = Fixtures.call("Förderaufruf", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        callBody.put("kind", "FUNDING");
        callBody.put("budgetCents", 50_000_00L);
        String funding = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(callBody)
                .post("/api/calls").then().statusCode(201).extract().path("id");
        Map<String, Object> body = EntryFixtures.entry(funding, "Bitte um Förderung");
        body.put("requestedCents", 60_000_00L);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body).post("/api/submissions")
                .then().statusCode(422).body("errors.field", contains("requestedCents"));
        body.remove("requestedCents");
        String id = given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body)
                .post("/api/submissions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(422)
                .body("errors.field", contains("requestedCents"));
        body.put("requestedCents", 12_500_00L);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(body).put("/api/submissions/" + id)
                .then().statusCode(200).body("requestedCents", equalTo(1_250_000));
        given().auth().oauth2(HEILBRONN).post("/api/submissions/" + id + "/submit").then().statusCode(200);

        String competition = Fixtures.openCall("Kein Geld");
        Map<String, Object> greedy = EntryFixtures.entry(competition, "Trotzdem Geld");
        greedy.put("requestedCents", 100L);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(greedy).post("/api/submissions")
                .then().statusCode(422).body("errors.field", hasItem("requestedCents"))
                .body("errors.field", not(hasItems("title")));
    }
}
