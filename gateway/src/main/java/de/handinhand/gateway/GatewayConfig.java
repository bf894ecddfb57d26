package de.handinhand.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;

/** The gateway's settings; each can be set by environment variable (see application.properties). */
@ConfigMapping(prefix = "handinhand.gateway")
public interface GatewayConfig {

    Backends backends();

    /** How long a backend may stay silent on one request before the gateway answers 504. */
    Duration timeout();

    /** Largest request body forwarded; larger ones are refused with 413 before they reach a service. */
    MemorySize maxBodySize();

    /** Largest attachment upload ({@code POST /api/submissions/{id}/attachments}). */
    MemorySize attachmentMaxBodySize();

    interface Backends {

        URI submission();

        URI catalogue();

        URI scoring();
    }
}
