package de.handinhand.common.messaging.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: DOWN while one of them has been retrying an event for longer
 * than {@code handinhand.events.retry.unhealthy-after}, naming the consumer, the event, how many
 * tries failed and the last error. Readiness, not liveness: a restart does not bring a database
 * back, and the waiting event is applied as soon as it is.
 */
@Readiness
@ApplicationScoped
public class EventConsumersHealth implements HealthCheck {

    private final EventDispatcher dispatcher;
    private final EventsConfig config;

    public EventConsumersHealth(EventDispatcher dispatcher, EventsConfig config) {
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumers").up();
        Instant now = Instant.now();
        for (EventDispatcher.Waiting w : dispatcher.waiting()) {
            Duration waited = Duration.between(w.since(), now);
            String prefix = w.consumer() + ".";
            response.withData(prefix + "waiting-since", w.since().toString())
                    .withData(prefix + "event", w.type() + " " + w.eventId())
                    .withData(prefix + "failed-tries", w.failures())
                    .withData(prefix + "last-error", w.lastError());
            if (waited.compareTo(config.retry().unhealthyAfter()) >= 0) {
                response.down();
            }
        }
        return response.build();
    }
}
