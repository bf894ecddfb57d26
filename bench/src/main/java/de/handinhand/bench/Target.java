package de.handinhand.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The stack under measurement: HTTP through the gateway with real Keycloak tokens. */
final class Target {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String gateway;
    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Target(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    private record Token(String value, long fetchedNanos) {
    }

    /**
     * A token for a demo user, fetched once and again before it can expire. Synchronised: many
     * concurrent logins of one user trip Keycloak's brute-force protection.
     */
    synchronized String token(String user) throws IOException, InterruptedException {
        Token token = tokens.get(user);
        if (token == null || System.nanoTime() - token.fetchedNanos() > Duration.ofSeconds(120).toNanos()) {
            String form = "client_id=handinhand-cli&grant_type=password&username="
                    + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/handinhand/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token for " + user + ": " + response.body());
            }
            token = new Token(JSON.readTree(response.body()).get("access_token").asText(), System.nanoTime());
            tokens.put(user, token);
        }
        return token.value();
    }

    JsonNode get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(gateway + path)).GET(), 200);
    }

    JsonNode post(String user, String path, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return send(user, HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json")
                .POST(publisher), expected);
    }

    String gateway() {
        return gateway;
    }

    private JsonNode send(String user, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " from " + response.uri() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
