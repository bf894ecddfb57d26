package de.handinhand.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the services behind the gateway: each answers with what it received (method,
 * path, the headers the gateway must forward, body size and SHA-256), so tests can see exactly
 * what crossed the gateway. {@code /slow} paths answer after 3 s, any path with {@code ?delay=<ms>}
 * after that long (both counted once the body has been read); {@code /cached} paths carry a
 * cache policy of their own. {@code /q/openapi} answers with the service's OpenAPI document: the one
 * its build stored ({@code ../<service>-service/target/openapi/openapi.json}) when present, else a
 * small stand-in ({@link #DOCUMENTS}). The scoring backend's address has nothing listening, to play a
 * service that is down, except under {@link OpenApiTest.AllServicesUp}.
 */
public class EchoBackends implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    /** The OpenAPI document each backend serves, by service name. */
    public static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    /** The services whose document is the one their build stored, not a stand-in. */
    public static final java.util.Set<String> STORED = ConcurrentHashMap.newKeySet();
    private HttpServer submission;
    private HttpServer catalogue;
    private HttpServer scoring;
    private boolean allUp;

    @Override
    public void setContext(Context context) {
        allUp = OpenApiTest.AllServicesUp.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        for (String service : java.util.List.of("submission", "catalogue", "scoring")) {
            DOCUMENTS.computeIfAbsent(service, EchoBackends::document);
        }
        submission = echo("submission");
        catalogue = echo("catalogue");
        scoring = allUp ? echo("scoring") : null;
        return Map.of(
                "handinhand.gateway.backends.submission", "http://localhost:" + submission.getAddress().getPort(),
                "handinhand.gateway.backends.catalogue", "http://localhost:" + catalogue.getAddress().getPort(),
                "handinhand.gateway.backends.scoring", "http://localhost:"
                        + (scoring == null ? closedPort() : scoring.getAddress().getPort()));
    }

    @Override
    public void stop() {
        submission.stop(0);
        catalogue.stop(0);
        if (scoring != null) {
            scoring.stop(0);
        }
    }

    private static String document(String service) {
        java.nio.file.Path stored = java.nio.file.Path.of("..", service + "-service", "target", "openapi", "openapi.json");
        try {
            if (java.nio.file.Files.isRegularFile(stored)) {
                STORED.add(service);
                return java.nio.file.Files.readString(stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A stand-in: one path, the shared Problem schema and a Page schema that differs per service.
        String prefix = switch (service) {
            case "submission" -> "/api/calls";
            case "catalogue" -> "/api/catalogue/offers";
            default -> "/api/scoring/cases";
        };
        return """
                {"openapi": "3.1.0", "info": {"title": "%1$s", "version": "1.0"},
                 "tags": [{"name": "%1$s", "description": "The %1$s service"}],
                 "paths": {"%2$s": {"get": {"tags": ["%1$s"], "summary": "List", "description": "List",
                   "operationId": "%1$sList", "security": [{"SecurityScheme": ["organizer"]}],
                   "responses": {"200": {"description": "OK", "content": {"application/json": {"schema":
                     {"$ref": "#/components/schemas/Page"}}}},
                    "400": {"description": "Bad", "content": {"application/problem+json": {"schema":
                     {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {
                   "Page": {"type": "object", "description": "%1$s page", "properties": {"total": {"type": "integer"}}},
                   "Problem": {"type": "object", "properties": {"type": {"type": "string"}}}},
                  "securitySchemes": {"SecurityScheme": {"type": "openIdConnect",
                   "openIdConnectUrl": "http://localhost:8180/realms/handinhand/.well-known/openid-configuration"}}}}
                """.formatted(service, prefix);
    }

    private static HttpServer echo(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> answer(name, exchange));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String name, HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
            byte[] document = DOCUMENTS.get(name).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
            return;
        }
        HITS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                sha.update(buffer, 0, n);
            }
        }
        long delay = exchange.getRequestURI().getPath().endsWith("/slow") ? 3_000 : delay(exchange.getRequestURI().getQuery());
        if (delay > 0) {
            try {
                // A service that takes this long to start its answer once it has read the whole request.
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        var h = exchange.getRequestHeaders();
        String json = "{"
                + field("backend", name) + ","
                + field("method", exchange.getRequestMethod()) + ","
                + field("uri", exchange.getRequestURI().toString()) + ","
                + field("authorization", h.getFirst("Authorization")) + ","
                + field("requestId", h.getFirst("X-Request-Id")) + ","
                + field("forwardedFor", h.getFirst("X-Forwarded-For")) + ","
                + field("traceparent", h.getFirst("traceparent")) + ","
                + field("connection", h.getFirst("Connection")) + ","
                + field("sha256", HexFormat.of().formatHex(sha.digest())) + ","
                + "\"bodySize\":" + size + "}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Backend", name);
        if (exchange.getRequestURI().getPath().endsWith("/cached")) {
            // A service with a cache policy of its own, and a security header of its own the gateway overrides.
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=60");
            exchange.getResponseHeaders().add("X-Frame-Options", "SAMEORIGIN");
        }
        exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/created") ? 201 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The {@code delay} query parameter in milliseconds, 0 without one. */
    private static long delay(String query) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("delay=")) {
                    return Long.parseLong(parameter.substring("delay=".length()));
                }
            }
        }
        return 0;
    }

    private static String field(String key, String value) {
        return "\"" + key + "\":" + (value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
