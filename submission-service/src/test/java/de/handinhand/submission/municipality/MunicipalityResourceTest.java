package de.handinhand.submission.municipality;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
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
}
