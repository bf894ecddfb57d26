package de.handinhand.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens: a caller's repeated token skips the signature check, and still nothing
 * passes that a fresh check would refuse (expired, tampered, another role), and changed signing keys drop
 * every cached verdict.
 */
@QuarkusTest
class TokenCacheTest {

    private static final String CACHE = "gateway.verified-tokens";

    @OidcWireMock
    WireMockServer oidc;

    @BeforeEach
    void servicesDocumentsAreLoaded() {
        GatewayTest.documentsLoaded();
    }

    @Test
    void aCallersRepeatedTokenIsVerifiedOnceAndServedFromTheCache() {
        String token = submitter(Instant.now().plus(Duration.ofMinutes(5)));
        double hits = metric("cache_gets_total", "hit");
        double misses = metric("cache_gets_total", "miss");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/submissions").then().statusCode(200)
                    .body("backend", equalTo("submission"))
                    .body("authorization", equalTo("Bearer " + token));
        }

        assertEquals(misses + 1, metric("cache_gets_total", "miss"), "verified once");
        assertEquals(hits + 2, metric("cache_gets_total", "hit"), "then found twice");
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        // A token's exp counts whole seconds: the token ends at the start of that second.
        Instant expiry = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        String token = submitter(expiry);
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);

        // Polled with the same token: once its exp has passed the cached verdict no longer counts.
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/submissions").then().statusCode(401)
                        .header("WWW-Authenticate", containsString("invalid_token")));
        assertTrue(!Instant.now().isBefore(expiry), "refused only once it expired");
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        String token = submitter(Instant.now().plus(Duration.ofMinutes(5)));
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);

        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String organizerPayload = parts[0] + "." + TestTokens.organizer().split("\\.")[1] + "." + parts[2];
        for (String tampered : List.of(otherSignature, organizerPayload, token + "x", token.substring(1))) {
            given().auth().oauth2(tampered).contentType(ContentType.JSON).body("{}").post("/api/calls")
                    .then().statusCode(401);
            given().auth().oauth2(tampered).get("/api/submissions").then().statusCode(401);
        }
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);
    }

    @Test
    void aCachedCallerKeepsItsRolesAndNothingMore() {
        String token = submitter(Instant.now().plus(Duration.ofMinutes(5)));
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}").post("/api/calls")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/scoring/cases").then().statusCode(403);
    }

    @Test
    void changedSigningKeysDropEveryCachedVerdict() {
        String token = submitter(Instant.now().plus(Duration.ofMinutes(5)));
        given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);
        assertTrue(metric("cache_size", null) >= 1);

        // The realm publishes one more key (a rotation begins): the key the test tokens are signed with stays.
        String jwks = given().baseUri(oidc.baseUrl()).get("/auth/realms/quarkus/protocol/openid-connect/certs")
                .then().statusCode(200).extract().asString();
        String rotated = jwks.replaceFirst("\"keys\"\\s*:\\s*\\[", "\"keys\": [{\"kty\":\"oct\",\"kid\":\"rotated-"
                + UUID.randomUUID() + "\",\"k\":\"c2VjcmV0\",\"use\":\"enc\"},");
        StubMapping stub = oidc.stubFor(get(urlEqualTo("/auth/realms/quarkus/protocol/openid-connect/certs"))
                .atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(rotated)));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> metric("cache_size", null) == 0);
            double misses = metric("cache_gets_total", "miss");
            given().auth().oauth2(token).get("/api/submissions").then().statusCode(200);
            assertEquals(misses + 1, metric("cache_gets_total", "miss"), "verified again");
        } finally {
            oidc.removeStub(stub);
        }
    }

    private static String submitter(Instant expiry) {
        // A subject of its own per token, so no test's verdict is another's.
        return TestTokens.sign(TestTokens.builder("heilbronn-" + UUID.randomUUID(), List.of("submitter"),
                Map.of("municipality_id", "08125")).expiresAt(expiry));
    }

    /** A series of the cache's metrics; {@code result} hit/miss for the gets, null for the others. */
    private static double metric(String name, String result) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Pattern series = Pattern.compile("^" + name + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher m = series.matcher(metrics);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("cache=\"" + CACHE + "\"") && (result == null || labels.contains("result=\"" + result + "\""))) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no series " + name + " of " + CACHE + " in /q/metrics");
    }
}
