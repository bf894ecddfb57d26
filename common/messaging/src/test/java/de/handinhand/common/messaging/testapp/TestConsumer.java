package de.handinhand.common.messaging.testapp;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.consumer.EventDispatcher;
import de.handinhand.common.messaging.consumer.EventHandlers;
import de.handinhand.common.messaging.events.AssignmentsChanged;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer in the shape the services' consumers take: a set of handlers and one line that hands
 * each message to the dispatcher. Its handlers write a row per applied event; one fails a given
 * number of times, one fails while a gate is closed, one declares its event poison.
 */
@ApplicationScoped
public class TestConsumer {

    public static final String CONSUMER = "test.test-events";

    /** Tries of {@code test.flaky} that fail before one succeeds. */
    public static final AtomicInteger FLAKY_FAILURES = new AtomicInteger();
    /** While true, {@code test.gated} fails as if the database were away. */
    public static final AtomicBoolean GATE_CLOSED = new AtomicBoolean();
    public static final AtomicInteger TRIES = new AtomicInteger();

    private final EventDispatcher dispatcher;
    private final EntityManager em;
    private final EventHandlers handlers;

    public TestConsumer(EventDispatcher dispatcher, EntityManager em) {
        this.dispatcher = dispatcher;
        this.em = em;
        this.handlers = EventHandlers.consumer(CONSUMER)
                .onEvent("test.greeting", Greeting.class, (g, event) -> effect(event, "greeted " + g.name()))
                .onEvent("test.flaky", Greeting.class, this::flaky)
                .onEvent("test.gated", Greeting.class, this::gated)
                .onEvent("test.poison", Greeting.class, this::poison)
                .onEvent(EventTypes.SUBMISSION_SUBMITTED, SubmissionSubmitted.class,
                        (s, event) -> effect(event, "case for " + s.municipality().kreisId()))
                .onEvent(EventTypes.ASSIGNMENTS_CHANGED, AssignmentsChanged.class,
                        (a, event) -> effect(event, "readers at revision " + a.revision()))
                .build();
    }

    @Incoming("test-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return dispatcher.dispatch(handlers, message);
    }

    private void flaky(Greeting g, CloudEvent event) {
        TRIES.incrementAndGet();
        // Written before the failure: the rollback must take it away again.
        effect(event, "flaky " + g.name());
        if (FLAKY_FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            em.flush();
            throw new IllegalStateException("database briefly away");
        }
    }

    private void gated(Greeting g, CloudEvent event) {
        effect(event, "gated " + g.name());
        if (GATE_CLOSED.get()) {
            em.flush();
            throw new IllegalStateException("database away until the gate opens");
        }
    }

    private void poison(Greeting g, CloudEvent event) {
        effect(event, "poisoned " + g.name());
        em.flush();
        throw new MalformedEventException("greeting " + g.name() + " can never apply");
    }

    private void effect(CloudEvent event, String note) {
        TestEffect effect = new TestEffect();
        effect.eventId = event.id();
        effect.note = note;
        em.persist(effect);
    }
}
