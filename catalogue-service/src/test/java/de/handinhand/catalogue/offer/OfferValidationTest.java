package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a body must be, checked by the request records' constraints: every field's limit and the
 * rules that combine fields, each answered as 422 naming the field with its JSON path, all at once,
 * nothing stored; and texts right at their limits are taken.
 */
@QuarkusTest
@WithPostgresAndOidc
class OfferValidationTest {

    static final String KREIS = "03301";
    static final String OFFICE = TestTokens.publisher("val-office", KREIS);

    @Test
    void textsAtTheirLimitsAreTaken() {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "t".repeat(300));
        offer.put("description", Map.of("de", "d".repeat(10_000), "ar", "و".repeat(10_000)));
        offer.put("provider", "p".repeat(300));
        offer.put("municipality", "m".repeat(200));
        offer.put("schedule", "s".repeat(1_000));
        offer.put("accessibility", "a".repeat(2_000));
        offer.put("costCents", 0);
        offer.put("validFrom", "2026-01-01");
        offer.put("validUntil", "2026-01-01");
        offer.put("locations", List.of(Map.of("address", "x".repeat(300), "municipality", "y".repeat(200)),
                Map.of("lat", -90, "lon", 180)));
        offer.put("contacts", List.of(Map.of("name", "n".repeat(200), "role", "r".repeat(200),
                "email", "  anna@example.org ", "phone", "1".repeat(50)), Map.of("phone", "08131 1", "email", "")));
        offer.put("website", "https://www.example.org/" + "w".repeat(500 - 24));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(201).body("title.de", equalTo("t".repeat(300))).body("free", equalTo(true));
    }

    @Test
    void everyLimitIsNamedWithItsPath() {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "t".repeat(301));
        offer.put("description", Map.of("de", "d".repeat(10_001)));
        offer.put("provider", "p".repeat(301));
        offer.put("municipality", "m".repeat(201));
        offer.put("schedule", "s".repeat(1_001));
        offer.put("accessibility", "a".repeat(2_001));
        offer.put("costCents", -1);
        offer.put("locations", List.of(Map.of("address", "x".repeat(301), "lat", 48.2, "lon", 11.4)));
        offer.put("contacts", List.of(Map.of("name", "n".repeat(201), "phone", "1".repeat(51))));
        offer.put("fields", java.util.Collections.nCopies(21, "SPRACHE"));
        ValidatableResponse refused = refused(offer);
        Map<String, String> expected = Map.of(
                "title.de", "must be at most 300 characters",
                "description.de", "must be at most 10000 characters",
                "provider", "must be at most 300 characters",
                "municipality", "must be at most 200 characters",
                "schedule", "must be at most 1000 characters",
                "accessibility", "must be at most 2000 characters",
                "locations[0].address", "must be at most 300 characters",
                "contacts[0].name", "must be at most 200 characters",
                "contacts[0].phone", "must be at most 50 characters",
                "fields", "at most 20 entries");
        expected.forEach((field, message) -> refused.body("errors.find { it.field == '" + field + "' }.message",
                equalTo(message)));
        refused.body("errors.field", hasItem("costCents"));
    }

    @Test
    void rulesThatCombineFieldsAreNamedAtTheirField() {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "Kombiniert");
        offer.put("title", Map.of("de", " ", "en", "Combined"));
        offer.put("free", true);
        offer.put("costCents", 500);
        offer.put("validFrom", "2026-05-01");
        offer.put("validUntil", "2026-04-30");
        offer.put("locations", List.of(Map.of("lat", 48.2), Map.of("municipality", "Dachau")));
        offer.put("contacts", List.of(Map.of("role", "Leitung")));
        refused(offer)
                .body("errors.find { it.field == 'title.de' }.message", equalTo("a German title is required"))
                .body("errors.find { it.field == 'costCents' }.message", equalTo("a free offer has no cost"))
                .body("errors.find { it.field == 'validUntil' }.message", equalTo("must not be before validFrom"))
                .body("errors.find { it.field == 'locations[0]' }.message", equalTo("give both lat and lon, or neither"))
                .body("errors.find { it.field == 'locations[1]' }.message", equalTo("needs an address or coordinates"))
                .body("errors.find { it.field == 'contacts[0]' }.message",
                        equalTo("needs a name, an e-mail address or a phone number"));

        Map<String, Object> ancient = OfferFixtures.offer(KREIS, "Uralt");
        ancient.put("validFrom", "1960-01-01");
        refused(ancient).body("errors.field", equalTo(List.of("validFrom")))
                .body("errors[0].message", equalTo("must lie between 1970 and 9999"));
    }

    @Test
    void missingBodiesAndRequiredFieldsAreNamed() {
        Map<String, Object> bare = new HashMap<>(Map.of("provider", "Verein"));
        refused(bare).body("errors.field", equalTo(List.of("kreisId", "title")))
                .body("errors.message", equalTo(List.of("is required", "is required")));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).post("/api/catalogue/offers").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        String id = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Bleibt"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("title", Map.of("en", "x")))
                .put("/api/catalogue/offers/" + id).then().statusCode(422)
                .body("errors.field", equalTo(List.of("kreisId", "title.de")));
        String proposal = given().auth().oauth2(TestTokens.submitter("dachau", "09174")).contentType(ContentType.JSON)
                .body(OfferFixtures.offer(KREIS, "Vorschlag")).post("/api/catalogue/offers").then().statusCode(201)
                .extract().path("id");
        for (Map<String, Object> rejection : List.<Map<String, Object>>of(Map.of(), Map.of("reason", "  "),
                Map.of("reason", "r".repeat(1_001)))) {
            given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(rejection)
                    .post("/api/catalogue/offers/" + proposal + "/reject").then().statusCode(422)
                    .body("errors.field", equalTo(List.of("reason")));
        }
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers/" + proposal).then().body("status", equalTo("PROPOSED"));
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers/" + id).then().body("title.de", equalTo("Bleibt"));
    }

    private static ValidatableResponse refused(Map<String, Object> offer) {
        long before = total();
        ValidatableResponse response = given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer)
                .post("/api/catalogue/offers").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:validation"));
        assertEquals(before, total(), "nothing stored");
        return response;
    }

    private static long total() {
        return given().auth().oauth2(OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=1").then().statusCode(200)
                .extract().<Integer>path("total");
    }
}
