package de.handinhand.scoring.cases;

import static de.handinhand.common.testing.EventFixtures.HEILBRONN;
import static de.handinhand.common.testing.EventFixtures.DACHAU;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CaseConsumptionTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource db;

    InMemorySource<String> source() {
        return connector.source("submission-events");
    }

    @Test
    void aSubmittedEntryBecomesACaseTheOrganizerSees() {
        UUID call = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        source().send(EventFixtures.event(EventTypes.CALL_PUBLISHED, call.toString(), EventFixtures.call(call, "Jury-Test")));
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, HEILBRONN,
                "Willkommen", List.of(EventFixtures.project(1, "Sprachcafé", "Jeden Mittwoch")))));

        JsonPath page = awaitCases(call, 1);
        assertEquals(submission.toString(), page.getString("items[0].submissionId"));
        assertEquals("08125", page.getString("items[0].municipalityId"));
        assertEquals("BW", page.getString("items[0].bundesland"));
        assertEquals("ACTIVE", page.getString("items[0].status"));
        String caseId = page.getString("items[0].id");
        given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/cases/" + caseId).then().statusCode(200)
                .body("summary", equalTo("Kurzfassung Willkommen"))
                .body("answers.C10", equalTo("YES"))
                .body("projects[0].D10", equalTo("Sprachcafé"));
        assertEquals("Jury-Test", em.find(de.handinhand.scoring.calls.CallInfo.class, call).title);
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        UUID call = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        String event = EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, DACHAU, "Einmal",
                List.of()));
        source().send(event);
        String firstUpdate = awaitCases(call, 1).getString("items[0].updatedAt");

        source().send(event);
        // In-order marker: once it is applied, the duplicate before it has been handled too.
        UUID marker = UUID.randomUUID();
        source().send(EventFixtures.event(EventTypes.CALL_PUBLISHED, marker.toString(), EventFixtures.call(marker, "Marker")));
        await().atMost(Duration.ofSeconds(10)).until(() -> callKnown(marker));

        JsonPath page = casesOf(call);
        assertEquals(1, page.getInt("total"));
        assertEquals(firstUpdate, page.getString("items[0].updatedAt"));
    }

    @Test
    void aResubmissionUpdatesTheCaseAndAnOlderVersionCannotRollItBack() {
        UUID call = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 2, HEILBRONN, "Zweite Fassung",
                List.of())));
        awaitCases(call, 1);
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, HEILBRONN, "Erste Fassung",
                List.of())));
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 3, HEILBRONN, "Dritte Fassung",
                List.of())));
        await().atMost(Duration.ofSeconds(10)).until(() -> casesOf(call).getInt("items[0].version") == 3);
        assertEquals("Dritte Fassung", casesOf(call).getString("items[0].title"));
        assertEquals(1, casesOf(call).getInt("total"));
    }

    @Test
    void aWithdrawnEntryKeepsItsCaseMarkedWithdrawn() {
        UUID call = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(submission, call, 1, HEILBRONN, "Zurückgezogen",
                List.of())));
        awaitCases(call, 1);
        source().send(EventFixtures.event(EventTypes.SUBMISSION_WITHDRAWN, submission.toString(),
                EventFixtures.withdrawn(submission, call, HEILBRONN, 1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "WITHDRAWN".equals(casesOf(call).getString("items[0].status")));
    }

    @Test
    void aPoisonEventDoesNotStopTheConsumer() {
        source().send("this is not a cloud event");
        source().send(EventFixtures.event(EventTypes.SUBMISSION_SUBMITTED, "x", java.util.Map.of("title", "no ids")));
        UUID call = UUID.randomUUID();
        UUID submission = UUID.randomUUID();
        SubmissionSubmitted ok = EventFixtures.submitted(submission, call, 1, DACHAU, "Danach", List.of());
        source().send(EventFixtures.submittedEvent(ok));
        awaitCases(call, 1);
    }

    @Test
    void anEventTheJuryTablesRefuseIsDeadLetteredAndTheNextOnesApply() {
        double before = deadLettered();
        UUID call = UUID.randomUUID();
        // Valid as events go, but no case can ever hold them: a municipality without a name, a Land
        // code longer than two letters. Tried again and again, they would hold up every later event.
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(UUID.randomUUID(), call, 1,
                new MunicipalityRef("08125", null, "LANDKREIS", "BW", "08125", 1), "Ohne Namen", List.of())));
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(UUID.randomUUID(), call, 1,
                new MunicipalityRef("09174", "Dachau", "LANDKREIS", "Bayern", "09174", 1), "Zu lang", List.of())));
        UUID fine = UUID.randomUUID();
        source().send(EventFixtures.submittedEvent(EventFixtures.submitted(fine, call, 1, DACHAU, "Danach", List.of())));

        assertEquals(fine.toString(), awaitCases(call, 1).getString("items[0].submissionId"));
        assertEquals(before + 2, deadLettered());
    }

    @Test
    void aPassingFailureIsTriedAgainUntilTheEventApplies() throws Exception {
        UUID call = UUID.randomUUID();
        String title = "Blockiert " + call;
        // A database that refuses this call's row for now, as a lost connection or a full disk would.
        sql("create table if not exists test_gate (title text primary key)",
                "insert into test_gate values ('" + title + "')",
                "create or replace function test_gate_check() returns trigger language plpgsql as $$ begin "
                        + "if exists (select 1 from test_gate g where g.title = new.title) then "
                        + "raise exception 'test gate closed for %', new.title; end if; return new; end $$",
                "drop trigger if exists test_gate_call_info on call_info",
                "create trigger test_gate_call_info before insert on call_info "
                        + "for each row execute function test_gate_check()");
        try {
            double before = retries();
            source().send(EventFixtures.event(EventTypes.CALL_PUBLISHED, call.toString(), EventFixtures.call(call, title)));
            await().atMost(Duration.ofSeconds(10)).until(() -> retries() >= before + 2);
            assertFalse(callKnown(call), "not applied while the database refuses it");

            sql("delete from test_gate where title = '" + title + "'");
            await().atMost(Duration.ofSeconds(30)).until(() -> callKnown(call));
        } finally {
            sql("drop trigger if exists test_gate_call_info on call_info");
        }
    }

    private double deadLettered() {
        return registry.find("handinhand.events.consumed").tag("type", EventTypes.SUBMISSION_SUBMITTED)
                .tag("outcome", "dead-lettered").counters().stream().mapToDouble(Counter::count).sum();
    }

    private double retries() {
        return registry.find("handinhand.events.retries").tag("type", EventTypes.CALL_PUBLISHED).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private JsonPath awaitCases(UUID call, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> casesOf(call).getInt("total") == expected);
        return casesOf(call);
    }

    private JsonPath casesOf(UUID call) {
        return given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/cases?callId=" + call)
                .then().statusCode(200).extract().jsonPath();
    }

    @jakarta.transaction.Transactional
    boolean callKnown(UUID call) {
        return em.find(de.handinhand.scoring.calls.CallInfo.class, call) != null;
    }
}
