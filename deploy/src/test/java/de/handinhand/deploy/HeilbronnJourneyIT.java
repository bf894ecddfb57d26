package de.handinhand.deploy;

import static de.handinhand.deploy.Gateway.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.testing.EntryFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The Heilbronn cycle (issue 16) as its people run it: the Landratsamt's organizer ({@code hn-orga},
 * {@code kreis_id} 08125) opens a project-funding call of its own Kreis, the Asylarbeitskreis
 * Eppingen ({@code ak-eppingen}, applicant in the Gemeinde 08125030) applies on the
 * PROJEKTFOERDERUNG form, a juror scores, the committee grants part of the request with its reason
 * and publishes, the grant shows in the results, and after the project's end the Arbeitskreis files
 * its final report, which the Landratsamt reads. Then what must not happen: the Kreis organizer on
 * another Kreis's call, applicants and municipalities outside the Kreis, a second entry of the same
 * organisation.
 */
@Journey
class HeilbronnJourneyIT {

    static final String ORGA = "hn-orga";
    static final String KREIS = "08125";
    static final String APPLICANT = "ak-eppingen";
    static final String ORGANISATION = "Asylarbeitskreis Eppingen";
    static final String JUROR = "juror3";
    /** The programme "Gemeinsam in Vielfalt": 50.000 €. */
    static final long BUDGET = 5_000_000L;
    /** What the fixture's application asks for: 1.500 € (the total 1.850 € less 350 € co-funding). */
    static final int REQUESTED = 150_000;
    /** What the committee grants: part of it. */
    static final int GRANT = 100_000;
    /** A project that has already ended, so its final report is due once it is funded. */
    static final String START = "2025-01-15";
    static final String END = "2025-12-15";

    final Gateway gateway;
    final Steps steps;
    String word;
    String title;
    String call;
    String entry;

    HeilbronnJourneyIT(Gateway gateway, Steps steps) {
        this.gateway = gateway;
        this.steps = steps;
    }

    @BeforeAll
    void name() {
        word = Steps.uniqueWord("");
        title = "Gemeinsam in Vielfalt " + word;
    }

    @Test
    @Order(1)
    void theLandratsamtOpensAFundingCallOfItsKreis() {
        Instant now = Instant.now();
        Response created = gateway.as(ORGA).contentType(ContentType.JSON)
                .body(callBody(title, KREIS, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)),
                        now.plus(Duration.ofDays(60))))
                .post("/api/calls");
        created.then().statusCode(201).body("phase", equalTo("OPEN")).body("kind", equalTo("FUNDING"))
                .body("formTemplate", equalTo("PROJEKTFOERDERUNG")).body("kreisId", equalTo(KREIS))
                .body("budgetCents", equalTo((int) BUDGET));
        call = created.path("id");

        gateway.anonymous().get("/api/calls/" + call + "/form").then().statusCode(200)
                .body("template", equalTo("PROJEKTFOERDERUNG"));
        // The jury's service hears of it with its Kreis, and lets the Kreis organizer run it.
        awaitPhase("SUBMISSION");
        gateway.as(ORGA).get("/api/scoring/calls/" + call).then().statusCode(200).body("title", equalTo(title));
    }

    @Test
    @Order(2)
    void theArbeitskreisAppliesAndSubmits() {
        String project = "Kochen verbindet " + word;
        Response drafted = gateway.as(APPLICANT).contentType(ContentType.JSON)
                .body(EntryFixtures.projectApplication(call, project, START, END)).post("/api/submissions");
        drafted.then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("organisation", equalTo(ORGANISATION)).body("municipalityId", equalTo("08125030"))
                .body("requestedCents", equalTo(REQUESTED));
        entry = drafted.path("id");

        gateway.as(APPLICANT).post("/api/submissions/" + entry + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1))
                .body("submittedAt", notNullValue()).body("requestedCents", equalTo(REQUESTED));
        JsonPath own = gateway.as(APPLICANT).queryParam("callId", call).get("/api/submissions").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(entry), own.getList("items.id"));

        // One entry per organisation and call: a second application of the Arbeitskreis is refused.
        gateway.as(APPLICANT).contentType(ContentType.JSON)
                .body(EntryFixtures.projectApplication(call, "Zweiter Antrag " + word, START, END))
                .post("/api/submissions").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("entry-exists"));
        gateway.as(APPLICANT).queryParam("callId", call).get("/api/submissions").then().body("total", equalTo(1));
    }

    @Test
    @Order(3)
    void theLandratsamtSeesTheApplicationAndTheJuryItsCase() {
        JsonPath entries = gateway.as(ORGA).queryParam("callId", call).get("/api/submissions").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(entry), entries.getList("items.id"));
        assertEquals(List.of("SUBMITTED"), entries.getList("items.status"));
        gateway.as(ORGA).get("/api/submissions/" + entry).then().statusCode(200)
                .body("organisation", equalTo(ORGANISATION)).body("requestedCents", equalTo(REQUESTED));

        Map<String, Object> jury = eventually("the case of entry " + entry + " for " + ORGA,
                () -> caseOf(entry), c -> c != null && Integer.valueOf(1).equals(c.get("version")));
        assertEquals("08125030", jury.get("municipalityId"));
        assertEquals("ACTIVE", jury.get("status"));
    }

    @Test
    @Order(4)
    void aJurorScoresTheApplicationInTheJuryPhase() {
        gateway.as(ORGA).contentType(ContentType.JSON).body(List.of(JUROR))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(200);
        gateway.as(ORGA).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 1))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200);
        assertEquals(List.of(entry), gateway.as(ORGA).queryParam("juror", JUROR)
                .get("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                .extract().jsonPath().getList("items.submissionId"));

        Instant now = Instant.now();
        moveDates(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)));
        awaitPhase("JURY");
        steps.finalSheet(JUROR, caseOf(entry).get("id").toString(), 8);

        Instant later = Instant.now();
        moveDates(later.minus(Duration.ofMinutes(2)), later.minus(Duration.ofMinutes(1)));
        awaitPhase("CLOSED");
    }

    @Test
    @Order(5)
    void theCommitteeGrantsPartOfTheRequestWithItsReason() {
        String path = "/api/scoring/calls/" + call + "/decision";
        // The proposal: the computed allocation funds the request in full; nothing stored yet.
        gateway.as(ORGA).get(path).then().statusCode(200).body("stored", equalTo(false))
                .body("published", equalTo(false)).body("budgetCents", equalTo((int) BUDGET))
                .body("lines.submissionId", equalTo(List.of(entry)))
                .body("lines[0].computedCents", equalTo(REQUESTED)).body("lines[0].grantCents", equalTo(REQUESTED));

        // A deviation without its reason is refused and changes nothing.
        gateway.as(ORGA).contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("submissionId", entry, "grantCents", GRANT))))
                .put(path).then().statusCode(422).contentType("application/problem+json");
        gateway.as(ORGA).get(path).then().body("stored", equalTo(false));

        String reason = "Gremium " + word + ": Verpflegung aus Spenden, die Honorare voll";
        gateway.as(ORGA).contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("submissionId", entry, "grantCents", GRANT, "reason", reason))))
                .put(path).then().statusCode(200).body("stored", equalTo(true))
                .body("totalCents", equalTo(GRANT)).body("lines[0].grantCents", equalTo(GRANT))
                .body("lines[0].deviates", equalTo(true)).body("lines[0].reason", equalTo(reason))
                .body("lines[0].changedBy", equalTo(ORGA));
        List<Map<String, Object>> history = gateway.as(ORGA).get(path).then().statusCode(200).extract().jsonPath()
                .getList("history");
        Map<String, Object> last = history.get(history.size() - 1);
        assertEquals(REQUESTED, last.get("oldCents"));
        assertEquals(GRANT, last.get("newCents"));
        assertEquals(ORGA, last.get("changedBy"));
        assertEquals(reason, last.get("reason"));
    }

    @Test
    @Order(6)
    void theLandratsamtPublishesAndEveryoneReadsTheGrant() {
        String results = "/api/scoring/calls/" + call + "/results";
        gateway.as(ORGA).contentType(ContentType.JSON).body(Map.of()).post(results).then().statusCode(200)
                .body("revision", equalTo(1)).body("correction", equalTo(false))
                .body("categories[0].entries.submissionId", equalTo(List.of(entry)))
                .body("categories[0].entries[0].grantCents", equalTo(GRANT))
                .body("categories[0].entries[0].winner", equalTo(true));
        gateway.as(APPLICANT).get(results).then().statusCode(200)
                .body("categories[0].entries[0].submissionId", equalTo(entry))
                .body("categories[0].entries[0].grantCents", equalTo(GRANT));
        gateway.as(ORGA).get("/api/scoring/calls/" + call + "/decision").then().statusCode(200)
                .body("published", equalTo(true));

        // Final once published.
        gateway.as(ORGA).contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("submissionId", entry, "grantCents", REQUESTED))))
                .put("/api/scoring/calls/" + call + "/decision").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    @Order(8)
    void nobodyOutsideTheKreisRunsOrEntersItsCalls() {
        // Another Kreis's call (Dachau's, opened by the organizer without kreis_id): the Heilbronn
        // organizer neither changes nor reads it, and Eppingen's Arbeitskreis does not enter it.
        Instant now = Instant.now();
        Map<String, Object> dachau = callBody("Dachauer Projektförderung " + word, "09174",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(60)));
        String other = gateway.as(Steps.ORGANIZER).contentType(ContentType.JSON).body(dachau).post("/api/calls")
                .then().statusCode(201).body("kreisId", equalTo("09174")).extract().path("id");
        steps.awaitScoringPhase(other, "SUBMISSION");
        gateway.as(ORGA).contentType(ContentType.JSON).body(dachau).put("/api/calls/" + other).then()
                .statusCode(403).contentType("application/problem+json");
        gateway.as(ORGA).contentType(ContentType.JSON).body(callBody("Fremd " + word, "09174",
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(60))))
                .post("/api/calls").then().statusCode(403).contentType("application/problem+json");
        gateway.as(ORGA).get("/api/scoring/calls/" + other).then().statusCode(403)
                .contentType("application/problem+json");
        gateway.as(ORGA).contentType(ContentType.JSON).body(List.of(JUROR))
                .put("/api/scoring/calls/" + other + "/jurors").then().statusCode(403);
        gateway.as(ORGA).get("/api/scoring/calls/" + other + "/decision").then().statusCode(403);
        gateway.as(ORGA).queryParam("callId", other).get("/api/submissions").then().statusCode(403);
        gateway.as(APPLICANT).contentType(ContentType.JSON)
                .body(EntryFixtures.projectApplication(other, "Über die Kreisgrenze " + word, START, END))
                .post("/api/submissions").then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("outside-kreis"));
        gateway.as(APPLICANT).queryParam("callId", other).get("/api/submissions").then().statusCode(200)
                .body("total", equalTo(0));

        // Nor does a municipality outside the Kreis.
        gateway.as("recklinghausen").contentType(ContentType.JSON)
                .body(EntryFixtures.projectApplication(other, "Recklinghausen in Dachau " + word, START, END))
                .post("/api/submissions").then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("outside-kreis"));

        // Heilbronn's decision is the Landratsamt's: no municipality, applicant or juror reads or changes it.
        gateway.as("dachau").get("/api/scoring/calls/" + call + "/decision").then().statusCode(403);
        gateway.as(APPLICANT).get("/api/scoring/calls/" + call + "/decision").then().statusCode(403);
        gateway.as(JUROR).get("/api/scoring/calls/" + call + "/decision").then().statusCode(403);
    }

    @Test
    @Order(7)
    void theArbeitskreisReportsAfterTheProjectAndTheLandratsamtReadsIt() {
        String report = "/api/submissions/" + entry + "/report";
        // The submission service learns the grant from the published results.
        eventually("the grant of entry " + entry + " known to the submission service", () -> gateway.as(APPLICANT)
                .contentType(ContentType.JSON).body(EntryFixtures.finalReport()).put(report).then().extract(),
                r -> r.statusCode() == 200);
        gateway.as(APPLICANT).get(report).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("grantCents", equalTo(GRANT)).body("organisation", equalTo(ORGANISATION))
                .body("projectEnd", equalTo(END));
        gateway.as(APPLICANT).post(report + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo(APPLICANT));

        gateway.as(ORGA).get(report).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("answers.R38", equalTo(185_000)).body("grantCents", equalTo(GRANT));
        gateway.as(ORGA).get("/api/calls/" + call + "/reports").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].submissionId", equalTo(entry))
                .body("items[0].report", equalTo("SUBMITTED")).body("items[0].grantCents", equalTo(GRANT));
        gateway.as("dachau").get(report).then().statusCode(404);
        gateway.as(APPLICANT).post(report + "/submit").then().statusCode(409);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Map<String, Object> callBody(String title, String kreis, Instant opensAt, Instant deadline,
            Instant juryEndsAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("kind", "FUNDING");
        body.put("formTemplate", "PROJEKTFOERDERUNG");
        body.put("opensAt", opensAt.toString());
        body.put("deadline", deadline.toString());
        body.put("juryEndsAt", juryEndsAt.toString());
        body.put("categories", List.of("PROJEKT"));
        body.put("budgetCents", BUDGET);
        body.put("kreisId", kreis);
        return body;
    }

    /** The Kreis organizer moves its call's dates (that is how a phase is closed), keeping its Kreis. */
    private void moveDates(Instant deadline, Instant juryEndsAt) {
        JsonPath current = gateway.anonymous().get("/api/calls/" + call).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = callBody(current.getString("title"), KREIS, Instant.parse(current.getString("opensAt")),
                deadline, juryEndsAt);
        gateway.as(ORGA).contentType(ContentType.JSON).body(body).put("/api/calls/" + call).then().statusCode(200)
                .body("kreisId", equalTo(KREIS));
    }

    private void awaitPhase(String phase) {
        eventually("phase " + phase + " of call " + call + " in the scoring service, for " + ORGA,
                () -> gateway.as(ORGA).get("/api/scoring/calls/" + call).then().extract(),
                r -> r.statusCode() == 200 && phase.equals(r.path("phase")));
    }

    /** The case of an entry in the Kreis organizer's list of the call, or null. */
    private Map<String, Object> caseOf(String submission) {
        List<Map<String, Object>> items = gateway.as(ORGA).queryParam("callId", call).queryParam("size", 200)
                .get("/api/scoring/cases").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(c -> submission.equals(c.get("submissionId"))).findFirst().orElse(null);
    }
}
