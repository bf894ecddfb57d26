package de.handinhand.gateway.proxy;

import de.handinhand.common.web.RequestIds;
import de.handinhand.gateway.openapi.ServiceDocuments;
import de.handinhand.gateway.ratelimit.RateGroup;
import de.handinhand.gateway.ratelimit.RateLimiter;
import de.handinhand.gateway.ratelimit.TokenBuckets.Decision;
import de.handinhand.gateway.routing.Access;
import de.handinhand.gateway.routing.Backend;
import de.handinhand.gateway.routing.Backends;
import de.handinhand.gateway.routing.OperationTable;
import de.handinhand.gateway.routing.RouteGroups;
import de.handinhand.gateway.routing.RouteGroups.Treatment;
import de.handinhand.gateway.security.VerifiedTokens;
import de.handinhand.gateway.tracing.SpansFollowSampling;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's one route: every {@code /api/...} request goes to the backend whose configured prefix
 * covers its path and is matched against that service's documented operations ({@link ServiceDocuments}):
 * a path no operation names is a 404, a method the path does not have a 405. It is authenticated
 * (signature, issuer, audience and expiry, by Quarkus OIDC) whenever it carries a token or the operation
 * needs one, checked against the operation's roles, and then streamed to its service with the caller's
 * token, the request id and the trace context. While a service's document has never been fetched, its
 * operations are unknown: a token that is present is still validated, and the service alone decides
 * who may call it (it validates token and roles itself). Each request counts against its client's rate
 * limit once the token is checked and before the body is read. Bodies are piped in both directions, never
 * buffered whole. Everything the gateway refuses itself is answered as problem+json.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    /**
     * Hop-by-hop headers (RFC 9110 §7.6.1) end at the gateway; Host is set for the backend. Both sets compare
     * names ignoring case, so no header name is lower-cased (copied) on the way through.
     */
    static final Set<String> HOP_BY_HOP = ignoringCase("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "proxy-connection");

    /**
     * Headers the gateway decides for every answer (security policy, CORS, rate limit): a service's own
     * copy is dropped rather than sent twice.
     */
    static final Set<String> GATEWAY_OWNED = ignoringCase("strict-transport-security", "content-security-policy",
            "x-content-type-options", "x-frame-options", "referrer-policy", "access-control-allow-origin",
            "access-control-allow-credentials", "access-control-expose-headers", "ratelimit-limit",
            "ratelimit-remaining", "ratelimit-reset");

    private static Set<String> ignoringCase(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    private static final String BODY_LIMIT = "handinhand.body-limit";
    private static final String RATE_GROUP = "handinhand.rate-group";
    /** The key of the client for a request outside any Vert.x context (none in practice). */
    private static final Object NO_LOOP = new Object();
    private static final AttributeKey<VerifiedTokens.LastOnConnection> LAST_TOKEN =
            AttributeKey.valueOf("handinhand.last-token");

    private final Backends backends;
    private final ServiceDocuments documents;
    private final RouteGroups groups;
    private final IdentityProviderManager identities;
    private final OpenTelemetry telemetry;
    private final Vertx vertx;
    private final RateLimiter rateLimiter;
    private final VerifiedTokens verifiedTokens;
    private final ProxyMeters meters;
    /**
     * Whether the gateway makes spans of its own ({@link SpansFollowSampling}); without, the caller's trace
     * context is forwarded as it came, like any end-to-end header.
     */
    private final boolean spans;
    /** How long one instance may take with a read before the next instance is asked (GatewayConfig.Timeouts). */
    private final Duration readTry;
    /**
     * How long an instance that refused a connection is asked only after the others
     * (GatewayConfig.Timeouts#skipUnreachable).
     */
    private final long skipUnreachableNanos;
    /** Whose turn it is next, per backend with several instances. */
    private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    /** Instances that refused a connection, with when ({@link System#nanoTime()}) they are asked first again. */
    private final Map<URI, Long> unreachableUntil = new ConcurrentHashMap<>();
    /**
     * One client (and connection pool) per event loop (that of the request's context), made on first use:
     * its connections belong to the loop that serves the caller, so a request and its answer stay on one
     * thread. With one pool shared by all loops, a connection opened on one loop was lent to requests of
     * another, and every step of the exchange (writing the head, each chunk of the answer, its end) was
     * handed across as a task, about a quarter of the gateway's Java samples under load.
     */
    private final Map<Object, HttpClient> clients = new ConcurrentHashMap<>();

    public ProxyHandler(Backends backends, ServiceDocuments documents, RouteGroups groups,
            IdentityProviderManager identities, OpenTelemetry telemetry, Vertx vertx, RateLimiter rateLimiter,
            VerifiedTokens verifiedTokens, ProxyMeters meters,
            @ConfigProperty(name = SpansFollowSampling.PROPERTY, defaultValue = "true") boolean spans,
            @ConfigProperty(name = "handinhand.gateway.timeouts.read-try") Duration readTry,
            @ConfigProperty(name = "handinhand.gateway.timeouts.skip-unreachable") Duration skipUnreachable) {
        this.backends = backends;
        this.documents = documents;
        this.groups = groups;
        this.identities = identities;
        this.telemetry = telemetry;
        this.vertx = vertx;
        this.rateLimiter = rateLimiter;
        this.verifiedTokens = verifiedTokens;
        this.meters = meters;
        this.spans = spans;
        this.readTry = readTry;
        this.skipUnreachableNanos = skipUnreachable.toNanos();
    }

    /** Where a request goes and how it is treated, decided before the token is checked. */
    private record Route(Backend backend, Access access, Treatment treatment) {
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(64));
    }

    /** The client of the current context's event loop. */
    private HttpClient client() {
        ContextInternal context = ContextInternal.current();
        Object loop = context == null || context.nettyEventLoop() == null ? NO_LOOP : context.nettyEventLoop();
        HttpClient client = clients.get(loop);
        return client != null ? client : clients.computeIfAbsent(loop, any -> newClient());
    }

    void register(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
        router.route("/api").handler(rc -> GatewayProblems.send(rc, 404, "not-found", "Not found",
                "No resource at this path"));
        // Anything else that no Quarkus endpoint (/q/health, /q/metrics, ...) took.
        router.route().last().handler(rc -> GatewayProblems.send(rc, 404, "not-found", "Not found",
                "No resource at this path"));
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        request.pause();
        ProxyMeters.Measurement measured = meters.start(rc);
        String raw = request.path();
        String path = rc.normalizedPath();
        if (raw == null || !raw.equals(path) || raw.contains("%2") || raw.contains("%5") || raw.contains("\\")
                || raw.contains(";")) {
            // Dot segments, doubled or encoded slashes, matrix parameters: refuse rather than let gateway
            // and service read the path differently (the gateway matches it against the service's operations).
            GatewayProblems.send(rc, 400, "bad-path", "Bad request", "The path is not in canonical form");
            return;
        }
        Route route = route(rc, request.method().name(), path, measured);
        if (route == null) {
            return;
        }
        long limit = route.treatment().bodyLimit();
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length, limit)) {
            tooLarge(rc, limit);
            return;
        }
        rc.put(BODY_LIMIT, limit);
        // Quarkus would answer a failed authentication itself with an empty 401; answer it here instead.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) this::authFailed);
        rc.put(RATE_GROUP, route.treatment().rate());
        String authorization = request.getHeader("Authorization");
        VerifiedTokens.LastOnConnection connection = authorization == null ? null : lastOn(request);
        SecurityIdentity verified = authorization == null ? null : verifiedTokens.get(authorization, connection);
        if (verified != null) {
            // The same header passed Quarkus OIDC before and its token has not expired: no second signature check.
            authorizeAndForward(rc, route, verified);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(rc, identities).subscribe().with(
                identity -> {
                    if (authorization != null) {
                        verifiedTokens.put(authorization, identity, connection);
                    }
                    authorizeAndForward(rc, route, identity);
                },
                failure -> authFailed(rc, failure));
    }

    /**
     * What the request's connection remembers of the last token it brought (kept on the Netty channel, so
     * it goes with the connection); null where the connection is not a Vert.x one. Runs on the connection's
     * event loop, the only thread that creates it.
     */
    private static VerifiedTokens.LastOnConnection lastOn(HttpServerRequest request) {
        if (!(request.connection() instanceof ConnectionBase connection)) {
            return null;
        }
        Attribute<VerifiedTokens.LastOnConnection> attribute = connection.channel().attr(LAST_TOKEN);
        VerifiedTokens.LastOnConnection last = attribute.get();
        if (last == null) {
            last = new VerifiedTokens.LastOnConnection();
            VerifiedTokens.LastOnConnection raced = attribute.setIfAbsent(last);
            if (raced != null) {
                last = raced;
            }
        }
        return last;
    }

    /**
     * The backend, access and treatment of a request; null when the gateway has answered it itself (no
     * backend serves the path, or the backend's document names no such path or method).
     */
    private Route route(RoutingContext rc, String method, String path, ProxyMeters.Measurement measured) {
        Optional<Backend> served = backends.serving(path);
        if (served.isEmpty()) {
            GatewayProblems.send(rc, 404, "not-found", "Not found", "No resource at this path");
            return null;
        }
        Backend backend = served.get();
        ServiceDocuments.Snapshot snapshot = documents.snapshot();
        if (!snapshot.knows(backend)) {
            // Never fetched: a present token is validated, and the service decides the rest.
            String prefix = backend.prefixFor(path);
            measured.uri = prefix.equals(path) ? prefix : prefix + "/*";
            return new Route(backend, Access.PUBLIC, groups.of(backend, null, method));
        }
        OperationTable.Lookup lookup = snapshot.operations().find(method, path);
        if (lookup.operation() == null) {
            if (lookup.allowed().isEmpty()) {
                GatewayProblems.send(rc, 404, "not-found", "Not found", "No resource at this path");
            } else {
                rc.response().putHeader("Allow", String.join(", ", lookup.allowed()));
                GatewayProblems.send(rc, 405, "method-not-allowed", "Method not allowed",
                        method + " is not allowed on this path");
            }
            return null;
        }
        measured.uri = lookup.operation().template();
        return new Route(backend, lookup.operation().access(), groups.of(backend, lookup.operation(), method));
    }

    private static void tooLarge(RoutingContext rc, long limit) {
        if (!rc.response().headWritten()) {
            // The rest of the body is not read; the connection cannot carry another request.
            rc.response().putHeader("Connection", "close");
        }
        GatewayProblems.send(rc, 413, "payload-too-large", "Payload too large",
                "The request body exceeds " + limit + " bytes");
    }

    private void authFailed(RoutingContext rc, Throwable failure) {
        if (rc.response().ended()) {
            return;
        }
        if (failure instanceof AuthenticationException) {
            // A rejected token names no client: the attempt counts against the caller's address.
            if (!admitted(rc, rc.get(RATE_GROUP), null)) {
                return;
            }
            GatewayProblems.unauthorized(rc, "The bearer token is invalid or expired", true);
        } else {
            LOG.warn("Token validation could not run", failure);
            GatewayProblems.send(rc, 503, "identity-unavailable", "Service unavailable",
                    "Tokens cannot be validated right now; try again shortly");
        }
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private void authorizeAndForward(RoutingContext rc, Route route, SecurityIdentity identity) {
        if (!admitted(rc, route.treatment().rate(), identity)) {
            return;
        }
        Access access = route.access();
        if (!access.open()) {
            if (identity == null || identity.isAnonymous()) {
                GatewayProblems.unauthorized(rc, "A valid bearer token is required", false);
                return;
            }
            if (!access.admits(identity::hasRole)) {
                GatewayProblems.send(rc, 403, "forbidden", "Forbidden", "Your role does not allow this request");
                return;
            }
        }
        forward(rc, route.backend(), rc.get(BODY_LIMIT), route.treatment().timeout());
    }

    /** Counts the request against its client; answers 429 and returns false when the client is over its limit. */
    private boolean admitted(RoutingContext rc, RateGroup group, SecurityIdentity identity) {
        Optional<Decision> taken = rateLimiter.take(rc.request(), group, identity);
        if (taken.isEmpty()) {
            return true;
        }
        Decision decision = taken.get();
        HttpServerResponse response = rc.response();
        response.putHeader("RateLimit-Limit", Integer.toString(decision.limit().burst()));
        response.putHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.reset()));
        if (decision.allowed()) {
            return true;
        }
        if (hasBody(rc.request())) {
            // The body is never read; the connection cannot carry another request.
            response.putHeader("Connection", "close");
        }
        response.putHeader("Retry-After", Long.toString(decision.retryAfter()));
        GatewayProblems.send(rc, 429, "too-many-requests", "Too many requests",
                String.format(Locale.ROOT, "Rate limit '%s' exceeded: %s requests per second with bursts of %d per client;"
                        + " retry after %d s", decision.limit().group(), rate(decision.limit().perSecond()),
                        decision.limit().burst(), decision.retryAfter()));
        return false;
    }

    private static String rate(double perSecond) {
        return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return length == null ? request.headers().contains("Transfer-Encoding") : !length.strip().equals("0");
    }

    private void forward(RoutingContext rc, Backend backend, long limit, Duration timeout) {
        HttpServerRequest request = rc.request();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey())) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        Object requestId = rc.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId.toString());
        }
        String caller = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? caller : forwardedFor + ", " + caller);
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        if (spans) {
            // The gateway's server span becomes the service's parent (replacing the caller's traceparent).
            telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, MultiMap::set);
        }

        LimitedBody body = new LimitedBody(request, limit);
        boolean chunked = request.getHeader("Content-Length") == null && request.headers().contains("Transfer-Encoding");
        attempt(rc, inTurn(backend), 0, headers, new Outgoing(body, chunked, hasBody(request)), timeout);
    }

    /** The caller's body, sent at most once, whichever instance it goes to. */
    private static final class Outgoing {

        final LimitedBody body;
        final boolean chunked;
        /** Whether the request has a body at all (a Content-Length above 0, or Transfer-Encoding). */
        final boolean hasBody;
        boolean bodySent;
        /** Whether an instance already let a try of this read pass unanswered: the caller then gets 504. */
        boolean tryExpired;

        Outgoing(LimitedBody body, boolean chunked, boolean hasBody) {
            this.body = body;
            this.chunked = chunked;
            this.hasBody = hasBody;
        }
    }

    /**
     * A backend's instances, starting with the one whose turn it is: requests go round the instances
     * one after the other, and a request that cannot be placed on one tries the next in this order.
     * Instances that lately refused a connection come last, kept only as a last resort.
     */
    private List<URI> inTurn(Backend backend) {
        List<URI> all = backend.instances();
        if (all.size() == 1) {
            return all;
        }
        int first = Math.floorMod(turns.computeIfAbsent(backend.name(), name -> new AtomicInteger()).getAndIncrement(),
                all.size());
        List<URI> order = new ArrayList<>(all.size());
        List<URI> down = new ArrayList<>(0);
        for (int i = 0; i < all.size(); i++) {
            URI instance = all.get((first + i) % all.size());
            (latelyUnreachable(instance) ? down : order).add(instance);
        }
        order.addAll(down);
        return order;
    }

    /**
     * Whether the instance refused a connection within the last {@code skip-unreachable}. A read whose
     * only other instances are such is not cut at one try: the live instance gets the whole timeout,
     * not a try and then a 504 from the dead one (CI saw that while an instance was restarted).
     */
    private boolean latelyUnreachable(URI instance) {
        Long until = unreachableUntil.get(instance);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        unreachableUntil.remove(instance, until);
        return false;
    }

    private void refused(URI instance) {
        unreachableUntil.put(instance, System.nanoTime() + skipUnreachableNanos);
    }

    /** Whether an instance after {@code index} in {@code order} may answer: one that has not lately refused. */
    private boolean anotherAnswering(List<URI> order, int index) {
        for (int i = index + 1; i < order.size(); i++) {
            if (!latelyUnreachable(order.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends the request to instance {@code index} of {@code order}. Another instance is tried when this
     * one cannot be reached (nothing was sent, so this holds for every method), and when a read without a
     * body (GET, HEAD, OPTIONS) fails before any answer, say because the instance died under it: sending
     * such a request twice changes nothing. Such a read also goes to the next instance when this one has not
     * started its answer within {@code read-try} (an instance just started, its code not compiled yet, or
     * stalled), with what is left of the timeout. A write is never sent again once its body has gone out,
     * nor is anything once the whole timeout has passed.
     */
    private void attempt(RoutingContext rc, List<URI> order, int index, MultiMap headers, Outgoing sending,
            Duration timeout) {
        HttpServerRequest request = rc.request();
        URI backend = order.get(index);
        boolean another = index + 1 < order.size();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(backend.getHost())
                .setPort(backend.getPort())
                .setURI(request.uri())
                .setHeaders(headers);
        LimitedBody body = sending.body;
        client().request(options).onComplete(opened -> {
            if (opened.failed()) {
                if (unreachable(opened.cause())) {
                    refused(backend);
                }
                if (another && unreachable(opened.cause())) {
                    LOG.warnf("%s is unreachable (%s); %s %s goes to %s", backend, opened.cause().toString(),
                            request.method(), request.path(), order.get(index + 1));
                    attempt(rc, order, index + 1, headers, sending, timeout);
                } else if (sending.tryExpired) {
                    // The instances that are up were too slow; that this last one is down is not the story.
                    LOG.warnf("%s is unreachable (%s) after the other instances' tries expired", backend,
                            opened.cause().toString());
                    GatewayProblems.send(rc, 504, "backend-timeout", "Gateway timeout",
                            "The service did not answer in time");
                } else {
                    backendFailed(rc, backend, opened.cause());
                }
                return;
            }
            HttpClientRequest outgoing = opened.result();
            if (!unreachableUntil.isEmpty()) {
                // It takes connections again (restarted): back in its turn at once.
                unreachableUntil.remove(backend);
            }
            // A read that may go to another instance waits for this one only as long as one try may take;
            // if the others lately refused connections, this one has the whole timeout.
            boolean oneTry = another && repeatable(request) && readTry.compareTo(timeout) < 0
                    && anotherAnswering(order, index);
            Duration wait = oneTry ? readTry : timeout;
            Deadline deadline = new Deadline(outgoing, wait);
            outgoing.response()
                    .onSuccess(response -> {
                        deadline.cancel();
                        relay(rc, response);
                    })
                    .onFailure(failure -> {
                        deadline.cancel();
                        if (body.exceeded()) {
                            tooLarge(rc, body.limit());
                        } else if (deadline.expired() && oneTry && !rc.response().headWritten()) {
                            LOG.warnf("%s did not answer %s %s within %s (one try); trying %s", backend,
                                    request.method(), request.path(), wait, order.get(index + 1));
                            sending.tryExpired = true;
                            attempt(rc, order, index + 1, headers, sending, timeout.minus(wait));
                        } else if (deadline.expired()) {
                            LOG.warnf("%s did not answer %s %s within %s", backend, request.method(), request.path(),
                                    timeout);
                            GatewayProblems.send(rc, 504, "backend-timeout", "Gateway timeout",
                                    "The service did not answer in time");
                        } else if (another && repeatable(request) && !rc.response().headWritten()) {
                            LOG.warnf("%s failed %s %s (%s); trying %s", backend, request.method(), request.path(),
                                    failure.toString(), order.get(index + 1));
                            attempt(rc, order, index + 1, headers, sending, timeout);
                        } else {
                            backendFailed(rc, backend, failure);
                        }
                    });
            outgoing.setChunked(sending.chunked);
            // Failures reach the response future above; without a handler Vert.x would log each reset as an error.
            outgoing.exceptionHandler(failure -> LOG.debugf("Request to %s ended: %s", backend, failure.toString()));
            if (sending.bodySent) {
                // A repeated read: its (empty) body was read already; end the request at once.
                outgoing.end().onSuccess(sent -> deadline.start()).onFailure(failure -> outgoing.reset(0, failure));
                return;
            }
            sending.bodySent = true;
            if (!sending.hasBody) {
                // Nothing to pipe (no Content-Length, no Transfer-Encoding: the request ended with its head).
                // The caller's connection reads on (its next request); the service's request ends at once.
                request.resume();
                outgoing.end().onSuccess(sent -> deadline.start()).onFailure(failure -> outgoing.reset(0, failure));
                return;
            }
            // A body that fails on the way (over the limit, caller gone) must not reach the service as
            // complete: the service's request is reset, never ended.
            // The clock starts once the whole request has reached the service: however long the caller
            // takes to send its body, the service gets the full timeout to start its answer.
            body.pipe().endOnFailure(false).to(outgoing)
                    .onSuccess(sent -> deadline.start())
                    .onFailure(failure -> outgoing.reset(0, failure));
        });
    }

    /** A read without a body: sending it to a second instance cannot change anything twice. */
    private static boolean repeatable(HttpServerRequest request) {
        HttpMethod method = request.method();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method))
                && !hasBody(request);
    }

    private static boolean unreachable(Throwable failure) {
        return failure instanceof ConnectException || failure.getCause() instanceof ConnectException;
    }

    /**
     * How long the service may take to start its answer once it has the whole request. On expiry the
     * service's request is reset (its connection closed, never reused), which fails the response future.
     * Every callback runs on the request's event loop.
     */
    private final class Deadline {

        private final HttpClientRequest outgoing;
        private final Duration timeout;
        private long timer = -1;
        private boolean settled;
        private boolean expired;

        Deadline(HttpClientRequest outgoing, Duration timeout) {
            this.outgoing = outgoing;
            this.timeout = timeout;
        }

        void start() {
            if (!settled) {
                timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
                    timer = -1;
                    if (!settled) {
                        expired = true;
                        outgoing.reset(0, new TimeoutException("No answer within " + timeout));
                    }
                });
            }
        }

        /** The answer has started or the request has failed: the timer, if running, no longer matters. */
        void cancel() {
            settled = true;
            if (timer != -1) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        boolean expired() {
            return expired;
        }
    }

    private void relay(RoutingContext rc, HttpClientResponse response) {
        HttpServerResponse out = rc.response();
        out.setStatusCode(response.statusCode());
        out.setStatusMessage(response.statusMessage());
        response.headers().forEach(h -> {
            String name = h.getKey();
            if (!HOP_BY_HOP.contains(name) && !(GATEWAY_OWNED.contains(name) && out.headers().contains(name))) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        if (rc.request().headers().contains("Authorization") && !response.headers().contains("Cache-Control")) {
            // An answer to a signed-in caller is theirs alone: no shared or browser cache keeps it unless the service says so.
            out.headers().set("Cache-Control", "no-store");
        }
        Object requestId = rc.get(RequestIds.MDC_KEY);
        if (requestId != null) {
            out.headers().set(RequestIds.HEADER, requestId.toString());
        }
        out.send(response).onFailure(failure -> {
            LOG.debugf("Relaying the response failed: %s", failure.toString());
            out.reset();
        });
    }

    private void backendFailed(RoutingContext rc, URI backend, Throwable failure) {
        if (isTimeout(failure)) {
            LOG.warnf("%s did not answer in time: %s", backend, failure.toString());
            GatewayProblems.send(rc, 504, "backend-timeout", "Gateway timeout",
                    "The service did not answer in time");
        } else if (unreachable(failure)) {
            LOG.warnf("%s is unreachable: %s", backend, failure.toString());
            rc.response().putHeader("Retry-After", "5");
            GatewayProblems.send(rc, 503, "backend-unavailable", "Service unavailable",
                    "The service is not reachable right now; try again shortly");
        } else {
            LOG.warnf("%s failed: %s", backend, failure.toString());
            GatewayProblems.send(rc, 502, "bad-gateway", "Bad gateway", "The service's answer could not be relayed");
        }
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
