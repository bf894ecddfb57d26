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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the services behind the gateway: each answers with what it received (method,
 * path, the headers the gateway must forward, body size and SHA-256), so tests can see exactly
 * what crossed the gateway. {@code /slow} paths answer after 3 s, any path with {@code ?delay=<ms>}
 * after that long (both counted once the body has been read; with {@code &delayAt=<name>} only the
 * backend of that name waits), with {@code ?status=<code>} with that
 * status; {@code /cached} paths carry a cache policy of their own.
 *
 * <p>{@code /q/openapi} answers with the service's OpenAPI document ({@link #DOCUMENTS}; 503 while it has
 * none). By default these are the test's own documents ({@code src/test/resources/openapi/<service>.json},
 * the operations and security the services declared when they were written), so that the gateway's tests
 * do not depend on whether the services were built first; under {@link OpenApiTest.StoredDocuments} the
 * ones the services' builds stored ({@code ../<service>-service/target/openapi/openapi.json}) where
 * present. By default two more backends are configured: {@code archive} ({@code /api/archive}), whose
 * address has nothing listening (a service that is down, its document never fetched), and {@code late}
 * ({@code /api/late}), which has no document until a test publishes one.
 */
public class EchoBackends implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVICES = List.of("submission", "catalogue", "scoring");
    public static final Map<String, AtomicInteger> HITS = new ConcurrentHashMap<>();
    /** The OpenAPI document each backend serves, by service name; none: 503. */
    public static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();
    /** How often each backend's {@code /q/openapi} was asked. */
    public static final Map<String, AtomicInteger> DOCUMENT_FETCHES = new ConcurrentHashMap<>();
    /** The services whose document is the one their build stored, not the test's own. */
    public static final java.util.Set<String> STORED = ConcurrentHashMap.newKeySet();
    private final List<HttpServer> servers = new java.util.ArrayList<>();
    private boolean stored;
    private boolean replicas;

    @Override
    public void setContext(Context context) {
        stored = OpenApiTest.StoredDocuments.class.getName().equals(context.testProfile());
        replicas = ReplicasTest.ThreeInstances.class.getName().equals(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        STORED.clear();
        DOCUMENTS.clear();
        Map<String, String> config = new java.util.HashMap<>();
        for (String service : SERVICES) {
            DOCUMENTS.put(service, document(service, stored));
            config.put("handinhand.gateway.backends." + service + ".url", "http://localhost:" + echo(service));
        }
        if (replicas) {
            // Three instances of the submission service: the first down, two answering (named apart in
            // X-Backend, both serving the submission service's document).
            config.put("handinhand.gateway.backends.submission.url", "http://localhost:" + closedPort()
                    + ",http://localhost:" + echo("submission-a", "submission")
                    + ",http://localhost:" + echo("submission-b", "submission"));
            // Two of the catalogue: one answering, one down.
            config.put("handinhand.gateway.backends.catalogue.url", "http://localhost:" + echo("catalogue-a", "catalogue")
                    + ",http://localhost:" + closedPort());
        }
        if (!stored) {
            config.put("handinhand.gateway.backends.archive.url", "http://localhost:" + closedPort());
            config.put("handinhand.gateway.backends.archive.prefixes", "/api/archive");
            config.put("handinhand.gateway.backends.late.url", "http://localhost:" + echo("late"));
            config.put("handinhand.gateway.backends.late.prefixes", "/api/late");
        }
        return config;
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private static String document(String service, boolean stored) {
        java.nio.file.Path built = java.nio.file.Path.of("..", service + "-service", "target", "openapi", "openapi.json");
        try {
            if (stored && java.nio.file.Files.isRegularFile(built)) {
                STORED.add(service);
                return java.nio.file.Files.readString(built);
            }
            try (InputStream in = EchoBackends.class.getResourceAsStream("/openapi/" + service + ".json")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an echo backend; returns its port. */
    private int echo(String name) {
        return echo(name, name);
    }

    /** Starts an echo backend named {@code name} serving the document of {@code service}; returns its port. */
    private int echo(String name, String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", exchange -> answer(name, service, exchange));
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String name, String service, HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
            DOCUMENT_FETCHES.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            String document = DOCUMENTS.get(service);
            if (document == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
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
        long delay = exchange.getRequestURI().getPath().endsWith("/slow") ? 3_000
                : parameter(exchange.getRequestURI().getQuery(), "delay", 0);
        String slowOnly = text(exchange.getRequestURI().getQuery(), "delayAt");
        if (slowOnly != null && !slowOnly.equals(name)) {
            // ?delayAt=<backend>: only that instance is slow, the others answer at once.
            delay = 0;
        }
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
                + field("tracestate", h.getFirst("tracestate")) + ","
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
        exchange.sendResponseHeaders((int) parameter(exchange.getRequestURI().getQuery(), "status", 200), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A query parameter's text ({@code delayAt}), or null. */
    private static String text(String query, String name) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith(name + "=")) {
                    return parameter.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    /** A numeric query parameter ({@code delay} in milliseconds, {@code status}), or the default. */
    private static long parameter(String query, String name, long otherwise) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith(name + "=")) {
                    return Long.parseLong(parameter.substring(name.length() + 1));
                }
            }
        }
        return otherwise;
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
