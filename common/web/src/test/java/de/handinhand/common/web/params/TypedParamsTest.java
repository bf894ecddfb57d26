package de.handinhand.common.web.params;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import de.handinhand.common.web.validation.Rules;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Every typed parameter arrives converted, and every one that cannot be converted is a 400
 * problem+json naming it (a path parameter a 404), never JAX-RS' bare 404.
 */
@QuarkusTest
class TypedParamsTest {

    @Test
    void everyTypeArrivesConverted() {
        given().queryParam("callId", "3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77")
                .queryParam("sort", "relevance")
                .queryParam("validOn", "2026-05-01")
                .queryParam("since", "2026-05-01T10:15:30Z")
                .queryParam("near", " 48.26 , 11.43 ")
                .queryParam("free", "TRUE")
                .queryParam("radiusKm", "12.5")
                .queryParam("page", "2").queryParam("size", "200")
                .get("/test/samples").then().statusCode(200)
                .body("callId", equalTo("3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77"))
                .body("sort", equalTo("RELEVANCE"))
                .body("validOn", equalTo("2026-05-01"))
                .body("since", equalTo("2026-05-01T10:15:30Z"))
                .body("near.lat", equalTo(48.26f)).body("near.lon", equalTo(11.43f))
                .body("free", equalTo(true))
                .body("radiusKm", equalTo(12.5f))
                .body("page", equalTo(2)).body("size", equalTo(200));
    }

    @Test
    void absentAndBlankParametersAreAbsentAndPagingHasItsDefaults() {
        given().queryParam("callId", "").queryParam("sort", " ").queryParam("size", "")
                .get("/test/samples").then().statusCode(200)
                .body("callId", nullValue()).body("sort", nullValue())
                .body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void blankTextParametersAreAbsentSoTheirPatternsDoNotRefuseThem() {
        given().queryParam("lang", "").queryParam("q", " ").get("/test/samples").then().statusCode(200)
                .body("q", nullValue()).body("shown", equalTo("de"));
        given().queryParam("lang", " ar ").queryParam("q", " Sprachcafé ").get("/test/samples").then().statusCode(200)
                .body("q", equalTo("Sprachcafé")).body("shown", equalTo("ar"));
        badQuery("lang", "arabisch", Rules.LANGUAGE_MESSAGE);
    }

    @Test
    void aMalformedUuidIsA400NamingIt() {
        badQuery("callId", "not-a-uuid", "must be a UUID");
    }

    @Test
    void anUnknownEnumConstantIsA400ListingTheAllowedValues() {
        badQuery("sort", "nearest", "must be one of RELEVANCE, TITLE, DISTANCE, UPDATED");
    }

    @Test
    void aMalformedDateIsA400NamingIt() {
        badQuery("validOn", "01.05.2026", "must be a date such as 2026-05-01");
        badQuery("validOn", "2026-02-30", "must be a date such as 2026-05-01");
    }

    @Test
    void aMalformedInstantIsA400NamingIt() {
        badQuery("since", "yesterday", "must be an ISO-8601 instant such as 2026-05-01T00:00:00Z");
    }

    @Test
    void malformedOrImpossibleCoordinatesAreA400NamingThem() {
        badQuery("near", "48.26", "must be lat,lon such as 48.26,11.43");
        badQuery("near", "91,11", "latitude must be between -90 and 90");
        badQuery("near", "48,181", "longitude must be between -180 and 180");
    }

    @Test
    void booleansAndNumbersAreStrict() {
        badQuery("free", "yes", "must be true or false");
        badQuery("radiusKm", "NaN", "must be a number");
        badQuery("page", "abc", "must be a whole number");
    }

    @Test
    void pagingOutOfRangeIsA400NamingTheParameter() {
        badQuery("size", "201", "must be between 1 and 200");
        badQuery("size", "0", "must be between 1 and 200");
        badQuery("page", "-1", "must be 0 or more");
    }

    @Test
    void aMalformedPathUuidIsA404ProblemNamingIt() {
        given().get("/test/samples/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:not-found"))
                .body("errors[0].field", equalTo("id"));
        given().get("/test/samples/3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77").then().statusCode(200)
                .body("id", equalTo("3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77"));
    }

    @Test
    void aMalformedHeaderIsA400NamingIt() {
        given().header("X-Since", "soon").get("/test/samples/3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("X-Since"))
                .body("detail", containsString("Header 'X-Since'"));
    }

    private static void badQuery(String name, String value, String message) {
        given().queryParam(name, value).get("/test/samples").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:bad-request"))
                .body("status", equalTo(400))
                .body("detail", containsString("'" + name + "'"))
                .body("errors", hasSize(1))
                .body("errors.field", contains(name))
                .body("errors[0].message", equalTo(message));
    }
}
