package de.handinhand.common.messaging.consumer;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.inbox.Inbox;
import de.handinhand.common.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Runs every consumer's events through the same steps, so every consumer agrees on what a valid
 * event is and what happens to one that fails:
 * <ol>
 * <li>read the CloudEvents envelope and bind {@code data} to the handler's record, then check the
 * record's constraints: an event that fails here can never apply and is dead-lettered at once;</li>
 * <li>in one transaction, record the event id in the inbox and run the handler: a redelivered event
 * finds its id and changes nothing, a type without a handler is recorded as seen and skipped;</li>
 * <li>a handler's {@link MalformedEventException} dead-letters the event too; any other failure (the
 * database or a lock briefly away) rolls the transaction back and the event is tried again, with
 * a pause doubling up to {@link EventsConfig.Retry#maxBackoff()}, <em>without a time limit</em>: the
 * next events of the channel wait behind it, so their order holds, and
 * {@link EventConsumersHealth} reports the wait instead of an event being dropped.</li>
 * </ol>
 * Logs carry the event's correlation id as {@code requestId}; {@code handinhand.events.consumed}
 * counts outcomes by type, {@code handinhand.events.retries} the failed tries.
 */
@ApplicationScoped
public class EventDispatcher {

    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    /** What became of one delivery. */
    public enum Outcome {
        APPLIED, DUPLICATE, IGNORED
    }

    /** A consumer that has been retrying one event since {@code since}. */
    public record Waiting(String consumer, String eventId, String type, Instant since, int failures,
            String lastError) {
    }

    private final Inbox inbox;
    private final Validator validator;
    private final MeterRegistry metrics;
    private final EventsConfig config;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    public EventDispatcher(Inbox inbox, Validator validator, MeterRegistry metrics, EventsConfig config) {
        this.inbox = inbox;
        this.validator = validator;
        this.metrics = metrics;
        this.config = config;
    }

    /**
     * For an {@code @Incoming @Blocking} method that takes {@code Message<String>}: acks the message
     * once the event is applied (or known), nacks it, and so sends it to the channel's dead-letter
     * topic, when it can never apply. While the service shuts down in the middle of retries it
     * does neither: the offset stays uncommitted and the event comes again after the restart.
     */
    public CompletionStage<Void> dispatch(EventHandlers handlers, Message<String> message) {
        try {
            process(handlers, message.getPayload());
            return message.ack();
        } catch (MalformedEventException e) {
            return message.nack(e);
        } catch (Stopped e) {
            return new CompletableFuture<>();
        }
    }

    /**
     * Processes one delivery; returns once it is applied or known, however many tries that takes.
     *
     * @throws MalformedEventException if the event can never apply (dead-letter it)
     */
    public Outcome process(EventHandlers handlers, String payload) {
        CloudEvent event;
        try {
            event = CloudEventCodec.read(payload);
        } catch (MalformedEventException e) {
            deadLettered(handlers, "unknown", null, e);
            throw e;
        }
        if (event.correlationid() != null) {
            MDC.put(RequestIds.MDC_KEY, event.correlationid());
        }
        try {
            EventHandlers.Binding<?> binding = handlers.binding(event.type()).orElse(null);
            Object data = binding == null ? null : bind(event, binding.dataType());
            Outcome outcome = withRetries(handlers.consumer(), event,
                    () -> QuarkusTransaction.requiringNew().call(() -> apply(handlers, event, binding, data)));
            metrics.counter("handinhand.events.consumed", "type", event.type(), "outcome",
                    outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
            LOG.debugf("%s: %s %s %s", handlers.consumer(), outcome, event.type(), event.id());
            return outcome;
        } catch (MalformedEventException e) {
            deadLettered(handlers, event.type(), event.id(), e);
            throw e;
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** The consumers retrying an event right now; empty when all are keeping up. */
    public Collection<Waiting> waiting() {
        return List.copyOf(waiting.values());
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    private <T> T bind(CloudEvent event, Class<T> type) {
        T data = CloudEventCodec.data(event, type);
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new MalformedEventException("data of " + event.type() + " " + event.id() + " is invalid: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                            .reduce((a, b) -> a + "; " + b).orElse(""));
        }
        return data;
    }

    private Outcome apply(EventHandlers handlers, CloudEvent event, EventHandlers.Binding<?> binding, Object data) {
        if (!inbox.firstDelivery(handlers.consumer(), event.id(), event.type())) {
            return Outcome.DUPLICATE;
        }
        if (binding == null) {
            return Outcome.IGNORED;
        }
        invoke(binding, data, event);
        return Outcome.APPLIED;
    }

    private static <T> void invoke(EventHandlers.Binding<T> binding, Object data, CloudEvent event) {
        binding.handler().handle(binding.dataType().cast(data), event);
    }

    private <T> T withRetries(String consumer, CloudEvent event, Supplier<T> attempt) {
        Duration backoff = config.retry().initialBackoff();
        Instant since = null;
        int failures = 0;
        while (true) {
            try {
                T result = attempt.get();
                if (failures > 0) {
                    LOG.infof("%s: %s %s applied after %d failed tries", consumer, event.type(), event.id(), failures);
                }
                waiting.remove(consumer);
                return result;
            } catch (RuntimeException e) {
                MalformedEventException poison = poison(e);
                if (poison != null) {
                    waiting.remove(consumer);
                    throw poison;
                }
                failures++;
                since = since == null ? Instant.now() : since;
                waiting.put(consumer, new Waiting(consumer, event.id(), event.type(), since, failures, e.toString()));
                metrics.counter("handinhand.events.retries", "type", event.type()).increment();
                Duration pause = jitter(backoff);
                LOG.warnf("%s: %s %s failed (try %d), trying again in %d ms: %s", consumer, event.type(), event.id(),
                        failures, pause.toMillis(), e.toString());
                if (pausedUntilStopped(pause)) {
                    waiting.remove(consumer);
                    throw new Stopped();
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(config.retry().maxBackoff()) > 0 ? config.retry().maxBackoff() : doubled;
            }
        }
    }

    /** @return true if the service is shutting down */
    private boolean pausedUntilStopped(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** ±20 %, so instances that failed together do not all come back in the same millisecond. */
    private static Duration jitter(Duration backoff) {
        long millis = backoff.toMillis();
        long spread = millis / 5;
        return Duration.ofMillis(spread == 0 ? millis : millis - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }

    /** A handler's poison signal, even when a transaction or proxy wrapped it. */
    private static MalformedEventException poison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MalformedEventException m) {
                return m;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private void deadLettered(EventHandlers handlers, String type, String id, MalformedEventException e) {
        metrics.counter("handinhand.events.consumed", "type", type, "outcome", "dead-lettered").increment();
        LOG.warnf("%s: event %s of type %s goes to the dead-letter topic: %s", handlers.consumer(), id, type,
                e.getMessage());
    }

    /** The service stops while an event waits for its next try. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("shutting down", null, false, false);
        }
    }
}
