package de.handinhand.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits with limits small enough to reach in a test, in a profile of their own so that
 * GatewayTest is never throttled. Each test counts against clients (subjects) of its own; only
 * {@link #anonymousCallersAreKeyedByTheirAddressAndCannotEscapeByClaimingAnother} calls /api anonymously.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    // Slow enough that no token comes back between a test's consecutive requests.
                    "handinhand.gateway.rate-limit.default.requests-per-second", "0.5",
                    "handinhand.gateway.rate-limit.default.burst", "3",
                    "handinhand.gateway.rate-limit.search.requests-per-second", "1",
                    "handinhand.gateway.rate-limit.search.burst", "3",
                    "handinhand.gateway.rate-limit.writes.requests-per-second", "1",
                    "handinhand.gateway.rate-limit.writes.burst", "2");
        }
    }

    private static final int BURST = 3;

    /** The route groups come from the services' documents: the tests start once the gateway has them. */
    @BeforeEach
    void servicesDocumentsAreLoaded() {
        GatewayTest.documentsLoaded();
    }

    @Test
    void aClientThatHammersGets429WithRetryAfterAndNeverReachesTheService() {
        String token = token("organizer");
        int before = hits("submission");
        Hammered hammered = hammer(() -> given().auth().oauth2(token), "/api/calls");
        Response refused = hammered.refused();
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[12]"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:handinhand:problem:too-many-requests"))
                .body("detail", allOf(containsString("'default'"), containsString("0.5 requests per second"),
                        containsString("bursts of 3")));
        GatewayTest.assertSecurityHeaders(refused.then());
        assertEquals(before + hammered.passed(), hits("submission"), "refused requests never reach the service");
    }

    @Test
    void anotherClientIsNotThrottledMeanwhile() {
        String hammering = token("organizer");
        hammer(() -> given().auth().oauth2(hammering), "/api/calls").refused().then().statusCode(429);
        given().auth().oauth2(token("organizer")).get("/api/calls").then().statusCode(200)
                .header("RateLimit-Remaining", String.valueOf(BURST - 1));
        given().auth().oauth2(hammering).get("/api/calls").then().statusCode(429);
    }

    @Test
    void eachRouteGroupHasItsOwnBucket() {
        String token = token("organizer");
        hammer(() -> given().auth().oauth2(token), "/api/catalogue/offers").refused()
                .then().statusCode(429).body("detail", containsString("'search'"));
        given().auth().oauth2(token).get("/api/calls").then().statusCode(200);
        // Only the catalogue's public reads are searches: a publisher's own reads count as other reads.
        given().auth().oauth2(token).get("/api/catalogue/offers/mine").then().statusCode(200)
                .header("RateLimit-Limit", String.valueOf(BURST))
                .header("RateLimit-Remaining", String.valueOf(BURST - 2));

        int before = hits("submission");
        Response refused = null;
        int passed = 0;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"title\":\"x\"}")
                    .post("/api/calls");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                passed++;
            }
        }
        assertTrue(refused != null && passed >= 2, "writes: burst of 2, then 429");
        refused.then().header("Connection", "close").body("detail", containsString("'writes'"));
        assertEquals(before + passed, hits("submission"));
    }

    @Test
    void theBucketRefillsAndRequestsPassAgain() {
        String token = token("organizer");
        Response refused = hammer(() -> given().auth().oauth2(token), "/api/calls").refused();
        Instant refusedAt = Instant.now();
        long retryAfter = Long.parseLong(refused.getHeader("Retry-After"));
        Awaitility.await().atMost(Duration.ofSeconds(retryAfter + 3)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(token).get("/api/calls").statusCode() == 200);
        assertTrue(Duration.between(refusedAt, Instant.now()).toMillis() >= 500,
                "the bucket refills at one request every 2 s, not at once");
    }

    @Test
    void anonymousCallersAreKeyedByTheirAddressAndCannotEscapeByClaimingAnother() {
        hammer(() -> given(), "/api/calls").refused().then().statusCode(429);
        // X-Forwarded-For is not believed unless the connection comes from a configured trusted proxy.
        given().header("X-Forwarded-For", "203.0.113.7").get("/api/calls").then().statusCode(429);
        // A token that fails validation names no client: it counts against the address too.
        given().auth().oauth2("garbage").get("/api/calls").then().statusCode(429);
        // Signed-in callers from the same address have their own buckets.
        given().auth().oauth2(token("organizer")).get("/api/calls").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreNotLimited() {
        for (int i = 0; i < 3 * BURST; i++) {
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
        }
        given().get("/q/metrics").then().statusCode(200);
    }

    /** The first 429 of a client and how many of its requests passed before it. */
    private record Hammered(Response refused, int passed) {
    }

    /** Sends until the first 429 (at most 20 requests); the burst must pass first. */
    private static Hammered hammer(Supplier<RequestSpecification> request, String path) {
        int passed = 0;
        for (int i = 0; i < 20; i++) {
            Response response = request.get().get(path);
            if (response.statusCode() == 429) {
                assertTrue(passed >= BURST, "the burst of " + BURST + " passes before the first 429, passed " + passed);
                return new Hammered(response, passed);
            }
            assertEquals(200, response.statusCode(), response.asString());
            passed++;
        }
        throw new AssertionError("no 429 after 20 requests");
    }

    private static String token(String role) {
        return TestTokens.token("rate-" + UUID.randomUUID(), List.of(role), Map.of());
    }

    private static int hits(String backend) {
        return EchoBackends.HITS.computeIfAbsent(backend, k -> new AtomicInteger()).get();
    }

    @Test
    void theOpenApiDocumentIsNeverLimited() {
        for (int i = 0; i < BURST * 3; i++) {
            given().get("/q/openapi").then().statusCode(200).header("RateLimit-Limit", org.hamcrest.Matchers.nullValue());
        }
    }
}
