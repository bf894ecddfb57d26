package de.handinhand.catalogue.taxonomy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/catalogue/taxonomy: every code with its German and English label, public and cacheable. */
@QuarkusTest
@WithPostgresAndOidc
class TaxonomyTest {

    @Test
    void everyCodeComesWithAGermanAndAnEnglishLabel() {
        JsonPath t = given().get("/api/catalogue/taxonomy").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();

        assertEquals(Arrays.stream(FieldOfAction.values()).map(Enum::name).toList(), t.getList("fields.code"));
        assertEquals(Arrays.stream(TargetGroup.values()).map(Enum::name).toList(), t.getList("targetGroups.code"));
        assertEquals(Arrays.stream(OfferLanguage.values()).map(OfferLanguage::code).toList(),
                t.getList("languages.code"));
        for (String list : List.of("fields", "targetGroups", "languages")) {
            List<Map<String, Object>> terms = t.getList(list);
            for (Map<String, Object> term : terms) {
                Map<?, ?> label = (Map<?, ?>) term.get("label");
                assertFalse(String.valueOf(label.get("de")).isBlank(), list + " " + term);
                assertFalse(String.valueOf(label.get("en")).isBlank(), list + " " + term);
            }
        }
        assertEquals(Map.of("de", "Sprache", "en", "Language"), label(t, "fields", "SPRACHE"));
        assertEquals(Map.of("de", "Erwachsene", "en", "Adults"), label(t, "targetGroups", "ERWACHSENE"));
        assertEquals(Map.of("de", "Arabisch", "en", "Arabic"), label(t, "languages", "ar"));
        assertEquals(Map.of("de", "Persisch (Farsi)", "en", "Persian (Farsi)"), label(t, "languages", "fa"));
        assertEquals(Map.of("de", "Ukrainisch", "en", "Ukrainian"), label(t, "languages", "uk"));
        assertEquals(Map.of("de", "Tigrinya", "en", "Tigrinya"), label(t, "languages", "ti"));
        assertEquals(Map.of("de", "Deutsch", "en", "German"), label(t, "languages", "de"));
    }

    @Test
    void itIsCacheableAndRevalidatedByItsETag() {
        String etag = given().get("/api/catalogue/taxonomy").then().statusCode(200)
                .header("Cache-Control", "public, max-age=86400")
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .extract().header("ETag");
        // The same taxonomy, the same tag; a client holding it gets a bodiless 304.
        given().get("/api/catalogue/taxonomy").then().header("ETag", etag);
        String body = given().header("If-None-Match", etag).get("/api/catalogue/taxonomy").then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "public, max-age=86400").extract().asString();
        assertTrue(body.isEmpty());
        given().header("If-None-Match", "\"something-else\"").get("/api/catalogue/taxonomy").then().statusCode(200)
                .body("fields.code", hasItem("SPRACHE"));
    }

    @Test
    void signedInCallersReadItTooAndWritesAreNotAllowed() {
        given().auth().oauth2(TestTokens.submitter("dachau", "09174")).get("/api/catalogue/taxonomy").then()
                .statusCode(200).body("languages.code", hasItems("de", "ar"));
        given().contentType(ContentType.JSON).body("{}").post("/api/catalogue/taxonomy").then().statusCode(405);
    }

    @Test
    void theCatalogueAcceptsExactlyTheLanguagesTheTaxonomyLists() {
        String office = TestTokens.publisher("taxonomy-office", "03402");
        List<String> listed = given().get("/api/catalogue/taxonomy").then().extract().jsonPath().getList("languages.code");
        // An offer names at most 20 languages: every listed code, twenty at a time.
        for (int from = 0; from < listed.size(); from += 20) {
            List<String> some = listed.subList(from, Math.min(listed.size(), from + 20));
            Map<String, Object> offer = offer(some);
            offer.put("title", Map.of("de", "Sprachcafé", some.get(some.size() - 1), "Language café"));
            given().auth().oauth2(office).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers")
                    .then().statusCode(201).body("languages", equalTo(some));
        }

        Map<String, Object> unknown = offer(List.of("de", "xx"));
        unknown.put("title", Map.of("de", "Sprachcafé", "qq", "???"));
        given().auth().oauth2(office).contentType(ContentType.JSON).body(unknown).post("/api/catalogue/offers").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("languages[1]", "title.qq"));
        given().queryParam("language", "xx").get("/api/catalogue/offers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("language"));
        given().queryParam("language", "gsg").get("/api/catalogue/offers").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> label(JsonPath t, String list, String code) {
        List<Map<String, Object>> terms = t.getList(list);
        return (Map<String, String>) terms.stream().filter(term -> code.equals(term.get("code"))).findFirst()
                .orElseThrow().get("label");
    }

    private static Map<String, Object> offer(List<String> languages) {
        Map<String, Object> o = new HashMap<>();
        o.put("title", Map.of("de", "Sprachcafé in allen Sprachen"));
        o.put("kreisId", "03402");
        o.put("languages", languages);
        return o;
    }
}
