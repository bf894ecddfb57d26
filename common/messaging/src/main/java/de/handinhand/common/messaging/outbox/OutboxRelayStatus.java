package de.handinhand.common.messaging.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the relay's rounds succeed, for {@link OutboxRelayHealth}: since when they fail (the start
 * of the first failed round), how many did, and the last error. A round that published, or found
 * nothing to publish, clears it.
 */
@ApplicationScoped
@IfBuildProperty(name = "handinhand.outbox.relay.enabled", stringValue = "true")
public class OutboxRelayStatus {

    /** The relay has been failing since {@code since}: {@code rounds} rounds, the last with {@code lastError}. */
    public record Failing(Instant since, int rounds, String lastError) {
    }

    private final Clock clock;
    private volatile Failing failing;

    @Inject
    public OutboxRelayStatus() {
        this(Clock.systemUTC());
    }

    OutboxRelayStatus(Clock clock) {
        this.clock = clock;
    }

    /** When a round starts, for {@link #roundFailed}. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * A round that did not get through: Kafka did not acknowledge a send, or the database was away.
     * The relay has got nothing through since the first failed round <em>started</em>: a round waits
     * up to the send timeout before it knows it failed, and that wait is part of the outage.
     */
    public synchronized void roundFailed(Instant roundStarted, String error) {
        Failing before = failing;
        failing = before == null ? new Failing(roundStarted, 1, error)
                : new Failing(before.since(), before.rounds() + 1, error);
    }

    /** A round that published what it claimed, or found nothing to publish. */
    public void roundSucceeded() {
        failing = null;
    }

    public Optional<Failing> failing() {
        return Optional.ofNullable(failing);
    }
}
