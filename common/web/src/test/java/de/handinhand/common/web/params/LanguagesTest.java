package de.handinhand.common.web.params;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The caller's languages come from Accept-Language with its q-values; ?lang= overrides them. */
@QuarkusTest
class LanguagesTest {

    @Test
    void languagesAreOrderedByQualityWithRegionsAndWildcardsDropped() {
        given().header("Accept-Language", "en;q=0.5, ar-SY, de-DE;q=0.8, *;q=0.1, ar;q=0.3")
                .get("/test/samples").then().statusCode(200)
                .body("acceptable", contains("ar", "de", "en"))
                .body("shown", equalTo("ar"));
    }

    @Test
    void aLanguageTheCallerRefusesIsNotOffered() {
        given().header("Accept-Language", "fa;q=0, en").get("/test/samples").then().statusCode(200)
                .body("acceptable", contains("en"));
    }

    @Test
    void explicitLangWinsAndWithoutAnyPreferenceTheFallbackIsUsed() {
        given().header("Accept-Language", "ar").queryParam("lang", "uk").get("/test/samples").then()
                .statusCode(200).body("shown", equalTo("uk"));
        given().get("/test/samples").then().statusCode(200)
                .body("shown", equalTo("de")).body("acceptable", empty());
    }

    @Test
    void aGarbledHeaderIsNoPreferenceNotAnError() {
        given().header("Accept-Language", ";;;q=abc,,=").get("/test/samples").then().statusCode(200)
                .body("shown", equalTo("de"));
    }

    @Test
    void aMalformedLangIsA400NamingIt() {
        given().queryParam("lang", "Deutsch").get("/test/samples").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lang"))
                .body("errors[0].message", equalTo("must be an ISO 639-1 code such as de or ar"));
    }
}
