package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An offer's website and further links: stored as absolute http(s) addresses, shown, exported, checked. */
@QuarkusTest
@WithPostgresAndOidc
class OfferLinksTest {

    static final String KREIS = "03406";
    static final String OFFICE = TestTokens.publisher("links-office", KREIS);

    @Test
    void websiteAndLinksAreStoredShownAndExported() {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "Sprachcafé mit Website");
        offer.put("website", "  HTTPS://www.Caritas-Beispiel.example/sprachcafe?tag=mittwoch#anfahrt ");
        offer.put("links", List.of(Map.of("label", "Flyer (PDF)", "url", "https://www.example.org/flyer.pdf"),
                Map.of("label", "Anmeldung", "url", "http://anmeldung.example.org/form?kurs=A1")));
        String id = OfferFixtures.published(OFFICE, offer);

        given().get("/api/catalogue/offers/" + id).then().statusCode(200)
                .body("website", equalTo("https://www.caritas-beispiel.example/sprachcafe?tag=mittwoch#anfahrt"))
                .body("links[0].label", equalTo("Flyer (PDF)"))
                .body("links[0].url", equalTo("https://www.example.org/flyer.pdf"))
                .body("links[1].url", equalTo("http://anmeldung.example.org/form?kurs=A1"));
        given().queryParam("kreis", KREIS).queryParam("q", "Sprachcafé Website").get("/api/catalogue/offers").then()
                .body("items[0].website", equalTo("https://www.caritas-beispiel.example/sprachcafe?tag=mittwoch#anfahrt"));
        given().get("/api/catalogue/hsds/services/" + id).then().statusCode(200)
                .body("url", equalTo("https://www.caritas-beispiel.example/sprachcafe?tag=mittwoch#anfahrt"));

        // Editing them is recorded; removing the website empties it.
        offer.remove("website");
        offer.put("links", List.of());
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).put("/api/catalogue/offers/" + id)
                .then().statusCode(200).body("website", nullValue()).body("links", equalTo(List.of()));
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers/" + id + "/history").then()
                .body("items[-1].fields", equalTo(List.of("website", "links")));
        given().get("/api/catalogue/hsds/services/" + id).then().body("url", nullValue());
    }

    @Test
    void internationalDomainsAndCharactersAreStoredInTheirAsciiForm() {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, "Begegnungscafé Müllheim");
        offer.put("website", "https://www.bürgerhaus-müllheim.de/café?für=alle");
        String id = given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer)
                .post("/api/catalogue/offers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(OFFICE).get("/api/catalogue/offers/" + id).then()
                .body("website", equalTo("https://www.xn--brgerhaus-mllheim-22bk.de/caf%C3%A9?f%C3%BCr=alle"));
    }

    @Test
    void invalidAddressesAreRefusedWithTheFieldNamedAndNothingStored() {
        long before = proposals();
        Map<String, String> bad = Map.of(
                "javascript:alert(1)", "https://",
                "www.example.org", "an absolute address",
                "ftp://files.example.org/flyer.pdf", "https://",
                "https://anna:geheim@example.org/", "user name",
                "https://intranet/", "full host name",
                "https://www.example.org/" + "a".repeat(500), "at most 500",
                "https://exa mple.org/", "spaces",
                "https://bad_host.example.org/", "host name");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            Map<String, Object> offer = OfferFixtures.offer(KREIS, "Kaputte Adresse");
            offer.put("website", entry.getKey());
            given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("website"))
                    .body("errors[0].message", containsString(entry.getValue()));
        }

        Map<String, Object> offer = OfferFixtures.offer(KREIS, "Kaputte Links");
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(Map.of("label", "Gut", "url", "https://www.example.org/"));
        links.add(Map.of("label", "Schlecht", "url", "javascript:alert(1)"));
        links.add(Map.of("url", "https://www.example.org/ohne-label"));
        links.add(Map.of("label", "Ohne Adresse"));
        links.add(Collections.singletonMap("label", null));
        offer.put("links", links);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(422).body("errors.field", hasItems("links[1].url", "links[2].label", "links[3].url",
                        "links[4].label"));
        offer.put("links", Collections.nCopies(11, Map.of("label", "Mehr", "url", "https://www.example.org/")));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(422).body("errors[0].field", equalTo("links"));
        offer.put("links", List.of(Map.of("label", "x".repeat(201), "url", "https://www.example.org/")));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(422).body("errors[0].field", equalTo("links[0].label"));
        offer.put("links", List.of(Map.of("label", "Flyer", "url", "https://www.example.org/", "target", "_blank")));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(400).contentType("application/problem+json");
        offer.put("links", "https://www.example.org/");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).post("/api/catalogue/offers").then()
                .statusCode(400).contentType("application/problem+json");

        assertEquals(before, proposals(), "nothing stored");
    }

    private static long proposals() {
        return given().auth().oauth2(OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=1").then()
                .statusCode(200).extract().<Integer>path("total");
    }
}
