package de.handinhand.deploy;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the stack's Keycloak: the password grant of {@code handinhand-cli} (as
 * scripts do) for the demo users, and the client-credentials grant of {@code external-portal} (as a
 * portal does). Tokens are reused while they have more than a minute left, so a run asks
 * Keycloak once per caller every few minutes instead of once per request.
 */
final class Keycloak {

    static final String PORTAL_CLIENT = "external-portal";
    static final String PORTAL_SECRET = "external-portal-demo-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String realmUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Keycloak(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** A token of a demo user (password {@code demo}). */
    String token(String user) {
        return tokens.compute("user:" + user, (key, cached) -> fresh(cached) ? cached : passwordGrant(user));
    }

    /** A token of the portal client's service account (role {@code portal}, no user). */
    String portalToken() {
        return tokens.compute("client:" + PORTAL_CLIENT, (key, cached) -> fresh(cached) ? cached
                : given().baseUri(realmUrl).formParam("client_id", PORTAL_CLIENT)
                        .formParam("client_secret", PORTAL_SECRET).formParam("grant_type", "client_credentials")
                        .post("/protocol/openid-connect/token").then().statusCode(200)
                        .extract().path("access_token"));
    }

    private String passwordGrant(String user) {
        return given().baseUri(realmUrl)
                .formParam("client_id", "handinhand-cli")
                .formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", "demo")
                .post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The token's claims, decoded (not verified: the services verify; tests only read them). */
    static Map<String, Object> claims(String token) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
            return claims;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean fresh(String token) {
        return token != null && ((Number) claims(token).get("exp")).longValue() > Instant.now().getEpochSecond() + 60;
    }
}
