package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.catalogue.offer.api.SearchPage;
import de.handinhand.catalogue.offer.search.SearchCache;
import de.handinhand.catalogue.offer.search.SearchQuery;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The search never shows a page older than this instance's last committed change, and picks up a
 * change written past this instance (here: straight into the database) within the bound on
 * staleness: the index follows the change log. The page cache (SQL engine only) answers repeats.
 */
@QuarkusTest
@WithPostgresAndOidc
class SearchCacheTest {

    static final String KREIS = "03301";
    static final String OFFICE = TestTokens.publisher("cache-office", KREIS);

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void ownChangesShowAtOnceOthersWithinTheInterval() throws Exception {
        assertEquals(0, total("Kürbisgarten"));
        String id = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Kürbisgarten für alle"));
        assertEquals(1, total("Kürbisgarten"), "a published offer is found by the very next search");
        given().auth().oauth2(OFFICE).post("/api/catalogue/offers/" + id + "/archive").then().statusCode(200);
        assertEquals(0, total("Kürbisgarten"), "an archived offer is gone from the very next search");

        // Another instance (or an operator) changes the catalogue: this instance learns it from
        // the change log within its check interval (SQL engine) or its bound on staleness (index).
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
        // The cache serves only the SQL engine (catalogue.search.engine=sql); the index answers without it.
        SearchCache cache = new SearchCache(dataSource, new SimpleMeterRegistry(), 10, Duration.ofSeconds(1),
                Duration.ofMinutes(2));
        SearchQuery query = new SearchQuery("Sprachcafé", null, null, null, null, null, null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            cache.get(new SearchCache.Key(query, "de"), () -> {
                computed.incrementAndGet();
                return new SearchPage(List.of(), 0, 0, 20, Map.of());
            });
        }
        assertEquals(1, computed.get(), "the repeats came from the cache");
    }

    /**
     * Two transactions write two offers at once: neither waits for the other (each offer write once
     * queued on the catalogue_version row), and the cache still drops its page for each commit, the
     * lower change-log sequence committed after the higher one included.
     */
    @Test
    void offerWritersDoNotQueueAndALateLowerSequenceStillDropsThePage() throws Exception {
        String first = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Apfelwiese"));
        String second = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Birnenwiese"));
        SearchCache cache = new SearchCache(dataSource, new SimpleMeterRegistry(), 10, Duration.ZERO,
                Duration.ofMinutes(2));
        SearchQuery query = new SearchQuery("Wiese", KREIS, null, null, null, null, null, null, null, null,
                SearchQuery.Sort.RELEVANCE, 0, 20);
        AtomicInteger computed = new AtomicInteger();
        Runnable search = () -> cache.get(new SearchCache.Key(query, "de"), () -> {
            computed.incrementAndGet();
            return new SearchPage(List.of(), 0, 0, 20, Map.of());
        });
        search.run();
        search.run();
        assertEquals(1, computed.get(), "nothing changed: the page is reused");
        try (Connection slow = DriverManager.getConnection(url, user, password);
                Connection fast = DriverManager.getConnection(url, user, password)) {
            slow.setAutoCommit(false);
            fast.setAutoCommit(false);
            try (Statement s = fast.createStatement()) {
                // A write queued behind the open one fails the test here instead of hanging it.
                s.execute("set local lock_timeout = '5s'");
            }
            touch(slow, first);
            touch(fast, second);
            fast.commit();
            search.run();
            assertEquals(2, computed.get(), "the fast commit dropped the page");
            search.run();
            assertEquals(2, computed.get());
            slow.commit();
        }
        search.run();
        assertEquals(3, computed.get(), "the lower sequence, committed late, dropped the page too");
    }

    /** An UPDATE that changes nothing but fires the offer's triggers, as any write does. */
    private static void touch(Connection c, String id) throws Exception {
        try (PreparedStatement p = c.prepareStatement("update offer set updated_at = updated_at where id = ?")) {
            p.setObject(1, UUID.fromString(id));
            assertEquals(1, p.executeUpdate());
        }
    }

    private static int total(String q) {
        return given().queryParam("q", q).queryParam("kreis", KREIS).get("/api/catalogue/offers").then()
                .statusCode(200).extract().path("total");
    }

}
