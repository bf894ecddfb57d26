package de.handinhand.common.messaging.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers retry what failed for now (HANDINHAND_EVENTS_RETRY_...). */
@ConfigMapping(prefix = "handinhand.events")
public interface EventsConfig {

    Retry retry();

    interface Retry {

        /** The pause after the first failure; it doubles with every further failure. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** The longest pause between two tries: how soon a recovered database is noticed. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * From how long an event has been waiting the consumer's readiness check reports DOWN, so a
         * stuck consumer is seen; a single failed try (a deadlock, a failover) does not flap it.
         */
        @WithDefault("10s")
        Duration unhealthyAfter();
    }
}
