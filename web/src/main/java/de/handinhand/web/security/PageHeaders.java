package de.handinhand.web.security;

import de.handinhand.web.WebConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs before everything else on every request. Refuses cross-site form posts (the Origin, or
 * failing that the Referer, must be this site: with SameSite=Lax session cookies this is the
 * CSRF defence; the CSRF extension is not available at this Quarkus version), and sets the
 * security headers on every answer: a strict Content-Security-Policy (own scripts and styles
 * only, no inline code; images also from the map's tile server; forms may go to Keycloak for
 * logout), no framing, no sniffing, no referrer across sites.
 */
@ApplicationScoped
public class PageHeaders {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final WebConfig config;
    private final String csp;

    public PageHeaders(WebConfig config, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcUrl) {
        this.config = config;
        String tiles = origin(config.mapTiles()).map(o -> " " + o).orElse("");
        String keycloak = origin(oidcUrl).map(o -> " " + o).orElse("");
        this.csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; font-src 'self'; connect-src 'self'; form-action 'self'" + keycloak
                + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        rc.response().headers()
                .set("Content-Security-Policy", csp)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "same-origin")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (!SAFE.contains(request.method()) && !sameOrigin(request)) {
            rc.response().setStatusCode(403).putHeader("Content-Type", "text/plain; charset=UTF-8")
                    .putHeader("Cache-Control", "no-store")
                    .end("Refused: this form was not sent from this site.\n");
            return;
        }
        rc.next();
    }

    /** Whether a state-changing request comes from one of our own pages. */
    boolean sameOrigin(HttpServerRequest request) {
        String expected = expectedOrigin(request);
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null")) {
            return origin.equalsIgnoreCase(expected);
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            return origin(referer).map(o -> o.equalsIgnoreCase(expected)).orElse(false);
        }
        return false;
    }

    private String expectedOrigin(HttpServerRequest request) {
        return config.publicUrl().flatMap(PageHeaders::origin)
                .orElseGet(() -> request.scheme() + "://" + String.valueOf(request.getHeader("Host")).toLowerCase(Locale.ROOT));
    }

    static Optional<String> origin(String url) {
        if (url == null || url.isBlank() || url.equals("none")) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.replace("{", "%7B").replace("}", "%7D"));
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
