package de.handinhand.submission.municipality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MunicipalityResourceTest {

    @Test
    void organizersRegisterMunicipalitiesWithConsistentKeys() {
        Map<String, Object> wiesbaden = new HashMap<>(Map.of("id", "06414000", "name", "Wiesbaden", "type", "STADT",
                "bundesland", "HE", "kreisId", "06414", "population", 283_000));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(wiesbaden)
                .post("/api/municipalities").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/municipalities/06414000"))
                .body("kreisId", equalTo("06414"));
        given().get("/api/municipalities/06414000").then().statusCode(200).body("name", equalTo("Wiesbaden"));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(wiesbaden)
                .post("/api/municipalities").then().statusCode(409);

        wiesbaden.put("population", 284_000);
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(wiesbaden)
                .put("/api/municipalities/06414000").then().statusCode(200).body("population", equalTo(284_000));
    }

    @Test
    void inconsistentKeysAreRefusedWithEveryFieldNamed() {
        Map<String, Object> wrong = Map.of("id", "0641400", "name", " ", "type", "LANDKREIS", "bundesland", "BY",
                "kreisId", "0641", "population", -1);
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(wrong)
                .post("/api/municipalities").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("id", "name", "bundesland", "kreisId", "population"));
        Map<String, Object> wrongLand = Map.of("id", "09175", "name", "Landkreis Ebersberg", "type", "LANDKREIS",
                "bundesland", "BW", "kreisId", "09174");
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(wrongLand)
                .post("/api/municipalities").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("bundesland", "kreisId"));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(Map.of("id", "09175", "name", "x", "type", "DORF", "bundesland", "BY", "kreisId", "09175"))
                .post("/api/municipalities").then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void aCorrectionIsCheckedAgainstTheKeyInThePath() {
        Map<String, Object> withoutKey = Map.of("name", "Landkreis Dachau", "type", "LANDKREIS", "bundesland", "HE",
                "kreisId", "09174", "population", 158_000);
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(withoutKey)
                .put("/api/municipalities/09174").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("bundesland"))
                .body("errors[0].message", equalTo("keys in Hessen start with 06"));
        Map<String, Object> otherKey = new HashMap<>(withoutKey);
        otherKey.put("id", "09175");
        otherKey.put("kreisId", "09175");
        otherKey.put("bundesland", "BY");
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(otherKey)
                .put("/api/municipalities/09174").then().statusCode(422).body("errors.field", containsInAnyOrder("id"));
        given().get("/api/municipalities/09174").then().statusCode(200).body("bundesland", equalTo("BY"));

        Map<String, Object> noKey = new HashMap<>(withoutKey);
        noKey.put("bundesland", "BY");
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(noKey)
                .post("/api/municipalities").then().statusCode(422).body("errors.field", containsInAnyOrder("id"));
    }

    @Test
    void onlyOrganizersChangeTheRegistry() {
        Map<String, Object> body = Map.of("id", "09175", "name", "Landkreis Ebersberg", "type", "LANDKREIS",
                "bundesland", "BY", "kreisId", "09175");
        given().contentType(ContentType.JSON).body(body).post("/api/municipalities").then().statusCode(401);
        for (String token : new String[] {TestTokens.submitter("dachau", "09174"), TestTokens.publisher("dah-office", "09174"),
                TestTokens.juror("juror1"), TestTokens.portal()}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/municipalities")
                    .then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/municipalities/09174")
                    .then().statusCode(403);
        }
        given().get("/api/municipalities/09175").then().statusCode(404);
    }

    @Test
    void concurrentRegistrationsOfOneKeyLeaveOneWinnerAndConflicts() throws Exception {
        Map<String, Object> body = Map.of("id", "06411000", "name", "Darmstadt", "type", "STADT",
                "bundesland", "HE", "kreisId", "06411", "population", 160_000);
        String token = TestTokens.organizer();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .post("/api/municipalities").statusCode()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, statuses.stream().filter(s -> s == 201).count(),
                    statuses.toString());
            org.junit.jupiter.api.Assertions.assertEquals(7, statuses.stream().filter(s -> s == 409).count(),
                    statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void controlCharactersInTextAreRefusedWithTheFieldNamed() {
        Map<String, Object> body = Map.of("id", "06412000", "name", "Frank\u0000furt", "type", "STADT",
                "bundesland", "HE", "kreisId", "06412");
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/municipalities").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("U+0000"));
        given().get("/api/municipalities/06412000").then().statusCode(404);
        given().queryParam("page", "1\u0000").get("/api/municipalities").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }
}
