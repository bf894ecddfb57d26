package de.handinhand.common.messaging.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the outbox relay; every value can be set by environment variable (HANDINHAND_OUTBOX_...). */
@ConfigMapping(prefix = "handinhand.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service emits. */
    @WithDefault("/handinhand/${quarkus.application.name}")
    String source();

    /** Rows claimed per relay round. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay looks for rows when nothing woke it (other instances' writes, restarts). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long the relay waits for Kafka to acknowledge a round before it gives the rows back: longer
     * than the outbox channel's {@code max.block.ms} + {@code delivery.timeout.ms} (the services set 10 s
     * + 25 s), so that a row is given back only once Kafka has given up on it too, and at least 10 s
     * shorter than the transaction timeout (60 s). {@link OutboxTimings} checks both when the relay starts.
     */
    @WithDefault("40s")
    Duration sendTimeout();

    /** Upper bound of the pause between failed rounds while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * From how long the relay's rounds have been failing its wellness check ({@link OutboxRelayHealth})
     * reports DOWN: longer than one broker election or a send retried within the producer's timeouts.
     */
    @WithDefault("30s")
    Duration unhealthyAfter();

    /**
     * Published rows older than this are purged ({@code MessagingPurge}); until then they show what
     * went out, and when. Unpublished rows are never purged.
     */
    @WithDefault("7d")
    Duration retention();

    Relay relay();

    interface Relay {

        /**
         * Build-time switch: a service that publishes events sets it to true; the relay beans and
         * their Kafka channel exist only there.
         */
        @WithDefault("false")
        boolean enabled();
    }
}
