package de.handinhand.common.messaging.consumer;

import de.handinhand.common.messaging.CloudEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one consumer does with the events of its channel: for each CloudEvents {@code type} the
 * record its data binds to and the effect. Everything else (envelope, validation, inbox,
 * transaction, retries, dead letters, metrics) is the {@link EventDispatcher}'s. Types without a
 * handler are recorded as seen and skipped, so a producer can add event types before every
 * consumer knows them.
 *
 * <pre>{@code
 * EventHandlers.consumer("scoring.submission-events")
 *         .on(EventTypes.SUBMISSION_SUBMITTED, SubmissionSubmitted.class, cases::submitted)
 *         .on(EventTypes.SUBMISSION_WITHDRAWN, SubmissionWithdrawn.class, cases::withdrawn)
 *         .build();
 * }</pre>
 *
 * A handler runs inside the dispatcher's transaction, together with the inbox record of the event.
 * It throws {@link de.handinhand.common.messaging.MalformedEventException} for an event that can
 * never apply (it is dead-lettered at once); any other exception means "not now" and the event is
 * tried again, for as long as it takes.
 */
public final class EventHandlers {

    /** An effect that needs the envelope too, e.g. its {@code time} or {@code subject}. */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T data, CloudEvent event);
    }

    record Binding<T>(Class<T> dataType, Handler<T> handler) {
    }

    private final String consumer;
    private final Map<String, Binding<?>> bindings;

    private EventHandlers(String consumer, Map<String, Binding<?>> bindings) {
        this.consumer = consumer;
        this.bindings = Map.copyOf(bindings);
    }

    /**
     * @param consumer the inbox's name for this consumer, e.g. {@code scoring.submission-events}; it
     *        keys the processed event ids, so it never changes once events were processed under it
     */
    public static Builder consumer(String consumer) {
        return new Builder(consumer);
    }

    public String consumer() {
        return consumer;
    }

    public Set<String> types() {
        return bindings.keySet();
    }

    Optional<Binding<?>> binding(String type) {
        return Optional.ofNullable(bindings.get(type));
    }

    public static final class Builder {

        private final String consumer;
        private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();

        private Builder(String consumer) {
            if (consumer == null || consumer.isBlank()) {
                throw new IllegalArgumentException("a consumer needs a name");
            }
            this.consumer = consumer;
        }

        /** The effect of {@code type}, given the event's validated data. */
        public <T> Builder on(String type, Class<T> dataType, Consumer<T> effect) {
            Objects.requireNonNull(effect, "effect");
            return onEvent(type, dataType, (data, event) -> effect.accept(data));
        }

        /** The effect of {@code type}, given the validated data and the envelope. */
        public <T> Builder onEvent(String type, Class<T> dataType, Handler<T> handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(dataType, "dataType");
            Objects.requireNonNull(handler, "handler");
            if (bindings.putIfAbsent(type, new Binding<>(dataType, handler)) != null) {
                throw new IllegalArgumentException(consumer + " declares " + type + " twice");
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(consumer, bindings);
        }
    }
}
