package de.handinhand.common.messaging.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The consumers' inbox of processed event ids (HANDINHAND_INBOX_...). */
@ConfigMapping(prefix = "handinhand.inbox")
public interface InboxConfig {

    /**
     * Processed event ids older than this are purged. It must be longer than any redelivery a
     * consumer can see: at least the retention of the topics it reads (Kafka's default: 7 days)
     * plus the longest a consumer may lag behind. An event redelivered after its id was purged is
     * applied again; the version checks of submitted entries, assignments and results make such a
     * replay harmless for those, but not for every event (an old {@code handinhand.call.published}
     * would roll the call's dates back).
     */
    @WithDefault("30d")
    Duration retention();
}
