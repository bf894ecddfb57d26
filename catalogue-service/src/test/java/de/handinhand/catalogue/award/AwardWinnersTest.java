package de.handinhand.catalogue.award;

import static de.handinhand.common.testing.EventFixtures.DACHAU;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * handinhand.results.published marks the offers of winning entries as award winners: once per
 * event, corrected by a later publication, not by an older one, carried over to offers derived
 * later, and a poison event does not stop the consumer.
 */
@QuarkusTest
@WithPostgresAndOidc
class AwardWinnersTest {

    static final String OFFICE = TestTokens.publisher("dah-office", "09174");

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void winnersOffersAreMarkedAndCorrectionsApply() {
        UUID call = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        submit(a, call, 1, 2);
        submit(b, call, 1, 1);
        awaitOffers(a, 2);
        awaitOffers(b, 1);

        Instant first = Instant.now().minusSeconds(60);
        String eventId = UUID.randomUUID().toString();
        String results = results(eventId, call, first, Map.of(a, true, b, false));
        connector.source("scoring-events").send(results);
        await().atMost(Duration.ofSeconds(10)).until(() -> awards(a).equals(List.of(true, true)));
        assertEquals(List.of(false), awards(b));

        // The same event again changes nothing: one AWARDED entry in the history.
        connector.source("scoring-events").send(results);
        // A later event on the same channel proves the duplicate was read before it.
        UUID marker = UUID.randomUUID();
        submit(marker, UUID.randomUUID(), 1, 1);
        awaitOffers(marker, 1);
        connector.source("scoring-events").send(results(UUID.randomUUID().toString(), UUID.randomUUID(),
                Instant.now(), Map.of(marker, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> awards(marker).equals(List.of(true)));
        String offerOfA = offers(a).get(0).get("id").toString();
        assertEquals(1L, given().auth().oauth2(OFFICE).get("/api/catalogue/offers/" + offerOfA + "/history").then()
                .statusCode(200).extract().jsonPath().getList("items.action").stream().filter("AWARDED"::equals).count());

        // Corrected results: b wins, a no longer.
        connector.source("scoring-events").send(results(UUID.randomUUID().toString(), call, first.plusSeconds(30),
                Map.of(a, false, b, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> awards(b).equals(List.of(true)));
        assertEquals(List.of(false, false), awards(a));

        // An older publication arriving late does not undo the newer one.
        connector.source("scoring-events").send(results(UUID.randomUUID().toString(), call, first.minusSeconds(30),
                Map.of(a, true, b, false)));
        UUID marker2 = UUID.randomUUID();
        connector.source("scoring-events").send(results(UUID.randomUUID().toString(), UUID.randomUUID(),
                Instant.now(), Map.of(marker2, true)));
        submit(marker2, UUID.randomUUID(), 1, 1);
        // marker2's offer is created after its results: it is born a winner.
        await().atMost(Duration.ofSeconds(10)).until(() -> awards(marker2).equals(List.of(true)));
        assertEquals(List.of(true), awards(b));
        assertEquals(List.of(false, false), awards(a));

        // A new project in b's next version carries b's award.
        submit(b, call, 2, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> awards(b).equals(List.of(true, true)));
    }

    @Test
    void aPoisonEventDoesNotStopTheConsumer() {
        connector.source("scoring-events").send("{\"specversion\": \"1.0\"}");
        connector.source("scoring-events").send(EventFixtures.event(EventTypes.RESULTS_PUBLISHED, "x",
                Map.of("categories", List.of())));
        UUID winner = UUID.randomUUID();
        submit(winner, UUID.randomUUID(), 1, 1);
        awaitOffers(winner, 1);
        connector.source("scoring-events").send(results(UUID.randomUUID().toString(), UUID.randomUUID(), Instant.now(),
                Map.of(winner, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> awards(winner).equals(List.of(true)));
    }

    private void submit(UUID submission, UUID call, int version, int projects) {
        List<de.handinhand.common.messaging.events.ProjectSnapshot> list = java.util.stream.IntStream
                .rangeClosed(1, projects).mapToObj(i -> EventFixtures.project(i, "Projekt " + i, "")).toList();
        connector.source("submission-events").send(EventFixtures.submittedEvent(
                EventFixtures.submitted(submission, call, version, DACHAU, "Beitrag " + submission, list)));
    }

    private static String results(String id, UUID call, Instant at, Map<UUID, Boolean> winners) {
        List<Map<String, Object>> entries = winners.entrySet().stream().map(e -> Map.<String, Object>of(
                "submissionId", e.getKey().toString(), "rank", e.getValue() ? 1 : 2, "winner", e.getValue()))
                .collect(Collectors.toList());
        Map<String, Object> data = Map.of("callId", call.toString(), "rankedBy", "normalized",
                "categories", List.of(Map.of("category", "LANDKREIS", "entries", entries)));
        return CloudEventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION, id, "/handinhand/scoring-service",
                EventTypes.RESULTS_PUBLISHED, call.toString(), at, "application/json", "test-" + id, null,
                CloudEventCodec.toTree(data)));
    }

    private static void awaitOffers(UUID submission, int expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> offers(submission).size() == expected);
    }

    private static List<Boolean> awards(UUID submission) {
        return offers(submission).stream().map(o -> (Boolean) o.get("awardWinner")).toList();
    }

    /** The Dachau office's proposed offers derived from one entry, by project. */
    private static List<Map<String, Object>> offers(UUID submission) {
        List<Map<String, Object>> all = given().auth().oauth2(OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return all.stream().filter(o -> o.get("origin") instanceof Map<?, ?> origin
                        && submission.toString().equals(origin.get("submissionId")))
                .sorted(java.util.Comparator.comparing(o -> ((Number) ((Map<?, ?>) o.get("origin")).get("project")).intValue()))
                .toList();
    }
}
