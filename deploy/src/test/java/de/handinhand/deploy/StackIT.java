package de.handinhand.deploy;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the stack as a whole guarantees, whoever calls: everything is ready and seeded, no forged,
 * foreign, misused or expired token gets in, every endpoint refuses every caller it must (the
 * security matrix), page sizes and bodies are bounded, server-owned fields are refused, and
 * hammering is limited. The tests are independent of each other and of order.
 */
@ExtendWith(LocalStackExtension.class)
class StackIT {

    @Test
    void everyServiceAndTheGatewayAreReadyWithTheDemoData(StackConfig config, Gateway gateway) {
        for (int port : List.of(config.gatewayPort(), config.submissionPort(), config.cataloguePort(),
                config.scoringPort())) {
            gateway.anonymous().baseUri("http://localhost:" + port).get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
        }
        // Database and Kafka are part of readiness where a service has them.
        JsonPath scoring = gateway.anonymous().baseUri("http://localhost:" + config.scoringPort())
                .get("/q/health/ready").jsonPath();
        List<String> checks = scoring.getList("checks.name");
        assertTrue(checks.stream().anyMatch(n -> n.toLowerCase().contains("database")), "checks: " + checks);
        assertTrue(checks.stream().anyMatch(n -> n.toLowerCase().contains("kafka")
                || n.toLowerCase().contains("messaging")), "checks: " + checks);
        // The seeded open competition call.
        gateway.anonymous().queryParam("size", 200).get("/api/calls").then().statusCode(200)
                .body("items.title", hasItem("Zusammenleben Hand in Hand 2026"));
        // The demo catalogue: public search with facets and a radius (expired demo offers included:
        // which of the 100 have expired depends on today's date).
        gateway.anonymous().get("/api/catalogue/offers?size=1&includeExpired=true").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(100)).body("facets.kreis.'09174'", greaterThan(0));
        gateway.anonymous().queryParam("q", "Sprachcafe").queryParam("near", "51.6141,7.1979")
                .queryParam("radiusKm", "5").queryParam("sort", "distance").get("/api/catalogue/offers").then()
                .statusCode(200).body("items[0].title.de", startsWith("Sprachcafé"))
                .body("items[0].kreisId", equalTo("05562"));
        // The same catalogue as HSDS 3.0.
        String service = gateway.anonymous().queryParam("per_page", "5").get("/api/catalogue/hsds/services").then()
                .statusCode(200).body("total_items", greaterThanOrEqualTo(100))
                .body("page_number", equalTo(1)).body("contents.size()", equalTo(5))
                .extract().path("contents[0].id");
        gateway.anonymous().get("/api/catalogue/hsds/services/" + service).then().statusCode(200)
                .body("status", equalTo("active")).body("service_at_locations[0].location.latitude", notNullValue());
        gateway.anonymous().get("/api/catalogue/hsds/organizations").then().statusCode(200)
                .body("total_items", greaterThan(0));
    }

    @Test
    void noForgedForeignOrMisusedTokenGetsIn(StackConfig config, Keycloak keycloak, Gateway gateway) throws Exception {
        TokenAttacks attacks = new TokenAttacks(config, keycloak);
        attacks.assertAccepted(keycloak.token("heilbronn"));
        for (Map.Entry<String, String> attack : attacks.forgedTokens().entrySet()) {
            attacks.assertRefused(attack.getKey(), attack.getValue());
        }
        for (String base : List.of(config.gatewayUrl(), "http://localhost:" + config.submissionPort())) {
            gateway.anonymous().baseUri(base).get(TokenAttacks.PROTECTED).then().statusCode(401)
                    .contentType("application/problem+json");
            gateway.anonymous().baseUri(base).header("Authorization", "Basic aGVpbGJyb25uOmRlbW8=")
                    .get(TokenAttacks.PROTECTED).then().statusCode(401);
        }
    }

    @Test
    void anExpiredTokenIsRefused(StackConfig config, Keycloak keycloak) throws Exception {
        new TokenAttacks(config, keycloak).expiredTokenIsRefused();
    }

    @Test
    void everyEndpointRefusesEveryCallerItMustNot(StackConfig config, Keycloak keycloak) throws Exception {
        SecurityMatrix matrix = new SecurityMatrix(config, keycloak);
        SecurityMatrix.assertSameRows(matrix.documented(matrix.document()));
        List<String> failures = matrix.run();
        assertTrue(failures.isEmpty(), failures.size() + " cells of the security matrix are wrong:\n"
                + String.join("\n", failures));
    }

    @Test
    void pageSizesBodiesAndServerOwnedFieldsAreGuarded(Gateway gateway, Steps steps) {
        gateway.anonymous().get("/api/catalogue/offers?size=201").then().statusCode(400)
                .contentType("application/problem+json");
        gateway.anonymous().get("/api/catalogue/hsds/services?per_page=201").then().statusCode(400);
        gateway.as("heilbronn").get("/api/submissions?size=1000").then().statusCode(400)
                .contentType("application/problem+json");
        // Bigger than the gateway's body limit: refused before any service sees it.
        gateway.as("heilbronn").contentType(ContentType.JSON)
                .body("{\"title\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").post("/api/submissions").then()
                .statusCode(413).contentType("application/problem+json");
        // Server-owned fields in a body are refused, not taken.
        Map<String, Object> offer = new HashMap<>(Map.of("title", Map.of("de", "Selbst freigegeben"),
                "provider", "Verein", "kreisId", "09174", "status", "PUBLISHED", "awardWinner", true));
        gateway.as("heilbronn").contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", anyOf(equalTo("status"), equalTo("awardWinner")));
        String call = steps.openCall("Stack Mass assignment " + Steps.uniqueWord(""));
        String entry = steps.draft("heilbronn", call, "Heilbronn: Eigenes Feld", "Einzelprojekt");
        gateway.as("heilbronn").contentType(ContentType.JSON)
                .body(Map.of("title", "Heilbronn", "municipalityId", "05562", "status", "SUBMITTED"))
                .put("/api/submissions/" + entry).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", anyOf(equalTo("municipalityId"), equalTo("status")));
        gateway.as("heilbronn").get("/api/submissions/" + entry).then().statusCode(200)
                .body("municipalityId", equalTo("08125")).body("status", equalTo("DRAFT"));
    }

    @Test
    void hammeringIsAnsweredWith429(Gateway gateway) {
        Response limited = null;
        for (int i = 0; i < 500 && limited == null; i++) {
            Response r = gateway.anonymous().get("/api/catalogue/offers?size=1");
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.statusCode());
            }
        }
        assertTrue(limited != null, "500 searches in a row from one address were never limited");
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertTrue(limited.contentType().startsWith("application/problem+json"));
        // Leave the stack as found for the tests after this one: the bucket refilled at least halfway.
        Gateway.eventually("anonymous searches served again", () -> gateway.anonymous().get("/api/catalogue/offers?size=1"),
                r -> r.statusCode() == 200
                        && 2 * Integer.parseInt(r.header("RateLimit-Remaining")) >= Integer.parseInt(r.header("RateLimit-Limit")));
    }
}
