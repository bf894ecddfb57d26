package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The search cache never shows a page older than this instance's last committed change, and
 * picks up a change written past this instance (here: straight into the database) within its
 * check interval. Repeated searches are answered from the cache.
 */
@QuarkusTest
@WithPostgresAndOidc
class SearchCacheTest {

    static final String KREIS = "03301";
    static final String OFFICE = TestTokens.publisher("cache-office", KREIS);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ownChangesShowAtOnceOthersWithinTheInterval() throws Exception {
        assertEquals(0, total("Kürbisgarten"));
        String id = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Kürbisgarten für alle"));
        assertEquals(1, total("Kürbisgarten"), "a published offer is found by the very next search");
        given().auth().oauth2(OFFICE).post("/api/catalogue/offers/" + id + "/archive").then().statusCode(200);
        assertEquals(0, total("Kürbisgarten"), "an archived offer is gone from the very next search");

        // Another instance (or an operator) changes the catalogue: this instance learns it from
        // the version row within its check interval.
        String other = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Melonenbeet"));
        assertEquals(1, total("Melonenbeet"));
        assertEquals(0, total("Zucchinihof"));
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "update offer set title = jsonb_build_object('de', 'Zucchinihof'),"
                        + " search = to_tsvector('simple', 'zucchinihof') where id = ?")) {
            p.setObject(1, UUID.fromString(other));
            assertEquals(1, p.executeUpdate());
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> total("Zucchinihof") == 1);
    }

    @Test
    void repeatedSearchesAreAnsweredFromTheCache() {
        double before = hits();
        for (int i = 0; i < 5; i++) {
            given().queryParam("q", "Sprachcafé").queryParam("field", "SPRACHE").get("/api/catalogue/offers")
                    .then().statusCode(200);
        }
        assertTrue(hits() - before >= 4, "the repeats came from the cache");
    }

    private static int total(String q) {
        return given().queryParam("q", q).queryParam("kreis", KREIS).get("/api/catalogue/offers").then()
                .statusCode(200).extract().path("total");
    }

    private static double hits() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("catalogue_search_cache_total\\{[^}]*result=\"hit\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

}
