package de.handinhand.gateway.ratelimit;

import de.handinhand.gateway.GatewayConfig;
import de.handinhand.gateway.ratelimit.TokenBuckets.Decision;
import de.handinhand.gateway.ratelimit.TokenBuckets.Limit;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Requests per client and route group ({@link RateGroup}, decided by {@code RouteGroups}), taken before a
 * request's body is read or a service is called; each client has its own bucket in each group, so a burst
 * of searches does not block the same client's writes.
 */
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final Map<RateGroup, Limit> limits = new EnumMap<>(RateGroup.class);
    private final ClientKeys clients;
    private final TokenBuckets buckets;

    public RateLimiter(GatewayConfig config) {
        GatewayConfig.RateLimit limits = config.rateLimit();
        this.enabled = limits.enabled();
        int gateways = limits.gatewayInstances();
        this.limits.put(RateGroup.DEFAULT, limit(RateGroup.DEFAULT, limits.reads(), gateways));
        this.limits.put(RateGroup.SEARCH, limit(RateGroup.SEARCH, limits.search(), gateways));
        this.limits.put(RateGroup.WRITES, limit(RateGroup.WRITES, limits.writes(), gateways));
        this.limits.put(RateGroup.UPLOADS, limit(RateGroup.UPLOADS, limits.uploads(), gateways));
        this.clients = new ClientKeys(limits.trustedProxies().orElse(List.of()));
        this.buckets = new TokenBuckets(limits.maxClients(), System::nanoTime);
    }

    /** Counts the request against its client in its group; empty when rate limiting is off. */
    public Optional<Decision> take(HttpServerRequest request, RateGroup group, SecurityIdentity identity) {
        if (!enabled) {
            return Optional.empty();
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String client = clients.of(identity, remote, request.getHeader("X-Forwarded-For"));
        return Optional.of(buckets.take(limits.get(group), client));
    }

    /** The configured limit is the cluster's: this gateway holds its share of it. */
    private static Limit limit(RateGroup group, GatewayConfig.Limit limit, int gateways) {
        return new Limit(group.configName(), limit.requestsPerSecond(), limit.burst()).shareOf(gateways);
    }

    /** This gateway's limit of the group (its share of the configured one). */
    public Limit limit(RateGroup group) {
        return limits.get(group);
    }
}
