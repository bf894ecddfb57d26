package de.handinhand.submission.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.outbox.OutboxPublisher;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several relay instances on one outbox table, as in a multi-instance deployment: the service's
 * own relay plus four more workers drain 200 events of 20 aggregates concurrently. Every event
 * must be published exactly once, and each aggregate's events in the order they were written.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OutboxConcurrencyTest {

    static final int AGGREGATES = 20;
    static final int EVENTS_EACH = 10;

    @Inject
    OutboxWriter outbox;

    @Inject
    OutboxPublisher publisher;

    @Inject
    EntityManager em;

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void concurrentRelaysPublishEachEventOnceAndInOrderPerAggregate() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> aggregates = new ArrayList<>();
        for (int a = 0; a < AGGREGATES; a++) {
            aggregates.add(run + "-" + a);
        }
        // Interleaved writes, each in its own transaction, as requests would make them.
        for (int n = 0; n < EVENTS_EACH; n++) {
            int step = n;
            QuarkusTransaction.requiringNew().run(() -> aggregates.forEach(aggregate ->
                    outbox.append("submission-events", "test.ordering", aggregate, Map.of("n", step))));
        }

        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> relays = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                relays.add(() -> {
                    int published = 0;
                    while (pending(run) > 0) {
                        published += Math.max(0, publisher.publishBatch());
                    }
                    return published;
                });
            }
            for (Future<Integer> relay : workers.invokeAll(relays)) {
                relay.get();
            }
        } finally {
            workers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pending(run) == 0);

        List<CloudEvent> received = connector.sink("outbox").received().stream()
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .filter(e -> e.subject() != null && e.subject().startsWith(run))
                .toList();
        assertEquals(AGGREGATES * EVENTS_EACH, received.size(), "each event exactly once");
        assertEquals(AGGREGATES * EVENTS_EACH, received.stream().map(CloudEvent::id).distinct().count());
        Map<String, List<Integer>> order = received.stream().collect(Collectors.groupingBy(CloudEvent::subject,
                Collectors.mapping(e -> e.data().get("n").asInt(), Collectors.toList())));
        List<Integer> expected = java.util.stream.IntStream.range(0, EVENTS_EACH).boxed().toList();
        aggregates.forEach(aggregate -> assertEquals(expected, order.get(aggregate), "order of " + aggregate));
    }

    long pending(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where published_at is null and aggregate_id like ?1")
                .setParameter(1, run + "%").getSingleResult()).longValue());
    }
}
