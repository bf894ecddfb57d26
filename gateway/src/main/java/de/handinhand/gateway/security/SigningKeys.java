package de.handinhand.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.gateway.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches the signing keys the realm publishes (its JWKS, found through the OpenID discovery document of
 * {@code quarkus.oidc.auth-server-url}) and drops every cached token verdict ({@link VerifiedTokens}) when
 * they change: a key added, withdrawn or replaced. A token signed with a withdrawn key is then verified
 * afresh instead of passing on an earlier verdict. Checked in the background every
 * {@code token-cache.key-check-interval}, never while a request waits; while the realm cannot be reached
 * the last known keys stand (the cached verdicts still end with their tokens).
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final VerifiedTokens tokens;
    private final GatewayConfig config;
    private final String discovery;
    private HttpClient client;
    private String jwksUri;
    /** The keys last seen, each as its JSON, sorted; null until the first successful fetch. */
    private Set<String> known;
    private boolean failing;
    private volatile boolean stopped;
    private volatile long timer = -1;

    public SigningKeys(Vertx vertx, VerifiedTokens tokens, GatewayConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.vertx = vertx;
        this.tokens = tokens;
        this.config = config;
        this.discovery = (authServerUrl.endsWith("/") ? authServerUrl : authServerUrl + "/")
                + ".well-known/openid-configuration";
    }

    void start(@Observes StartupEvent event) {
        if (!tokens.enabled()) {
            return;
        }
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000),
                new PoolOptions().setHttp1MaxSize(1));
        vertx.runOnContext(v -> check());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.runOnContext(v -> {
            if (timer != -1) {
                vertx.cancelTimer(timer);
            }
        });
    }

    private void check() {
        Future<String> uri = jwksUri != null ? Future.succeededFuture(jwksUri)
                : get(discovery).map(document -> {
                    String found = document.path("jwks_uri").asText(null);
                    if (found == null) {
                        throw new IllegalStateException("the discovery document names no jwks_uri");
                    }
                    jwksUri = found;
                    return found;
                });
        uri.compose(this::get).onComplete(fetched -> {
            if (fetched.succeeded()) {
                if (failing) {
                    failing = false;
                    LOG.info("The realm's signing keys can be fetched again");
                }
                observe(fetched.result());
            } else if (!failing) {
                failing = true;
                LOG.warnf("The realm's signing keys could not be fetched (%s); cached token verdicts still end with "
                        + "their tokens", fetched.cause().toString());
            }
            if (!stopped) {
                timer = vertx.setTimer(Math.max(1, config.tokenCache().keyCheckInterval().toMillis()), id -> {
                    timer = -1;
                    check();
                });
            }
        });
    }

    private void observe(JsonNode jwks) {
        Set<String> keys = new TreeSet<>();
        jwks.path("keys").forEach(key -> keys.add(key.toString()));
        if (known != null && !known.equals(keys)) {
            long dropped = tokens.size();
            tokens.invalidateAll();
            LOG.infof("The realm's signing keys changed: %d cached token verdicts dropped; every token is verified again",
                    dropped);
        }
        known = keys;
    }

    private Future<JsonNode> get(String uri) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
                .setIdleTimeout(5_000).putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(new IOException("HTTP " + response.statusCode() + " from " + uri)))
                .map(body -> {
                    try {
                        return JSON.readTree(body.getBytes());
                    } catch (IOException e) {
                        throw new IllegalStateException("not JSON from " + uri, e);
                    }
                });
    }
}
