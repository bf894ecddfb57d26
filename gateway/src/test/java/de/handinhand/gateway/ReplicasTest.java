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
 * submission service has three instances, the first of which has nothing listening, and the catalogue
 * two, the second of which has nothing listening.
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
    void aReadThatOneInstanceIsSlowToAnswerIsAnsweredByTheNextWithinTheReadTimeout() {
        // submission-a takes 700 ms to start answering: longer than one try (400 ms in tests), shorter than
        // the read timeout (1 s). Whichever instance's turn it is, the caller gets submission-b's answer.
        int before = hits("submission-a");
        for (int i = 0; i < 6; i++) {
            given().get("/api/calls?delay=700&delayAt=submission-a")
                    .then().statusCode(200)
                    .header("X-Backend", "submission-b")
                    .body("method", equalTo("GET"));
        }
        assertTrue(hits("submission-a") > before, "the turn never reached the slow instance: nothing was proven");
    }

    @Test
    void aReadWhoseOtherInstanceIsDownHasTheWholeReadTimeoutOnTheLiveOne() {
        // The catalogue has two instances here: catalogue-a and one with nothing listening. Two quick reads
        // start one at each (the turn alternates), so the gateway has seen the dead one refuse.
        for (int i = 0; i < 2; i++) {
            given().get("/api/catalogue/offers").then().statusCode(200).header("X-Backend", "catalogue-a");
        }
        // catalogue-a takes 700 ms: longer than one try (400 ms), shorter than the read timeout (1 s). Whichever
        // instance's turn it is, the caller gets its answer, not a try cut short and then the dead one's 504.
        int before = hits("catalogue-a");
        for (int i = 0; i < 4; i++) {
            given().get("/api/catalogue/offers?delay=700")
                    .then().statusCode(200)
                    .header("X-Backend", "catalogue-a")
                    .body("method", equalTo("GET"));
        }
        // Each read reached catalogue-a once: none was cut at a try and sent to it again.
        assertEquals(4, hits("catalogue-a") - before);
    }

    @Test
    void aReadThatNoInstanceAnswersInTimeGets504WithinItsTimeout() {
        // Both live instances take 2 s, the read timeout is 1 s: the tries share it, the caller gets 504.
        given().get("/api/calls?delay=2000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:backend-timeout"));
    }

    @Test
    void aSlowWriteIsNeverSentToASecondInstance() {
        // Writes have 1 s in tests; submission-a takes 1.5 s. A write it took is answered 504 and not
        // repeated on submission-b, so every write reached exactly one instance.
        int a = hits("submission-a");
        int b = hits("submission-b");
        int timedOut = 0;
        for (int i = 0; i < 4; i++) {
            int status = given().auth().oauth2(TestTokens.organizer()).contentType("application/json").body("{}")
                    .post("/api/calls?delay=1500&delayAt=submission-a").then().extract().statusCode();
            assertTrue(status == 504 || status == 200, "status " + status);
            timedOut += status == 504 ? 1 : 0;
        }
        assertEquals(4, hits("submission-a") - a + hits("submission-b") - b, "each write reached one instance once");
        assertEquals(timedOut, hits("submission-a") - a, "the writes submission-a took are the ones answered 504");
        assertTrue(timedOut > 0, "the turn never reached the slow instance: nothing was proven");
    }

    private static int hits(String backend) {
        java.util.concurrent.atomic.AtomicInteger n = EchoBackends.HITS.get(backend);
        return n == null ? 0 : n.get();
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
