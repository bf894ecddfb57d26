package de.handinhand.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.testing.TestTokens;
import de.handinhand.gateway.ratelimit.RateGroup;
import de.handinhand.gateway.ratelimit.RateLimiter;
import de.handinhand.gateway.ratelimit.TokenBuckets.Limit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GATEWAY_INSTANCES}: the configured limits are the cluster's, and a gateway told that it is one
 * of four holds a quarter of each (README "Rate limits"), which its answers' {@code RateLimit-Limit}
 * says.
 */
@QuarkusTest
@TestProfile(RateLimitClusterTest.FourGateways.class)
class RateLimitClusterTest {

    public static class FourGateways implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "handinhand.gateway.rate-limit.gateway-instances", "4",
                    "handinhand.gateway.rate-limit.default.requests-per-second", "40",
                    "handinhand.gateway.rate-limit.default.burst", "100",
                    "handinhand.gateway.rate-limit.writes.requests-per-second", "10",
                    "handinhand.gateway.rate-limit.writes.burst", "30");
        }
    }

    @Inject
    RateLimiter limiter;

    @BeforeEach
    void servicesDocumentsAreLoaded() {
        GatewayTest.documentsLoaded();
    }

    @Test
    void eachGatewayHoldsItsShareOfTheConfiguredLimits() {
        assertEquals(new Limit("default", 10, 25), limiter.limit(RateGroup.DEFAULT));
        assertEquals(new Limit("writes", 2.5, 8), limiter.limit(RateGroup.WRITES));
        String token = TestTokens.token("cluster-" + UUID.randomUUID(), List.of("organizer"), Map.of());
        given().auth().oauth2(token).get("/api/calls").then().statusCode(200)
                .header("RateLimit-Limit", "25").header("RateLimit-Remaining", "24");
    }
}
