package de.handinhand.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import de.handinhand.gateway.GatewayConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * {@code GET /q/openapi}: one OpenAPI document for the whole API, merged from the services' own
 * {@code /q/openapi} by {@link ServiceDocuments} (which refreshes them in the background). Right after the
 * gateway starts it waits for the first round of fetches; after that it answers at once. A service whose
 * document has never been fetched is named in {@code x-missing-services}. Public and never rate limited,
 * like everything under /q/.
 */
@ApplicationScoped
public class OpenApiHandler {

    private static final Logger LOG = Logger.getLogger(OpenApiHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    /**
     * Swagger UI runs scripts and styles of its own (and one inline bootstrap script); the gateway's
     * {@code default-src 'none'} policy is relaxed for its pages only.
     */
    static final String SWAGGER_UI_CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' %s; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final GatewayConfig config;
    private final ServiceDocuments documents;
    private final String swaggerUiCsp;

    public OpenApiHandler(GatewayConfig config, ServiceDocuments documents) {
        this.config = config;
        this.documents = documents;
        URI issuer = config.openapi().oidcUrl();
        this.swaggerUiCsp = String.format(Locale.ROOT, SWAGGER_UI_CSP,
                issuer.getScheme() + "://" + issuer.getRawAuthority());
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(this::handle);
        // Runs when the headers go out, after the gateway-wide header filters have set theirs.
        router.route("/q/swagger-ui*").order(-1_000).handler(rc -> {
            rc.addHeadersEndHandler(v -> rc.response().headers().set("Content-Security-Policy", swaggerUiCsp));
            rc.next();
        });
    }

    void handle(RoutingContext rc) {
        boolean yaml = wantsYaml(rc);
        documents.firstRoundDone().onComplete(done -> {
            try {
                ObjectNode document = documents.snapshot().merged().deepCopy();
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

    private String serverUrl(RoutingContext rc) {
        return config.openapi().publicUrl().map(URI::toString)
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> {
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
}
