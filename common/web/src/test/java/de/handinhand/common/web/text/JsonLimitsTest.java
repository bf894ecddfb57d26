package de.handinhand.common.web.text;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * The parser's limits and strictness ({@link JsonLimits}) as the caller sees them: each refusal is
 * problem+json naming what is wrong, with the field where there is one, and never a 500. Documents
 * within the limits still pass.
 */
@QuarkusTest
class JsonLimitsTest {

    private static final String VALID_HEAD = "{\"title\": \"Sprachcafé\", \"kreisId\": \"09174\"";

    private static ValidatableResponse post(String path, String body) {
        return given().contentType("application/json").body(body).post(path).then()
                .contentType("application/problem+json");
    }

    private static String nested(String key, int depth, String innermost) {
        return ("{\"" + key + "\":").repeat(depth) + innermost + "}".repeat(depth);
    }

    @Test
    void deepNestingIsRefusedWhileTheUsualDepthPasses() {
        given().contentType("application/json").body(nested("a", 20, "1")).post("/test/samples/free")
                .then().statusCode(200).body("a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a", equalTo(1));
        post("/test/samples/free", nested("a", 10_000, "1")).statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:json-too-deep"))
                .body("detail", equalTo("The JSON document is nested deeper than 64 levels"));
        post("/test/samples/free", "{\"a\": " + "[".repeat(100_000)).statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:json-too-deep"));
    }

    @Test
    void aTenMegabyteNumberIsRefusedNamingTheLimit() {
        // The parser buffers the number's text like a string's: past the string limit, that limit answers.
        String digits = "1".repeat(10_000_000);
        post("/test/samples", VALID_HEAD + ", \"costCents\": " + digits + "}").statusCode(413)
                .body("type", equalTo("urn:handinhand:problem:payload-too-large"))
                .body("detail", containsString("A value in the request body is longer than 1000000 characters"));
        post("/test/samples/free", "{\"amount\": " + digits + "}").statusCode(413);
        post("/test/samples", VALID_HEAD + ", \"costCents\": " + "1".repeat(101) + "}").statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:json-number-too-long"))
                .body("detail", containsString("A number in the request body is longer than 100 characters"));
        post("/test/samples/free", "{\"amount\": 0." + "9".repeat(200) + "}").statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:json-number-too-long"));
        given().contentType("application/json").body("{\"amount\": " + "9".repeat(60) + "}")
                .post("/test/samples/free").then().statusCode(200);
    }

    @Test
    void aHugeStringIsRefusedNamingItsField() {
        post("/test/samples", VALID_HEAD.replace("Sprachcafé", "x".repeat(1_000_001)) + "}").statusCode(413)
                .body("type", equalTo("urn:handinhand:problem:payload-too-large"))
                .body("detail", containsString("A value in the request body is longer than 1000000 characters"))
                .body("errors[0].field", equalTo("title"));
        post("/test/samples/free", "{\"text\": \"" + "x".repeat(3_000_000) + "\"}").statusCode(413)
                .body("type", equalTo("urn:handinhand:problem:payload-too-large"));
        // Below the parser's limit, a field's own limit answers with its own 422.
        post("/test/samples", VALID_HEAD.replace("Sprachcafé", "x".repeat(5_000)) + "}").statusCode(422)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("must be at most 300 characters"));
    }

    @Test
    void aDuplicateKeyIsRefusedNamingTheKey() {
        post("/test/samples", "{\"title\": \"Sprachcafé\", \"title\": \"Elterncafé\", \"kreisId\": \"09174\"}")
                .statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:duplicate-key"))
                .body("detail", equalTo("The key 'title' appears twice in one object"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("title"));
        post("/test/samples", VALID_HEAD + ", \"locations\": [{\"lat\": 48.2, \"lon\": 11.4},"
                + " {\"lat\": 48.2, \"lat\": 48.3, \"lon\": 11.4}]}").statusCode(400)
                .body("errors[0].field", equalTo("locations[1].lat"));
        post("/test/samples/free", "{\"answers\": {\"C10\": \"YES\", \"C10\": \"NO\"}}").statusCode(400)
                .body("errors[0].field", equalTo("answers.C10"));
    }

    @Test
    void valuesOfAnotherTypeAreRefusedRatherThanConverted() {
        post("/test/samples", "{\"title\": 4711, \"kreisId\": \"09174\"}").statusCode(400)
                .body("errors[0].field", equalTo("title")).body("errors[0].message", equalTo("must be a string"));
        post("/test/samples", "{\"title\": true, \"kreisId\": \"09174\"}").statusCode(400)
                .body("errors[0].field", equalTo("title"));
        post("/test/samples", VALID_HEAD + ", \"costCents\": \"100\"}").statusCode(400)
                .body("errors[0].field", equalTo("costCents")).body("errors[0].message", equalTo("must be a number"));
        post("/test/samples", VALID_HEAD + ", \"costCents\": 1.5}").statusCode(400)
                .body("errors[0].field", equalTo("costCents"));
        post("/test/samples", VALID_HEAD + ", \"kind\": 0}").statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        post("/test/samples", VALID_HEAD + ", \"locations\": [{\"lat\": \"48.2\", \"lon\": 11.4}]}").statusCode(400)
                .body("errors[0].field", equalTo("locations[0].lat"));
        // An instant from a number would be seconds since 1970: refused, the ISO text taken.
        post("/test/samples", VALID_HEAD + ", \"startsAt\": 4711}").statusCode(400)
                .body("errors[0].field", equalTo("startsAt"));
        post("/test/samples", VALID_HEAD + ", \"startsAt\": 4711.5}").statusCode(400);
        given().contentType("application/json").body(VALID_HEAD + ", \"startsAt\": \"2026-03-01T08:00:00Z\"}")
                .post("/test/samples").then().statusCode(200).body("startsAt", equalTo("2026-03-01T08:00:00Z"));
    }

    @Test
    void anythingAfterTheDocumentIsRefused() {
        post("/test/samples", VALID_HEAD + "} {\"title\": \"second\"}").statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:malformed-json"));
        post("/test/samples", VALID_HEAD + "} x").statusCode(400);
    }
}
