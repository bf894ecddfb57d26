package de.handinhand.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.handinhand.gateway.GatewayConfig;
import de.handinhand.gateway.routing.Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code GET /q/openapi}: one OpenAPI document for the whole API, merged from the services' own
 * {@code /q/openapi} by {@link OpenApiMerger}. The merged document is kept for a short while
 * ({@code handinhand.gateway.openapi.cache-ttl}); each service's last good document is kept for good,
 * so a service that is down leaves its part as it was. A service never seen yet is named in
 * {@code x-missing-services}. Public and never rate limited, like everything under /q/.
 */
@ApplicationScoped
public class OpenApiHandler {

    private static final Logger LOG = Logger.getLogger(OpenApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    /** A document with a service missing is refreshed sooner, so the gap closes soon after the service is up. */
    private static final long INCOMPLETE_TTL_NANOS = 5_000_000_000L;

    /**
     * Swagger UI runs scripts and styles of its own (and one inline bootstrap script); the gateway's
     * {@code default-src 'none'} policy is relaxed for its pages only.
     */
    static final String SWAGGER_UI_CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' %s; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private record Merged(ObjectNode document, long madeAt, boolean complete) {
    }

    private final GatewayConfig config;
    private final Vertx vertx;
    private final OpenApiMerger merger;
    private final Map<Backend, JsonNode> lastGood = new EnumMap<>(Backend.class);
    private final String swaggerUiCsp;
    private HttpClient client;
    private volatile Merged merged;
    private Future<Merged> refreshing;

    public OpenApiHandler(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        String oidc = stripSlash(config.openapi().oidcUrl().toString());
        this.merger = new OpenApiMerger(new OpenApiMerger.Settings("Hand in Hand API", config.openapi().version(),
                "The public REST API of Hand in Hand: competition calls and submissions, the integration-offer "
                        + "catalogue and the jury's scoring, all through this gateway.",
                oidc + "/.well-known/openid-configuration"));
        URI issuer = config.openapi().oidcUrl();
        this.swaggerUiCsp = String.format(Locale.ROOT, SWAGGER_UI_CSP,
                issuer.getScheme() + "://" + issuer.getRawAuthority());
    }

    void register(@Observes Router router) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.openapi().fetchTimeout().toMillis()))
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(4));
        router.get("/q/openapi").handler(this::handle);
        // Runs when the headers go out, after the gateway-wide header filters have set theirs.
        router.route("/q/swagger-ui*").order(-1_000).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers().set("Content-Security-Policy", swaggerUiCsp));
            rc.next();
        });
    }

    void handle(RoutingContext rc) {
        boolean yaml = wantsYaml(rc);
        current().onComplete(done -> {
            Merged result = done.succeeded() ? done.result() : merged;
            if (done.failed()) {
                LOG.warn("Merging the services' OpenAPI documents failed", done.cause());
            }
            try {
                ObjectNode document = result == null ? merger.merge(List.of(), names(List.of(Backend.values())))
                        : result.document().deepCopy();
                document.putArray("servers").addObject().put("url", serverUrl(rc)).put("description", "This gateway");
                byte[] body = yaml ? YAML.writeValueAsBytes(document) : JSON.writeValueAsBytes(document);
                rc.response()
                        .putHeader("Content-Type", yaml ? "application/yaml;charset=UTF-8" : "application/json;charset=UTF-8")
                        .end(Buffer.buffer(body));
            } catch (IOException | RuntimeException e) {
                LOG.error("Writing the merged OpenAPI document failed", e);
                rc.response().setStatusCode(503).putHeader("Retry-After", "5").end();
            }
        });
    }

    /** The merged document, refreshed when older than the cache time; concurrent callers share one refresh. */
    private synchronized Future<Merged> current() {
        Merged now = merged;
        if (now != null && System.nanoTime() - now.madeAt() < ttlNanos(now)) {
            return Future.succeededFuture(now);
        }
        if (refreshing == null) {
            Future<Merged> refresh = refresh();
            refreshing = refresh;
            refresh.onComplete(done -> {
                synchronized (this) {
                    if (done.succeeded()) {
                        merged = done.result();
                    }
                    if (refreshing == refresh) {
                        refreshing = null;
                    }
                }
            });
            return refresh;
        }
        return refreshing;
    }

    private long ttlNanos(Merged document) {
        long ttl = config.openapi().cacheTtl().toNanos();
        return document.complete() ? ttl : Math.min(ttl, INCOMPLETE_TTL_NANOS);
    }

    private Future<Merged> refresh() {
        Map<Backend, Future<JsonNode>> fetches = new EnumMap<>(Backend.class);
        fetches.put(Backend.SUBMISSION, fetch(Backend.SUBMISSION, config.backends().submission()));
        fetches.put(Backend.CATALOGUE, fetch(Backend.CATALOGUE, config.backends().catalogue()));
        fetches.put(Backend.SCORING, fetch(Backend.SCORING, config.backends().scoring()));
        return Future.join(new ArrayList<>(fetches.values())).transform(ignored -> {
            List<OpenApiMerger.Part> parts = new ArrayList<>();
            List<Backend> missing = new ArrayList<>();
            boolean complete = true;
            synchronized (lastGood) {
                for (var fetch : fetches.entrySet()) {
                    Backend backend = fetch.getKey();
                    if (fetch.getValue().succeeded()) {
                        lastGood.put(backend, fetch.getValue().result());
                    } else {
                        complete = false;
                    }
                    JsonNode document = lastGood.get(backend);
                    if (document == null) {
                        missing.add(backend);
                    } else {
                        parts.add(new OpenApiMerger.Part(name(backend), document));
                    }
                }
            }
            try {
                return Future.succeededFuture(new Merged(merger.merge(parts, names(missing)), System.nanoTime(), complete));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> fetch(Backend backend, URI base) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(stripSlash(base.getRawPath() == null ? "" : base.getRawPath()) + "/q/openapi?format=json")
                .setIdleTimeout(config.openapi().fetchTimeout().toMillis())
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(new IOException("HTTP " + response.statusCode())))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON: " + e.getMessage(), e);
                    }
                })
                .onFailure(failure -> LOG.warnf("The OpenAPI document of %s (%s) could not be fetched: %s",
                        name(backend), base, failure.toString()));
    }

    private String serverUrl(RoutingContext rc) {
        return config.openapi().publicUrl().map(URI::toString).map(OpenApiHandler::stripSlash).orElseGet(() -> {
            var request = rc.request();
            String scheme = request.scheme() == null ? "http" : request.scheme();
            return request.authority() == null ? "/" : scheme + "://" + request.authority();
        });
    }

    private static boolean wantsYaml(RoutingContext rc) {
        String format = rc.queryParams().get("format");
        if (format != null) {
            return format.equalsIgnoreCase("yaml");
        }
        String accept = rc.request().getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml");
    }

    private static List<String> names(List<Backend> backends) {
        return backends.stream().map(OpenApiHandler::name).toList();
    }

    private static String name(Backend backend) {
        return backend.name().toLowerCase(Locale.ROOT);
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
