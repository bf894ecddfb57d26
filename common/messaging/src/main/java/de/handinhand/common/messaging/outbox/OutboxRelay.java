package de.handinhand.common.messaging.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The background loop that drains the outbox: a round whenever a commit wrote events, otherwise
 * every poll interval; while Kafka is unreachable it backs off and tries again, so nothing
 * committed is lost and it is published once Kafka is back. Enabled per service with the build
 * property {@code handinhand.outbox.relay.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "handinhand.outbox.relay.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final OutboxSignal signal;
    private final OutboxConfig config;
    private final OutboxTimings timings;
    private final OutboxRelayStatus status;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(OutboxPublisher publisher, OutboxSignal signal, OutboxConfig config, Config settings,
            OutboxRelayStatus status) {
        this.publisher = publisher;
        this.status = status;
        this.signal = signal;
        this.config = config;
        this.timings = OutboxTimings.of(config.sendTimeout(), settings);
    }

    /** Starts the loop; refuses to start the service when its timings would make the relay send twice. */
    void start(@Observes StartupEvent event) {
        List<String> problems = timings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The outbox relay's timings disagree: " + String.join("; ", problems));
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            Instant started = status.now();
            try {
                int published = publisher.publishBatch();
                if (published < 0) {
                    // The publisher told the status why.
                    backoff = next(backoff);
                    Thread.sleep(backoff.toMillis());
                } else {
                    status.roundSucceeded();
                    backoff = Duration.ZERO;
                    if (published == 0) {
                        signal.await(config.pollInterval());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Database unreachable or similar: nothing was marked, so nothing is lost; try again later.
                status.roundFailed(started, e.toString());
                backoff = next(backoff);
                LOG.warnf("Outbox round failed, next try in %d ms: %s", backoff.toMillis(), e.toString());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.isZero() ? Duration.ofMillis(200) : backoff.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }
}
