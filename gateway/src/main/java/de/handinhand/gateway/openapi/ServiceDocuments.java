package de.handinhand.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.gateway.GatewayConfig;
import de.handinhand.gateway.routing.Backend;
import de.handinhand.gateway.routing.Backends;
import de.handinhand.gateway.routing.OperationTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The services' own OpenAPI documents ({@code <backend>/q/openapi}), fetched in the background: at
 * start, then every {@code refresh-interval}, and every {@code retry-interval} while a service's
 * document has never been fetched or its last fetch failed. Each service's last good document is kept
 * (a service that is down keeps its part). From them, whenever one changes, one {@link Snapshot}: the
 * merged document the gateway publishes and the operations it enforces, read from that same document.
 * Requests never wait for a fetch: they see the snapshot of the moment.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The merged document, its operations, and the backends whose document has never been fetched (for
     * those the gateway knows no operation, so it lets the service decide).
     */
    public record Snapshot(ObjectNode merged, OperationTable operations, Set<String> missing) {

        public boolean knows(Backend backend) {
            return !missing.contains(backend.name());
        }
    }

    private final GatewayConfig config;
    private final Vertx vertx;
    private final Backends backends;
    private final OpenApiMerger merger;
    /** Touched only by one round at a time (rounds never overlap). */
    private final Map<String, JsonNode> lastGood = new HashMap<>();
    /** The backends whose last fetch failed, so that a service that stays down is logged once, not every round. */
    private final Set<String> failing = new HashSet<>();
    private final Promise<Void> firstRound = Promise.promise();
    private volatile Snapshot snapshot;
    private volatile boolean stopped;
    private HttpClient client;
    private volatile long timer = -1;

    public ServiceDocuments(GatewayConfig config, Vertx vertx, Backends backends) {
        this.config = config;
        this.vertx = vertx;
        this.backends = backends;
        String oidc = config.openapi().oidcUrl().toString();
        this.merger = new OpenApiMerger(new OpenApiMerger.Settings("Hand in Hand API", config.openapi().version(),
                "The public REST API of Hand in Hand: competition calls and submissions, the integration-offer "
                        + "catalogue and the jury's scoring, all through this gateway.",
                oidc.endsWith("/") ? oidc.substring(0, oidc.length() - 1) : oidc,
                new OpenApiMerger.Contact(config.openapi().contact().name(),
                        config.openapi().contact().url().map(URI::toString).orElse(null),
                        config.openapi().contact().email().orElse(null))),
                (service, path) -> backends.serving(path).map(b -> b.name().equals(service)).orElse(false));
        this.snapshot = build();
    }

    void start(@Observes StartupEvent event) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.openapi().fetchTimeout().toMillis()))
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(4));
        vertx.runOnContext(v -> round());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.runOnContext(v -> {
            if (timer != -1) {
                vertx.cancelTimer(timer);
            }
        });
    }

    /** What the gateway knows now; never waits. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Completes once every service has been asked once (answered or not). */
    public Future<Void> firstRoundDone() {
        return firstRound.future();
    }

    private void round() {
        Map<Backend, Future<JsonNode>> fetches = new LinkedHashMap<>();
        backends.all().forEach(backend -> fetches.put(backend, fetch(backend)));
        Future.join(new ArrayList<>(fetches.values())).onComplete(ignored -> {
            boolean complete = true;
            List<String> changed = new ArrayList<>();
            for (var fetch : fetches.entrySet()) {
                Backend backend = fetch.getKey();
                String name = backend.name();
                if (fetch.getValue().failed()) {
                    complete = false;
                    if (failing.add(name)) {
                        LOG.warnf("The OpenAPI document of %s (%s) could not be fetched: %s; %s", name, backend.url(),
                                fetch.getValue().cause().toString(), lastGood.containsKey(name)
                                        ? "its last good document stays in force"
                                        : "until it is, the service alone decides who may call it");
                    }
                    continue;
                }
                if (failing.remove(name)) {
                    LOG.infof("The OpenAPI document of %s can be fetched again", name);
                }
                if (!fetch.getValue().result().equals(lastGood.get(name))) {
                    changed.add(name);
                    lastGood.put(name, fetch.getValue().result());
                }
            }
            if (!changed.isEmpty()) {
                try {
                    snapshot = build();
                    LOG.infof("OpenAPI documents of %s loaded: the gateway now applies %d operations' access rules%s",
                            changed, snapshot.operations().operations().size(),
                            snapshot.missing().isEmpty() ? "" : "; still unknown, left to the service: " + snapshot.missing());
                } catch (RuntimeException e) {
                    LOG.error("Merging the services' OpenAPI documents failed; the previous rules stay", e);
                }
            }
            firstRound.tryComplete();
            if (!stopped) {
                timer = vertx.setTimer(Math.max(1, (complete ? config.openapi().refreshInterval()
                        : config.openapi().retryInterval()).toMillis()), id -> {
                    timer = -1;
                    round();
                });
            }
        });
    }

    private Snapshot build() {
        List<OpenApiMerger.Part> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Backend backend : backends.all()) {
            JsonNode document = lastGood.get(backend.name());
            if (document == null) {
                missing.add(backend.name());
            } else {
                parts.add(new OpenApiMerger.Part(backend.name(), document));
            }
        }
        ObjectNode merged = merger.merge(parts, missing);
        return new Snapshot(merged, OperationTable.of(merged), Set.copyOf(missing));
    }

    /** The document of the first instance that gives one (any instance serves the same build). */
    private Future<JsonNode> fetch(Backend backend) {
        Future<JsonNode> document = fetch(backend.instances().get(0));
        for (URI instance : backend.instances().subList(1, backend.instances().size())) {
            document = document.recover(failure -> fetch(instance));
        }
        return document;
    }

    private Future<JsonNode> fetch(URI base) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI((basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath)
                        + "/q/openapi?format=json")
                .setIdleTimeout(config.openapi().fetchTimeout().toMillis())
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(new IOException("HTTP " + response.statusCode())))
                .map(body -> {
                    JsonNode document;
                    try {
                        document = JSON.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON: " + e.getMessage(), e);
                    }
                    if (!document.path("paths").isObject()) {
                        // Not an OpenAPI document: it must not replace the last good one and its rules.
                        throw new IllegalStateException("no paths object");
                    }
                    return document;
                });
    }
}
