package de.handinhand.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gateway's settings; each can be set by environment variable (see application.properties). */
@ConfigMapping(prefix = "handinhand.gateway")
public interface GatewayConfig {

    /**
     * The services behind the gateway by name ({@code submission}, ...): where each listens and which
     * path prefixes it serves. This is the gateway's one routing table; who may call what, which requests
     * upload files and which reads are public it reads from each service's OpenAPI document instead.
     */
    Map<String, Backend> backends();

    /**
     * How long a service may take to start its answer once the request (with its whole body) has reached
     * it, per route group, before the gateway answers 504. Time spent receiving the caller's body does not
     * count, so a slow upload is never cut by the timeout.
     */
    Timeouts timeouts();

    /** Largest request body forwarded; larger ones are refused with 413 before they reach a service. */
    MemorySize maxBodySize();

    /**
     * Largest file upload: an operation whose request body is a file (a media type that is neither JSON
     * nor text, e.g. {@code application/pdf} or {@code *}{@code /*}), such as an attachment upload.
     */
    MemorySize attachmentMaxBodySize();

    RateLimit rateLimit();

    OpenApi openapi();

    TokenCache tokenCache();

    interface Backend {

        /**
         * Where the service listens, e.g. {@code http://submission-service:8081}; several instances
         * comma-separated ({@code http://localhost:8081,http://localhost:39001}), which the gateway takes
         * in turn, trying the next when one cannot be reached.
         */
        List<URI> url();

        /**
         * The path prefixes it serves, whole segments ({@code /api/calls} covers {@code /api/calls/x}, not
         * {@code /api/callsx}); where two backends' prefixes overlap the longer one wins.
         */
        List<String> prefixes();
    }

    interface Timeouts {

        /** Reads (GET, HEAD, OPTIONS) other than the long-running ones: a read that takes longer is stuck. */
        Duration read();

        /**
         * How long one instance of a service with several may take to start answering a read (GET, HEAD,
         * OPTIONS without a body) before the gateway sends it to the next instance, within the read's own
         * timeout: an instance just started (its code not yet compiled) or stalled does not hold the caller
         * for the whole timeout while another could answer. Writes are never sent twice.
         */
        Duration readTry();

        /**
         * How long an instance of a service with several that refused a connection (down, restarting) is
         * asked only after the others: meanwhile a read is not cut at {@link #readTry()} when every other
         * instance is such, so the live one has the whole read timeout instead of a try followed by the dead
         * one's refusal and a 504. A connection it accepts again ends this at once.
         */
        Duration skipUnreachable();

        /** Every other request: writes. */
        @WithName("default")
        Duration writes();

        /**
         * Long-running requests, whose services check and store whole files: operations whose request body
         * is a file (attachment uploads) or plain text (the legacy import).
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

        /**
         * The public reads (GETs any caller may send) of the services named in {@code services}: for the
         * catalogue its search, offers and HSDS export, the most expensive reads behind the gateway.
         */
        Search search();

        /** Every method other than GET/HEAD/OPTIONS, except file uploads. */
        Limit writes();

        /** Operations whose request body is a file (attachment uploads). */
        Limit uploads();

        /**
         * Buckets held at most; an idle client's bucket is dropped as soon as it has refilled. When the
         * table is full, new clients share one bucket per group until it has room again.
         */
        @WithDefault("100000")
        int maxClients();

        /**
         * How many gateway instances share the limits: buckets live in each instance's memory, so each
         * holds 1/n of every rate and burst (rounded up), and a client spread over n instances gets the
         * configured rate cluster-wide. Set it to the number of instances the load balancer spreads over
         * (Kubernetes: the autoscaler's minimum); with more running, a client may reach that many n-ths.
         */
        @WithDefault("1")
        int gatewayInstances();

        /**
         * Addresses or CIDR ranges of proxies in front of the gateway whose X-Forwarded-For names the
         * anonymous caller. Empty: the connection's address counts and X-Forwarded-For is ignored.
         */
        Optional<List<String>> trustedProxies();
    }

    /**
     * The services' OpenAPI documents: the gateway's access rules and route groups, and the merged
     * document at {@code /q/openapi}.
     */
    interface OpenApi {

        /** How often each service's document is fetched again, in the background. */
        @WithDefault("30s")
        Duration refreshInterval();

        /** How soon a service whose document has never been fetched, or failed to load last time, is asked again. */
        @WithDefault("5s")
        Duration retryInterval();

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

        /** Who answers for the API, stated in the document's {@code info.contact}. */
        Contact contact();
    }

    /**
     * Verified bearer tokens, kept so that a caller's next request skips the signature check: until the
     * token expires, at most {@code size} of them, all dropped when the realm's signing keys change.
     */
    interface TokenCache {

        /** Tokens held at most (least recently used go first); 0 verifies every request's token. */
        @WithDefault("10000")
        int size();

        /** How often the realm's published signing keys are compared with the last ones seen. */
        @WithDefault("60s")
        Duration keyCheckInterval();
    }

    interface Contact {

        @WithDefault("Hand in Hand operations")
        String name();

        Optional<URI> url();

        Optional<String> email();
    }

    interface Limit {

        double requestsPerSecond();

        int burst();
    }

    interface Search extends Limit {

        /** The backends whose public reads count as searches. */
        List<String> services();
    }
}
