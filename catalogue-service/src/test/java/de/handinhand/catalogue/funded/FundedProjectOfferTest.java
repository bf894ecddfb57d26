package de.handinhand.catalogue.funded;

import static de.handinhand.common.testing.EventFixtures.EPPINGEN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.MutableClock;
import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A funded project of a Kreis-run funding call becomes a proposed offer of its Kreis when its
 * project starts: at once when the results come after the start day, otherwise by the job on the
 * start day (Berlin calendar); never for an entry without a grant; once, however often the events
 * come; and a correction that takes the grant away before the start keeps it from being proposed.
 */
@QuarkusTest
@WithPostgresAndOidc
class FundedProjectOfferTest {

    static final String HEILBRONN_OFFICE = TestTokens.publisher("hn-office", "08125");
    static final String DACHAU_OFFICE = TestTokens.publisher("dah-office", "09174");
    /** 11:00 in Berlin on 1 December 2026. */
    static final Instant MORNING = Instant.parse("2026-12-01T10:00:00Z");
    /** 00:30 in Berlin on 2 December: still 1 December in UTC. */
    static final Instant AFTER_MIDNIGHT = Instant.parse("2026-12-01T23:30:00Z");
    static final LocalDate STARTED = LocalDate.parse("2026-11-01");
    static final LocalDate TOMORROW = LocalDate.parse("2026-12-02");

    final MutableClock clock = new MutableClock(MORNING);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    FundedProjects funded;

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void aFundedProjectThatHasStartedIsProposedToItsKreisOfficeAtOnce() {
        UUID call = UUID.randomUUID();
        UUID grantee = UUID.randomUUID();
        UUID unfunded = UUID.randomUUID();
        submit(grantee, call, 1, STARTED, "Sprachtandem Eppingen");
        submit(unfunded, call, 1, STARTED, "Nähcafé Eppingen");
        String results = results(UUID.randomUUID().toString(), call, 1, grants(grantee, 250_000L, unfunded, 0L));
        scoring(results);

        Map<String, Object> proposal = awaitProposal(grantee);
        assertEquals("Sprachtandem Eppingen", title(proposal));
        String id = proposal.get("id").toString();
        given().auth().oauth2(HEILBRONN_OFFICE).get("/api/catalogue/offers/" + id).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("kreisId", equalTo("08125"))
                .body("provider", equalTo("Asylarbeitskreis Eppingen")).body("municipality", equalTo("Eppingen"))
                .body("origin.submissionId", equalTo(grantee.toString())).body("origin.project", equalTo(0))
                .body("validFrom", equalTo("2026-11-01")).body("validUntil", equalTo("2027-10-31"))
                .body("description.de", equalTo("Beschreibung Sprachtandem Eppingen"));
        given().auth().oauth2(HEILBRONN_OFFICE).get("/api/catalogue/offers/" + id + "/history").then()
                .statusCode(200).body("items.action", contains("PROPOSED"));

        // Another Kreis's office, the public and a submitter do not see it.
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/" + id).then().statusCode(404);
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=200").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().get("/api/catalogue/offers/" + id).then().statusCode(404);

        // The same event again, the same revision under a new id, and the entry again: still one proposal.
        scoring(results);
        scoring(results(UUID.randomUUID().toString(), call, 1, grants(grantee, 250_000L, unfunded, 0L)));
        submit(grantee, call, 1, STARTED, "Sprachtandem Eppingen");
        // A resubmitted version (a correction of the entry) does not retire the funded project's proposal.
        submit(grantee, call, 2, STARTED, "Sprachtandem Eppingen und Umgebung");
        marker();
        assertEquals(List.of(id), ids(proposals(HEILBRONN_OFFICE, grantee)));
        assertEquals(List.of(), proposals(HEILBRONN_OFFICE, unfunded));

        // The Kreis office reviews it like any proposal.
        given().auth().oauth2(HEILBRONN_OFFICE).post("/api/catalogue/offers/" + id + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
        given().get("/api/catalogue/offers/" + id).then().statusCode(200);
    }

    @Test
    void aProjectStartingLaterIsProposedOnItsStartDayInBerlin() {
        UUID call = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        // Results before the entry's data this time: the two topics come in either order.
        scoring(results(UUID.randomUUID().toString(), call, 1, grants(later, 400_000L)));
        submit(later, call, 1, TOMORROW, "Fahrradwerkstatt Eppingen");
        marker();
        assertEquals(List.of(), proposals(HEILBRONN_OFFICE, later));
        funded.proposeDue();
        assertEquals(List.of(), proposals(HEILBRONN_OFFICE, later), "not before the start day");

        clock.set(AFTER_MIDNIGHT);
        funded.proposeDue();
        Map<String, Object> proposal = awaitProposal(later);
        assertEquals("Fahrradwerkstatt Eppingen", title(proposal));
        assertEquals("2026-12-02", proposal.get("validFrom"));
        funded.proposeDue();
        assertEquals(1, proposals(HEILBRONN_OFFICE, later).size());
    }

    @Test
    void aCorrectionThatTakesTheGrantAwayBeforeTheStartKeepsItFromBeingProposed() {
        UUID call = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        UUID started = UUID.randomUUID();
        submit(withdrawn, call, 1, TOMORROW, "Theatergruppe Eppingen");
        submit(started, call, 1, STARTED, "Kochtreff Eppingen");
        scoring(results(UUID.randomUUID().toString(), call, 1, grants(withdrawn, 300_000L, started, 200_000L)));
        String startedOffer = awaitProposal(started).get("id").toString();

        scoring(results(UUID.randomUUID().toString(), call, 2, grants(withdrawn, 0L, started, 0L)));
        // The first revision arriving late does not bring the grant back.
        scoring(results(UUID.randomUUID().toString(), call, 1, grants(withdrawn, 300_000L, started, 200_000L)));
        marker();
        clock.set(AFTER_MIDNIGHT);
        funded.proposeDue();
        assertEquals(List.of(), proposals(HEILBRONN_OFFICE, withdrawn));
        // A proposal made before the correction stays: the office decides.
        assertEquals(List.of(startedOffer), ids(proposals(HEILBRONN_OFFICE, started)));
    }

    @Test
    void competitionResultsAndWithdrawnEntriesProposeNothing() {
        UUID call = UUID.randomUUID();
        UUID entry = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        submit(entry, call, 1, STARTED, "Wettbewerbsbeitrag");
        submit(withdrawn, call, 1, STARTED, "Zurückgezogen");
        connector.source("submission-events").send(EventFixtures.event(EventTypes.SUBMISSION_WITHDRAWN,
                withdrawn.toString(), EventFixtures.withdrawn(withdrawn, call, EPPINGEN, 1)));
        Map<UUID, Long> none = new LinkedHashMap<>();
        none.put(entry, null);
        none.put(withdrawn, 100_000L);
        scoring(results(UUID.randomUUID().toString(), call, 1, none));
        marker();
        funded.proposeDue();
        assertEquals(List.of(), proposals(HEILBRONN_OFFICE, entry));
        assertEquals(List.of(), proposals(HEILBRONN_OFFICE, withdrawn));
    }

    /** A funded project that has started, proposed: every event sent before it has been handled. */
    private void marker() {
        UUID marker = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        submit(marker, call, 1, STARTED, "Marker " + marker);
        scoring(results(UUID.randomUUID().toString(), call, 1, grants(marker, 100L)));
        awaitProposal(marker);
    }

    private void submit(UUID submission, UUID call, int version, LocalDate start, String title) {
        SubmissionSubmitted base = EventFixtures.submitted(submission, call, version, EPPINGEN, title, List.of());
        SubmissionSubmitted s = new SubmissionSubmitted(base.submissionId(), base.callId(), "FUNDING", version,
                "GEMEINDE_KLEIN", title, base.summary(), base.description(), Map.of(), List.of(),
                base.fieldsOfAction(), base.targetGroups(), 500_000L, EPPINGEN, base.submittedAt(), false,
                "PROJEKTFOERDERUNG", List.of(), List.of(), "Asylarbeitskreis Eppingen", start,
                start.plusMonths(12).minusDays(1));
        connector.source("submission-events").send(EventFixtures.submittedEvent(s));
    }

    private void scoring(String event) {
        connector.source("scoring-events").send(event);
    }

    private static Map<UUID, Long> grants(Object... pairs) {
        Map<UUID, Long> grants = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            grants.put((UUID) pairs[i], (Long) pairs[i + 1]);
        }
        return grants;
    }

    private static String results(String id, UUID call, int revision, Map<UUID, Long> grants) {
        List<ResultsPublished.Entry> entries = grants.entrySet().stream()
                .map(e -> new ResultsPublished.Entry(e.getKey(), EPPINGEN.id(), EPPINGEN.name(), "Projekt", 1, 1.0,
                        1.0, 3, false, e.getValue(), List.of()))
                .toList();
        ResultsPublished data = new ResultsPublished(call, "Gemeinsam in Vielfalt", "FUNDING", Instant.now(),
                "normalized", 0, List.of(new ResultsPublished.Category("GEMEINDE_KLEIN", entries)), revision,
                revision > 1, revision > 1 ? "Gremium hat neu entschieden" : null);
        return CloudEventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION, id, "/handinhand/scoring-service",
                EventTypes.RESULTS_PUBLISHED, call.toString(), Instant.now(), "application/json", "test-" + id, null,
                CloudEventCodec.toTree(data)));
    }

    private static Map<String, Object> awaitProposal(UUID submission) {
        await().atMost(Duration.ofSeconds(10)).until(() -> proposals(HEILBRONN_OFFICE, submission).size() == 1);
        return proposals(HEILBRONN_OFFICE, submission).get(0);
    }

    private static List<String> ids(List<Map<String, Object>> offers) {
        return offers.stream().map(o -> o.get("id").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private static String title(Map<String, Object> offer) {
        return ((Map<String, String>) offer.get("title")).get("de");
    }

    /** The office's proposed offers from one entry. */
    private static List<Map<String, Object>> proposals(String office, UUID submission) {
        List<Map<String, Object>> all = given().auth().oauth2(office)
                .get("/api/catalogue/offers?status=PROPOSED&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return all.stream().filter(o -> o.get("origin") instanceof Map<?, ?> origin
                && submission.toString().equals(origin.get("submissionId"))).toList();
    }
}
