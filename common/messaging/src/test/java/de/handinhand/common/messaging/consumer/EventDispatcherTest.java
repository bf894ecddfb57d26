package de.handinhand.common.messaging.consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.testapp.Greeting;
import de.handinhand.common.messaging.testapp.MessagingPostgres;
import de.handinhand.common.messaging.testapp.TestConsumer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher applies an event once, skips a redelivery, dead-letters (nacks) what can never
 * apply at once and without a trace, retries what failed for now until it succeeds while the
 * readiness check says so, and records types nobody handles as seen.
 */
@QuarkusTest
@WithTestResource(MessagingPostgres.class)
class EventDispatcherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @AfterEach
    void openGate() {
        TestConsumer.GATE_CLOSED.set(false);
        TestConsumer.FLAKY_FAILURES.set(0);
    }

    @Test
    void anEventIsAppliedOnceAndARedeliveryChangesNothing() {
        String id = UUID.randomUUID().toString();
        String event = event(id, "test.greeting", new Greeting("Amira", 1));
        assertAcked(send(event));
        assertAcked(send(event));
        assertEquals(List.of("greeted Amira"), effects(id));
        assertTrue(inInbox(id));
    }

    @Test
    void aMalformedEnvelopeIsDeadLetteredAtOnce() {
        Throwable failure = assertNacked(send("{\"specversion\": \"1.0\", \"type\": \"test.greeting\"}"));
        assertTrue(failure.getMessage().contains("id is missing"), failure.getMessage());
        failure = assertNacked(send("not json at all"));
        assertTrue(failure.getMessage().contains("not a CloudEvents JSON document"), failure.getMessage());
    }

    @Test
    void dataThatBreaksTheRecordsConstraintsIsDeadLetteredWithoutATrace() {
        String id = UUID.randomUUID().toString();
        Throwable failure = assertNacked(send(event(id, "test.greeting", new Greeting(" ", 0))));
        assertTrue(failure.getMessage().contains("name is required"), failure.getMessage());
        assertTrue(failure.getMessage().contains("version must be greater than or equal to 1"), failure.getMessage());
        assertEquals(List.of(), effects(id));
        assertTrue(!inInbox(id), "a dead-lettered event is not recorded as processed");
    }

    @Test
    void dataOfTheWrongShapeIsDeadLettered() {
        String id = UUID.randomUUID().toString();
        Throwable failure = assertNacked(send(event(id, "test.greeting", Map.of("name", List.of("a", "b")))));
        assertTrue(failure.getMessage().contains("does not fit Greeting"), failure.getMessage());
    }

    @Test
    void everyConsumerChecksTheSharedEventRecordsTheSameWay() {
        String good = UUID.randomUUID().toString();
        assertAcked(send(event(good, EventTypes.SUBMISSION_SUBMITTED, submitted("09174"))));
        assertEquals(List.of("case for 09174"), effects(good));

        String bad = UUID.randomUUID().toString();
        Throwable failure = assertNacked(send(event(bad, EventTypes.SUBMISSION_SUBMITTED, submitted(null))));
        assertTrue(failure.getMessage().contains("municipality.kreisId is required"), failure.getMessage());
    }

    @Test
    void anAssignmentsSnapshotNeedsAWholeRevisionAndNamedJurors() {
        String good = UUID.randomUUID().toString();
        assertAcked(send(event(good, EventTypes.ASSIGNMENTS_CHANGED, assignments(7, List.of("juror1")))));
        assertEquals(List.of("readers at revision 7"), effects(good));

        Map<String, Object> withoutRevision = new java.util.HashMap<>(assignments(7, List.of("juror1")));
        withoutRevision.remove("revision");
        assertTrue(assertNacked(send(event(UUID.randomUUID().toString(), EventTypes.ASSIGNMENTS_CHANGED,
                withoutRevision))).getMessage().contains("revision"));
        assertNacked(send(event(UUID.randomUUID().toString(), EventTypes.ASSIGNMENTS_CHANGED,
                assignments(1.5, List.of("juror1")))));
        assertTrue(assertNacked(send(event(UUID.randomUUID().toString(), EventTypes.ASSIGNMENTS_CHANGED,
                assignments(8, List.of("juror1", " "))))).getMessage().contains("jurors[1]"));
    }

    @Test
    void aHandlersPoisonVerdictDeadLettersTheEventAndRollsItsEffectBack() {
        String id = UUID.randomUUID().toString();
        Throwable failure = assertNacked(send(event(id, "test.poison", new Greeting("Omar", 1))));
        assertInstanceOf(MalformedEventException.class, failure);
        assertEquals(List.of(), effects(id));
        assertTrue(!inInbox(id));
    }

    @Test
    void aTransientFailureIsRetriedUntilItSucceedsAndAppliesOnce() {
        TestConsumer.FLAKY_FAILURES.set(4);
        TestConsumer.TRIES.set(0);
        String id = UUID.randomUUID().toString();
        assertAcked(send(event(id, "test.flaky", new Greeting("Lina", 1))));
        assertEquals(5, TestConsumer.TRIES.get());
        assertEquals(List.of("flaky Lina"), effects(id), "the failed tries' writes were rolled back");
        assertTrue(inInbox(id));
    }

    @Test
    void aConsumerWaitsAsLongAsItTakesSaysSoAndKeepsTheOrder() {
        TestConsumer.GATE_CLOSED.set(true);
        String gated = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        CompletableFuture<Optional<Throwable>> first = send(event(gated, "test.gated", new Greeting("Yusuf", 1)));
        CompletableFuture<Optional<Throwable>> second = send(event(after, "test.greeting", new Greeting("Mira", 1)));

        await().atMost(DEADLINE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'event consumers' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'event consumers' }.data.'test.test-events.event'",
                        containsString(gated))
                .body("checks.find { it.name == 'event consumers' }.data.'test.test-events.last-error'",
                        containsString("database away")));
        assertTrue(!first.isDone() && !second.isDone(), "nothing is acked, nacked or skipped while it waits");
        assertEquals(List.of(), effects(after), "the next event waits behind the failing one");

        TestConsumer.GATE_CLOSED.set(false);
        assertAcked(first);
        assertAcked(second);
        assertEquals(List.of("gated Yusuf"), effects(gated));
        assertEquals(List.of("greeted Mira"), effects(after));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event consumers' }.status", equalTo("UP"));
    }

    @Test
    void anUnknownTypeIsRecordedAsSeenAndSkipped() {
        String id = UUID.randomUUID().toString();
        assertAcked(send(event(id, "test.something-new", Map.of("anything", 1))));
        assertEquals(List.of(), effects(id));
        assertTrue(inInbox(id));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private CompletableFuture<Optional<Throwable>> send(String payload) {
        CompletableFuture<Optional<Throwable>> outcome = new CompletableFuture<>();
        Message<String> message = Message.of(payload)
                .withAck(() -> {
                    outcome.complete(Optional.empty());
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    outcome.complete(Optional.of(failure));
                    return CompletableFuture.completedFuture(null);
                });
        connector.source("test-events").send(message);
        return outcome;
    }

    private static void assertAcked(CompletableFuture<Optional<Throwable>> outcome) {
        await().atMost(DEADLINE).until(outcome::isDone);
        Optional<Throwable> failure = outcome.join();
        assertTrue(failure.isEmpty(), () -> "expected an ack, got a nack: " + failure.get());
    }

    private static Throwable assertNacked(CompletableFuture<Optional<Throwable>> outcome) {
        await().atMost(DEADLINE).until(outcome::isDone);
        return outcome.join().orElseThrow(() -> new AssertionError("expected a nack (dead letter), got an ack"));
    }

    private static String event(String id, String type, Object data) {
        return CloudEventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION, id, "/handinhand/test", type, "subject-1",
                Instant.now(), "application/json", "corr-" + id, null, CloudEventCodec.toTree(data)));
    }

    private static SubmissionSubmitted submitted(String kreisId) {
        return new SubmissionSubmitted(UUID.randomUUID(), UUID.randomUUID(), "COMPETITION", 1, "LANDKREIS", "Titel",
                null, null, Map.of(), List.of(), List.of(), List.of(), null,
                new MunicipalityRef("09174", "Landkreis Dachau", "LANDKREIS", "BY", kreisId, 158_000),
                Instant.now(), false, "ZUSAMMENLEBEN_HAND_IN_HAND", List.of(), List.of(), null, null, null);
    }

    private static Map<String, Object> assignments(Number revision, List<String> jurors) {
        return Map.of("callId", UUID.randomUUID().toString(), "submissionId", UUID.randomUUID().toString(),
                "revision", revision, "jurors", jurors, "changedAt", "2026-05-01T10:00:00Z");
    }

    @SuppressWarnings("unchecked")
    private List<String> effects(String eventId) {
        return em.createNativeQuery("select note from test_effect where event_id = ?1 order by id")
                .setParameter(1, eventId).getResultList();
    }

    private boolean inInbox(String eventId) {
        return !em.createNativeQuery("select 1 from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, TestConsumer.CONSUMER).setParameter(2, eventId).getResultList().isEmpty();
    }
}
