package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import de.handinhand.catalogue.MutableClock;
import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offers whose validity has ended leave the public search and its facets at the next midnight in
 * Berlin (unless asked for), even when the search cache holds yesterday's page; publishers and
 * the HSDS export keep them. The service's clock is replaced by one the test moves.
 */
@QuarkusTest
@WithPostgresAndOidc
class ExpiredOffersTest {

    static final String KREIS = "03407";
    static final String OFFICE = TestTokens.publisher("expiry-office", KREIS);
    /** 23:30 in Berlin (CET) on the offer's last day. */
    static final Instant LAST_EVENING = Instant.parse("2026-12-01T22:30:00Z");
    /** 00:30 in Berlin the day after: still 1 December in UTC. */
    static final Instant AFTER_MIDNIGHT = Instant.parse("2026-12-01T23:30:00Z");

    final MutableClock clock = new MutableClock(LAST_EVENING);

    @BeforeEach
    void installClock() {
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void anOfferLeavesTheSearchAtMidnightInBerlinEvenFromTheCache() {
        String ending = publish("Wintersprachkurs Zwiebelmarkt", "2026-12-01");
        String lasting = publish("Sommersprachkurs Zwiebelmarkt", "2027-06-30");
        String open = publish("Dauersprachkurs Zwiebelmarkt", null);

        market(Map.of()).body("total", equalTo(3)).body("facets.field.SPRACHE", equalTo(3))
                .body("facets.kreis.'" + KREIS + "'", equalTo(3));
        // The same search again comes from the cache (nothing changed in the catalogue) ...
        market(Map.of()).body("total", equalTo(3));

        clock.set(AFTER_MIDNIGHT);
        // ... but after midnight it is a search of another day.
        market(Map.of()).body("total", equalTo(2)).body("items.id", not(hasItem(ending)))
                .body("facets.field.SPRACHE", equalTo(2)).body("facets.kreis.'" + KREIS + "'", equalTo(2));
        market(Map.of("includeExpired", "true")).body("total", equalTo(3)).body("items.id", hasItem(ending))
                .body("facets.field.SPRACHE", equalTo(3));
        market(Map.of("includeExpired", "false")).body("total", equalTo(2));
        // An explicit day shows what was valid then, and only that.
        market(Map.of("validOn", "2026-12-01")).body("total", equalTo(3));
        market(Map.of("validOn", "2027-01-15")).body("total", equalTo(2)).body("items.id", not(hasItem(ending)));
        market(Map.of("validOn", "2027-07-01")).body("total", equalTo(1)).body("items[0].id", equalTo(open));

        // The offer itself stays readable, the publisher keeps seeing it, and HSDS marks it inactive.
        given().get("/api/catalogue/offers/" + ending).then().statusCode(200).body("validUntil", equalTo("2026-12-01"));
        given().auth().oauth2(OFFICE).queryParam("kreis", KREIS).queryParam("includeExpired", "true")
                .get("/api/catalogue/offers").then().body("items.id", hasItem(ending));
        given().get("/api/catalogue/hsds/services/" + ending).then().statusCode(200).body("status", equalTo("inactive"));
        given().get("/api/catalogue/hsds/services/" + lasting).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void theUnconfirmedListKeepsExpiredOffers() {
        String ending = publish("Herbstkurs Zwiebelhof", "2026-11-15");
        clock.set(Instant.parse("2028-01-10T10:00:00Z"));
        given().auth().oauth2(OFFICE).queryParam("size", 200).get("/api/catalogue/offers/unconfirmed").then()
                .statusCode(200).body("items.id", hasItem(ending)).body("page", equalTo(0));
        search("Zwiebelhof", Map.of()).body("total", equalTo(0));
        search("Zwiebelhof", Map.of("includeExpired", "true")).body("items.id", hasItem(ending));
    }

    @Test
    void aMalformedIncludeExpiredIs400() {
        given().queryParam("includeExpired", "ja").get("/api/catalogue/offers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("includeExpired"));
        given().queryParam("validOn", "1.12.2026").get("/api/catalogue/offers").then().statusCode(400)
                .body("errors[0].field", equalTo("validOn"));
        given().get("/api/catalogue/offers").then().statusCode(200).body("facets", not(nullValue()));
    }

    private static String publish(String title, String validUntil) {
        Map<String, Object> offer = OfferFixtures.offer(KREIS, title);
        offer.put("validUntil", validUntil);
        return OfferFixtures.published(OFFICE, offer);
    }

    /** The first test's search: its three offers, by their shared word. */
    private static ValidatableResponse market(Map<String, String> extra) {
        return search("Zwiebelmarkt", extra);
    }

    private static ValidatableResponse search(String words, Map<String, String> extra) {
        return given().queryParam("kreis", KREIS).queryParam("q", words).queryParams(extra)
                .get("/api/catalogue/offers").then().statusCode(200);
    }
}
