package de.handinhand.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A transaction the database rolled back because of other transactions (deadlock victim,
 * serialisation failure) or a lost connection is answered 503 with Retry-After: nothing was
 * stored and the same request normally succeeds when sent again. Any other failure stays a 500.
 */
@QuarkusTest
class TransientFailureTest {

    @Test
    void aDeadlockVictimIsTold503WithRetryAfter() {
        given().post("/test/samples/deadlock").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("1"))
                .body("status", equalTo(503))
                .body("detail", containsString("nothing was stored"));
    }

    @Test
    void aDatabaseErrorThatRetryingWouldNotCureStaysAnInternalError() {
        given().post("/test/samples/duplicate").then()
                .statusCode(500)
                .contentType("application/problem+json");
    }
}
