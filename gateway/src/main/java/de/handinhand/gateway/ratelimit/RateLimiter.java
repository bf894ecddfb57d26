package de.handinhand.gateway.ratelimit;

import de.handinhand.gateway.GatewayConfig;
import de.handinhand.gateway.routing.RouteTable;
import de.handinhand.gateway.ratelimit.TokenBuckets.Decision;
import de.handinhand.gateway.ratelimit.TokenBuckets.Limit;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Requests per client and route group, decided before a request's body is read or a service is
 * called. Groups: {@code uploads} (attachment uploads), {@code writes} (other non-read methods),
 * {@code search} (public catalogue reads), {@code default} (other reads); each client has its own
 * bucket in each group, so a burst of searches does not block the same client's writes.
 */
@ApplicationScoped
public class RateLimiter {

    private final RouteTable routes;
    private final boolean enabled;
    private final Limit reads;
    private final Limit search;
    private final Limit writes;
    private final Limit uploads;
    private final ClientKeys clients;
    private final TokenBuckets buckets;

    public RateLimiter(RouteTable routes, GatewayConfig config) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.routes = routes;
        this.enabled = limits.enabled();
        this.reads = limit("default", limits.reads());
        this.search = limit("search", limits.search());
        this.writes = limit("writes", limits.writes());
        this.uploads = limit("uploads", limits.uploads());
        this.clients = new ClientKeys(limits.trustedProxies().orElse(List.of()));
        this.buckets = new TokenBuckets(limits.maxClients(), System::nanoTime);
    }

    /** Counts the request against its client; empty when rate limiting is off. */
    public Optional<Decision> take(HttpServerRequest request, String path, SecurityIdentity identity) {
        if (!enabled) {
            return Optional.empty();
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String client = clients.of(identity, remote, request.getHeader("X-Forwarded-For"));
        return Optional.of(buckets.take(group(request.method(), path), client));
    }

    Limit group(HttpMethod method, String path) {
        if (routes.isAttachmentUpload(method, path)) {
            return uploads;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            return writes;
        }
        if (path.equals("/api/catalogue") || path.startsWith("/api/catalogue/")) {
            return search;
        }
        return reads;
    }

    private static Limit limit(String group, GatewayConfig.Limit limit) {
        return new Limit(group, limit.requestsPerSecond(), limit.burst());
    }
}
