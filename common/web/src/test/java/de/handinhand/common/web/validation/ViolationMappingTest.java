package de.handinhand.common.web.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A Bean Validation failure is answered in the shape every other validation failure has: 422
 * problem+json with {@code errors[].field} the JSON path in the body, never the Java method path.
 */
@QuarkusTest
class ViolationMappingTest {

    private static final String VALID = """
            {"title": "Sprachcafé", "kreisId": "09174", "languages": ["de", "ar"],
             "locations": [{"address": "Konrad-Adenauer-Str. 1, 85221 Dachau", "lat": 48.26, "lon": 11.43}],
             "answers": {"C10": "YES"}, "costCents": 0, "kind": "COMPETITION"}""";

    @Test
    void aValidBodyPasses() {
        given().contentType("application/json").body(VALID).post("/test/samples").then().statusCode(200)
                .body("title", equalTo("Sprachcafé")).body("locations[0].lat", equalTo(48.26f));
    }

    @Test
    void everyInvalidFieldIsNamedByItsJsonPath() {
        String body = """
                {"title": "%s", "kreisId": "9174", "languages": ["de", "Arabisch"],
                 "locations": [{"lat": 48.2, "lon": 11.4}, {"lat": 91.0, "lon": 11.4}, null],
                 "answers": {"C10": "YES", "C23": "far more than ten characters"}, "costCents": -1}"""
                .formatted("x".repeat(301));
        given().contentType("application/json").body(body).post("/test/samples").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:validation"))
                .body("title", equalTo("Invalid input"))
                .body("status", equalTo(422))
                .body("detail", equalTo("The request has invalid fields"))
                .body("errors.field", contains("answers.C23", "costCents", "kreisId", "languages[1]",
                        "locations[1].lat", "locations[2]", "title"))
                .body("errors.find { it.field == 'kreisId' }.message", equalTo(Rules.KREIS_KEY_MESSAGE))
                .body("errors.find { it.field == 'locations[2]' }.message", equalTo("is required"))
                .body("errors.find { it.field == 'title' }.message", equalTo("must be at most 300 characters"));
    }

    @Test
    void aCustomConstraintOnAnElementOfABareListNamesThatElement() {
        given().contentType("application/json").body("[\"juror1\", \"juror2\"]").post("/test/samples/names").then()
                .statusCode(200);
        given().contentType("application/json").body("[\"juror1\", \"juror2\", \"juror1\"]")
                .post("/test/samples/names").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("[2]")).body("errors[0].message", equalTo("is given twice"));
    }

    @Test
    void aMissingRequiredFieldIsRequired() {
        given().contentType("application/json").body("""
                {"kreisId": "09174"}""").post("/test/samples").then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("is required"));
    }

    @Test
    void anEmptyBodyIsNamedAsTheBody() {
        given().contentType("application/json").post("/test/samples").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void messagesStayEnglishWhateverLanguageTheCallerReads() {
        given().contentType("application/json").header("Accept-Language", "ar, de;q=0.5")
                .body(VALID.replace("\"Sprachcafé\"", "\"\"")).post("/test/samples").then().statusCode(422)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("is required"));
        given().contentType("application/json").header("Accept-Language", "de")
                .body(VALID.replace("\"costCents\": 0", "\"costCents\": -5")).post("/test/samples").then()
                .statusCode(422)
                .body("errors[0].field", equalTo("costCents"))
                .body("errors[0].message", startsWith("must be"));
    }

    @Test
    void aParameterConstraintIsA400NamingTheParameterNotTheJavaPath() {
        given().queryParam("q", "x".repeat(201)).get("/test/samples").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:bad-request"))
                .body("detail", containsString("Query parameter 'q'"))
                .body("errors.field", contains("q"));
    }

    @Test
    void severalBadParametersAreListedTogether() {
        given().queryParam("size", "500").queryParam("lang", "xx-yy").get("/test/samples").then().statusCode(400)
                .body("errors.field", contains("lang", "size"));
    }
}
