package de.handinhand.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The gateway's settings; each can be set by environment variable (see application.properties). */
@ConfigMapping(prefix = "handinhand.gateway")
public interface GatewayConfig {

    Backends backends();

    /**
     * How long a service may take to start its answer once the request (with its whole body) has reached
     * it, per route group, before the gateway answers 504. Time spent receiving the caller's body does not
     * count, so a slow upload is never cut by the timeout.
     */
    Timeouts timeouts();

    /** Largest request body forwarded; larger ones are refused with 413 before they reach a service. */
    MemorySize maxBodySize();

    /** Largest attachment upload ({@code POST /api/submissions/{id}/attachments}). */
    MemorySize attachmentMaxBodySize();

    RateLimit rateLimit();

    OpenApi openapi();

    interface Backends {

        URI submission();

        URI catalogue();

        URI scoring();
    }

    interface Timeouts {

        /** Reads (GET, HEAD, OPTIONS) other than the long-running ones: a read that takes longer is stuck. */
        Duration read();

        /** Every other request: writes. */
        @WithName("default")
        Duration writes();

        /**
         * Long-running requests: attachment uploads ({@code POST /api/submissions/{id}/attachments}) and the
         * legacy import ({@code /api/imports/...}), whose services check and store whole files.
         */
        Duration upload();
    }

    /**
     * Requests per client and route group: a token bucket refilled at {@code requestsPerSecond} that
     * holds at most {@code burst} requests. Each group has its own bucket per client.
     */
    interface RateLimit {

        @WithDefault("true")
        boolean enabled();

        /** Reads that no other group covers. */
        @WithName("default")
        Limit reads();

        /** Public catalogue reads (search, offers, HSDS export): the most expensive reads behind the gateway. */
        Limit search();

        /** Every method other than GET/HEAD/OPTIONS, except attachment uploads. */
        Limit writes();

        /** {@code POST /api/submissions/{id}/attachments}. */
        Limit uploads();

        /**
         * Buckets held at most; an idle client's bucket is dropped as soon as it has refilled. When the
         * table is full, new clients share one bucket per group until it has room again.
         */
        @WithDefault("100000")
        int maxClients();

        /**
         * Addresses or CIDR ranges of proxies in front of the gateway whose X-Forwarded-For names the
         * anonymous caller. Empty: the connection's address counts and X-Forwarded-For is ignored.
         */
        Optional<List<String>> trustedProxies();
    }

    /** The merged OpenAPI document at {@code /q/openapi}. */
    interface OpenApi {

        /** How long the merged document is served before the services are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long a service's {@code /q/openapi} may stay silent before its last good document is used. */
        @WithDefault("5s")
        Duration fetchTimeout();

        /** The API version the merged document states. */
        @WithDefault("1.0")
        String version();

        /** The Keycloak realm as browsers reach it (issuer URL); the document's OpenID Connect scheme points at it. */
        URI oidcUrl();

        /** The gateway's address as callers reach it, for {@code servers}; unset: taken from each request. */
        Optional<URI> publicUrl();
    }

    interface Limit {

        double requestsPerSecond();

        int burst();
    }
}
