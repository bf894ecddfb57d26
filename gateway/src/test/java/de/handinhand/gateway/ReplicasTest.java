package de.handinhand.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A service run as several instances ({@code url} with comma-separated addresses, as the local stack's
 * {@code --replicas} configures it): the gateway takes the instances in turn, and a request that finds
 * an instance down goes to the next one, so the caller never sees the instance that died. Here the
 * submission service has three instances, the first of which has nothing listening.
 */
@QuarkusTest
@TestProfile(ReplicasTest.ThreeInstances.class)
class ReplicasTest {

    public static class ThreeInstances implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("handinhand.gateway.rate-limit.enabled", "false");
        }
    }

    @Test
    void readsAreSpreadOverTheLiveInstancesAndNoneFailsOnTheDeadOne() {
        Map<String, Integer> served = new TreeMap<>();
        for (int i = 0; i < 12; i++) {
            String backend = given().get("/api/calls").then().statusCode(200).extract().header("X-Backend");
            served.merge(backend, 1, Integer::sum);
        }
        // The turn passes over the dead instance to the next one, so one live instance serves its turn
        // too: 12 requests over 3 instances give 8 and 4, never 12 and 0.
        assertEquals(java.util.Set.of("submission-a", "submission-b"), served.keySet(), served.toString());
        assertTrue(served.values().stream().allMatch(n -> n >= 3), served.toString());
    }

    @Test
    void aWriteThatFindsAnInstanceDownReachesTheNextWithItsWholeBody() throws Exception {
        byte[] body = new byte[200 * 1024];
        new Random(11).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        // Three writes: whichever instance's turn it is, each reaches a live one once, body intact.
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.organizer()).contentType("application/octet-stream").body(body)
                    .post("/api/imports/legacy")
                    .then().statusCode(200)
                    .body("method", equalTo("POST"))
                    .body("bodySize", equalTo(body.length))
                    .body("sha256", equalTo(sha));
        }
    }

    @Test
    void theServicesRulesComeFromAnInstanceThatAnswers() {
        // The first instance never gave a document; the gateway took it from another, so it knows the
        // submission service's operations and their roles.
        given().get("/api/submissions").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.portal()).get("/api/submissions").then().statusCode(403);
        given().get("/api/calls/unknown/thing/nobody/declared").then().statusCode(404);
    }
}
