package de.handinhand.submission.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.EntryFixtures;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Closing the loop: after a funded project's end its organisation files a final report
 * (PROJEKTBERICHT), and the Kreis organizer follows the reports of its call. Funded means: a grant
 * above 0 in the latest published results of the call (handinhand.results.published on
 * scoring-events); a correction replaces the grants, an older publication arriving late changes
 * nothing.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class FinalReportTest {

    static final String HN_ORGA = TestTokens.kreisOrganizer("hn-orga", "08125");
    static final String RE_ORGA = TestTokens.kreisOrganizer("re-orga", "05562");
    static final String ORGA = TestTokens.organizer();
    static final String AK_EPPINGEN = TestTokens.applicant("ak-eppingen", "08125030", "Asylarbeitskreis Eppingen");
    static final String TSV = TestTokens.applicant("tsv", "08125030", "TSV Eppingen");
    static final String EPPINGEN = TestTokens.submitter("eppingen", "08125030");
    static final String HEILBRONN = TestTokens.submitter("heilbronn", "08125");

    /** Ended: the report is due once funded. */
    static final String ENDED_START = "2025-01-01";
    static final String ENDED_END = "2025-12-31";

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    void aFundedOrganisationReportsAfterItsEndAndTheKreisOrganizerReadsIt() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Gemeinsam in Vielfalt – Berichte");
        String ak = submitted(AK_EPPINGEN, call, "Kochen verbindet", ENDED_START, ENDED_END);
        String tsv = submitted(TSV, call, "Fußball für alle", "2099-01-01", "2099-12-31");
        String report = "/api/submissions/" + ak + "/report";

        // Before the results: nobody is funded yet.
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put(report).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:not-funded"))
                .body("detail", containsString("not published yet"));

        awaitProcessed(results(call, 1, false, Map.of(ak, 150_000L, tsv, 100_000L)));

        // A draft first, saved as it is; the organizer does not read a draft.
        Map<String, Object> first = Map.of("answers", Map.of("R10", "Es hat angefangen."));
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(first).put(report).then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("answers.R10", equalTo("Es hat angefangen."))
                .body("organisation", equalTo("Asylarbeitskreis Eppingen")).body("grantCents", equalTo(150_000))
                .body("projectStart", equalTo(ENDED_START)).body("projectEnd", equalTo(ENDED_END))
                .body("createdBy", equalTo("ak-eppingen")).body("submittedAt", nullValue());
        given().auth().oauth2(AK_EPPINGEN).get(report).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(HN_ORGA).get(report).then().statusCode(404).contentType("application/problem+json");

        // Submit checks completeness, then the report's rules; every failing code at once.
        given().auth().oauth2(AK_EPPINGEN).post(report + "/submit").then().statusCode(422)
                .body("type", equalTo("urn:handinhand:problem:incomplete-report"))
                .body("errors.field", containsInAnyOrder("answers.R20", "answers.R21", "answers.R38", "answers.R40",
                        "answers.R41"));
        Map<String, Object> broken = answers(EntryFixtures.finalReport());
        broken.put("R21", 90);        // more refugees than participants
        broken.put("R36", 5_000);     // other costs, not said what for; the lines no longer add up
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(Map.of("answers", broken)).put(report)
                .then().statusCode(200);
        given().auth().oauth2(AK_EPPINGEN).post(report + "/submit").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("answers.R21", "answers.R37", "answers.R38"))
                .body("errors.find { it.field == 'answers.R38' }.message", containsString("1.900,00 €"));
        given().auth().oauth2(AK_EPPINGEN).get(report).then().body("status", equalTo("DRAFT"));

        // Another member of the organisation finishes it.
        String member = TestTokens.applicant("ak-eppingen-2", "08125030", "Asylarbeitskreis Eppingen");
        given().auth().oauth2(member).contentType(ContentType.JSON).body(EntryFixtures.finalReport()).put(report)
                .then().statusCode(200);
        given().auth().oauth2(member).post(report + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submittedBy", equalTo("ak-eppingen-2"))
                .body("answers.R20", equalTo(86));

        // The Kreis organizer reads it and follows the call's funded projects.
        given().auth().oauth2(HN_ORGA).get(report).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("answers.R38", equalTo(185_000)).body("grantCents", equalTo(150_000))
                .body("municipalityName", equalTo("Eppingen"));
        given().auth().oauth2(HN_ORGA).get("/api/calls/" + call + "/reports").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.submissionId", equalTo(List.of(ak, tsv)))
                .body("items.report", equalTo(List.of("SUBMITTED", "RUNNING")))
                .body("items[0].organisation", equalTo("Asylarbeitskreis Eppingen"))
                .body("items[0].grantCents", equalTo(150_000)).body("items[0].projectEnd", equalTo(ENDED_END))
                .body("items[1].grantCents", equalTo(100_000));
        given().auth().oauth2(HN_ORGA).get("/api/calls/" + call + "/reports?size=1&page=1").then()
                .body("total", equalTo(2)).body("items.submissionId", equalTo(List.of(tsv)));
        given().auth().oauth2(ORGA).get("/api/calls/" + call + "/reports").then().statusCode(200)
                .body("total", equalTo(2));

        // Final once submitted.
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport()).put(report)
                .then().statusCode(409).body("type", equalTo("urn:handinhand:problem:report-submitted"));
        given().auth().oauth2(AK_EPPINGEN).post(report + "/submit").then().statusCode(409);
    }

    @Test
    void onlyFundedEndedProjectsReportAndOnlyTheirOwnOrganisation() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Wer berichtet");
        String ak = submitted(AK_EPPINGEN, call, "Kochen verbindet", ENDED_START, ENDED_END);
        String running = submitted(TSV, call, "Läuft noch", "2099-01-01", "2099-12-31");
        String unfunded = submitted(EPPINGEN, call, "Nicht gefördert", ENDED_START, ENDED_END);
        awaitProcessed(results(call, 1, false, Map.of(ak, 150_000L, running, 100_000L, unfunded, 0L)));

        // Before the end: not yet.
        given().auth().oauth2(TSV).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + running + "/report").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:project-running"))
                .body("detail", containsString("2099-12-31"));
        // Not funded: no report.
        given().auth().oauth2(EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + unfunded + "/report").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:not-funded"))
                .body("detail", containsString("not funded"));
        given().auth().oauth2(EPPINGEN).post("/api/submissions/" + unfunded + "/report/submit").then().statusCode(409);

        // Another organisation, the Gemeinde itself, organizers of another Kreis: the report does not exist for them.
        String report = "/api/submissions/" + ak + "/report";
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport()).put(report)
                .then().statusCode(200);
        given().auth().oauth2(AK_EPPINGEN).post(report + "/submit").then().statusCode(200);
        for (String other : List.of(TSV, EPPINGEN)) {
            given().auth().oauth2(other).get(report).then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(other).contentType(ContentType.JSON).body(EntryFixtures.finalReport()).put(report)
                    .then().statusCode(404);
            given().auth().oauth2(other).post(report + "/submit").then().statusCode(404);
        }
        given().auth().oauth2(RE_ORGA).get(report).then().statusCode(404);
        given().auth().oauth2(RE_ORGA).get("/api/calls/" + call + "/reports").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("05562"));
        given().auth().oauth2(HN_ORGA).get("/api/calls/" + UUID.randomUUID() + "/reports").then().statusCode(404);

        // Organizers read; they do not write a report. Jurors and applicants do not list reports.
        given().auth().oauth2(HN_ORGA).contentType(ContentType.JSON).body(EntryFixtures.finalReport()).put(report)
                .then().statusCode(403);
        given().auth().oauth2(HN_ORGA).post(report + "/submit").then().statusCode(403);
        given().auth().oauth2(TestTokens.juror("juror1")).get(report).then().statusCode(403);
        given().auth().oauth2(AK_EPPINGEN).get("/api/calls/" + call + "/reports").then().statusCode(403);
        given().get("/api/calls/" + call + "/reports").then().statusCode(401);
        given().get(report).then().statusCode(401);
    }

    @Test
    void aCorrectionReplacesTheGrantsAndAnOlderPublicationIsIgnored() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Korrigierte Förderung");
        String ak = submitted(AK_EPPINGEN, call, "Kochen verbindet", ENDED_START, ENDED_END);
        String kreis = submitted(HEILBRONN, call, "Projekt des Landkreises", ENDED_START, ENDED_END);
        awaitProcessed(results(call, 1, false, Map.of(ak, 150_000L, kreis, 0L)));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + kreis + "/report").then().statusCode(409);

        // The committee corrects: the Landkreis's own project is funded, the Arbeitskreis no longer.
        awaitProcessed(results(call, 2, true, Map.of(ak, 0L, kreis, 120_000L)));
        given().auth().oauth2(HN_ORGA).get("/api/calls/" + call + "/reports").then().statusCode(200)
                .body("items.submissionId", equalTo(List.of(kreis)))
                .body("items[0].report", equalTo("DUE"))
                .body("items[0].organisation", nullValue())
                .body("items[0].municipalityName", equalTo("Landkreis Heilbronn"))
                .body("items[0].grantCents", equalTo(120_000));
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + ak + "/report").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:not-funded"));

        // Revision 1 delivered late: older than 2, ignored.
        awaitProcessed(results(call, 1, false, Map.of(ak, 150_000L, kreis, 0L)));
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + ak + "/report").then().statusCode(409);
        Map<String, Object> bad = Map.of("answers", Map.of("R20", "viele", "R99", "x"));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(bad)
                .put("/api/submissions/" + kreis + "/report").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("answers.R20", "answers.R99"));
        given().auth().oauth2(HEILBRONN).get("/api/submissions/" + kreis + "/report").then().statusCode(404);
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + kreis + "/report").then().statusCode(200)
                .body("grantCents", equalTo(120_000)).body("organisation", nullValue());
        given().auth().oauth2(HN_ORGA).get("/api/calls/" + call + "/reports").then()
                .body("items[0].report", equalTo("DRAFT"));
    }

    @Test
    void entriesOfOtherFormsFileNoReport() {
        String call = Fixtures.openCall("Wettbewerb ohne Abschlussbericht");
        String entry = Fixtures.submitted(HEILBRONN, call, "Wettbewerbsbeitrag");
        awaitProcessed(results(call, 1, false, Map.of(entry, 100_000L)));
        given().auth().oauth2(HEILBRONN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + entry + "/report").then().statusCode(409)
                .body("type", equalTo("urn:handinhand:problem:no-final-report"));
        given().auth().oauth2(ORGA).get("/api/calls/" + call + "/reports").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aPublicationThatCanNeverApplyIsRefusedAndTheConsumerCarriesOn() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Kaputte Ergebnisse");
        String ak = submitted(AK_EPPINGEN, call, "Kochen verbindet", ENDED_START, ENDED_END);
        // A negative grant can never be stored: refused at once, not tried again, so the next event gets through.
        results(call, 1, false, Map.of(ak, -1L));
        String good = results(call, 1, false, Map.of(ak, 90_000L));
        awaitProcessed(good);
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(EntryFixtures.finalReport())
                .put("/api/submissions/" + ak + "/report").then().statusCode(200).body("grantCents", equalTo(90_000));
    }

    /** Creates and submits a complete application for the period; returns its id. */
    private static String submitted(String token, String call, String title, String start, String end) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.application(call, title, start, end)).post("/api/submissions")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).post("/api/submissions/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** Publishes results as the scoring service does, one category; returns the event id. */
    private String results(String call, int revision, boolean correction, Map<String, Long> grants) {
        List<ResultsPublished.Entry> entries = new ArrayList<>();
        new LinkedHashMap<>(grants).forEach((id, cents) -> entries.add(new ResultsPublished.Entry(UUID.fromString(id),
                "08125030", "Eppingen", "Projekt", 1, 0.5, 70.0, 2, false, cents, List.of())));
        ResultsPublished data = new ResultsPublished(UUID.fromString(call), "Förderaufruf", "FUNDING", Instant.now(),
                "normalized", 0, List.of(new ResultsPublished.Category("PROJEKT", entries)), revision, correction,
                correction ? "Das Gremium hat neu entschieden" : null);
        String eventId = UUID.randomUUID().toString();
        connector.source("scoring-events").send(EventFixtures.event(eventId, EventTypes.RESULTS_PUBLISHED, call, data));
        return eventId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answers(Map<String, Object> body) {
        return new LinkedHashMap<>((Map<String, Object>) body.get("answers"));
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from processed_event where event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }
}
