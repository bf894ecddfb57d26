package de.handinhand.common.messaging.purge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the purge of outbox and inbox runs (HANDINHAND_PURGE_...); what it keeps is
 * {@code handinhand.outbox.retention} and {@code handinhand.inbox.retention}.
 */
@ConfigMapping(prefix = "handinhand.purge")
public interface PurgeConfig {

    /**
     * On per service, once it has adopted common-messaging's tables (see common/ADOPTING.md): off by
     * default because a service may still read its own published events back from the outbox (the
     * scoring service's published results do), and those rows must not go before it stops doing so.
     */
    @WithDefault("false")
    boolean enabled();

    /** How often the purge runs (a Quarkus scheduler interval such as 1h or 15m); read by {@code @Scheduled}. */
    @WithDefault("1h")
    String interval();

    /** Rows deleted per statement, so no purge holds many locks or a long transaction. */
    @WithDefault("1000")
    int batchSize();

    /** Upper bound of batches per table and run; what is left waits for the next run. */
    @WithDefault("100")
    int maxBatches();
}
