package de.handinhand.common.messaging.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * {@code /q/health/well}, check "outbox relay": DOWN while the relay's rounds have been failing for
 * longer than {@code handinhand.outbox.unhealthy-after} (Kafka or the database away), with since
 * when, how many rounds failed and the last error. A wellness check, neither readiness nor
 * liveness: the service keeps taking changes while Kafka is away (they wait in the outbox and go
 * out once it is back), so taking it out of the load balancer or restarting it would only refuse
 * or delay entries for nothing; the operator is told instead.
 */
@Wellness
@ApplicationScoped
@IfBuildProperty(name = "handinhand.outbox.relay.enabled", stringValue = "true")
public class OutboxRelayHealth implements HealthCheck {

    private final OutboxRelayStatus status;
    private final Duration unhealthyAfter;
    private final Clock clock;

    /** The bean's constructor; the other one is the tests' (two constructors: CDI needs to be told). */
    @Inject
    public OutboxRelayHealth(OutboxRelayStatus status, OutboxConfig config) {
        this(status, config.unhealthyAfter(), Clock.systemUTC());
    }

    OutboxRelayHealth(OutboxRelayStatus status, Duration unhealthyAfter, Clock clock) {
        this.status = status;
        this.unhealthyAfter = unhealthyAfter;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox relay").up();
        status.failing().ifPresent(f -> {
            response.withData("failing-since", f.since().toString())
                    .withData("failed-rounds", f.rounds())
                    .withData("last-error", String.valueOf(f.lastError()));
            if (Duration.between(f.since(), clock.instant()).compareTo(unhealthyAfter) >= 0) {
                response.down();
            }
        });
        return response.build();
    }
}
