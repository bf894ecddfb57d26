package de.handinhand.catalogue.offer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two catalogue instances following one database: each has its own index and follower (as two
 * processes would), and a change written through either (here: the application's own REST path, and
 * plain SQL as an operator would) is searchable in both within the bound on staleness
 * ({@code catalogue.search.max-staleness}); also when an instance's notifications are lost, and
 * when two transactions commit their change-log sequences in the opposite order.
 */
@QuarkusTest
@WithPostgresAndOidc
class TwoInstancesFollowTest {

    static final String KREIS = "03501";
    static final String OFFICE = de.handinhand.common.testing.TestTokens.publisher("follow-office", KREIS);
    static final Duration BOUND = Duration.ofMillis(500);
    /** The bound plus time to apply and for the test's own polling; the deadline, not a measured time. */
    static final Duration DEADLINE = BOUND.plusSeconds(5);

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aChangeThroughOneInstanceIsSearchableInTheOtherWithinTheBound() throws Exception {
        try (ChangeFollower one = follower("one", new MMapDirectory(Files.createTempDirectory("index-one")), true);
                ChangeFollower two = follower("two", new ByteBuffersDirectory(), true);
                ChangeFollower deaf = follower("deaf", new ByteBuffersDirectory(), false)) {
            one.start();
            two.start();
            deaf.start();
            List<ChangeFollower> all = List.of(one, two, deaf);

            // Published through the service (the app instance is a third instance writing).
            String id = de.handinhand.catalogue.offer.OfferFixtures.published(OFFICE,
                    de.handinhand.catalogue.offer.OfferFixtures.offer(KREIS, "Klettergarten für Familien"));
            all.forEach(f -> awaitFound(f, "Klettergarten", List.of(id)));

            // An operator's UPDATE straight in the database: the trigger logs it all the same.
            try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                    "update offer set title = jsonb_build_object('de', 'Boulderhalle für Familien'),"
                            + " title_sort = 'boulderhalle fuer familien' where id = ?")) {
                p.setObject(1, UUID.fromString(id));
                assertEquals(1, p.executeUpdate());
            }
            all.forEach(f -> awaitFound(f, "Boulderhalle", List.of(id)));
            all.forEach(f -> awaitFound(f, "Klettergarten", List.of()));

            // Notifications lost: the follower still reads the log within the bound.
            one.dropListenConnection();
            io.restassured.RestAssured.given().auth().oauth2(OFFICE).post("/api/catalogue/offers/" + id + "/archive")
                    .then().statusCode(200);
            all.forEach(f -> awaitFound(f, "Boulderhalle", List.of()));
        }
    }

    @Test
    void aLowerSequenceCommittedAfterAHigherOneIsNotSkipped() throws Exception {
        String first = de.handinhand.catalogue.offer.OfferFixtures.published(OFFICE,
                de.handinhand.catalogue.offer.OfferFixtures.offer(KREIS, "Nähstube am Markt"));
        String second = de.handinhand.catalogue.offer.OfferFixtures.published(OFFICE,
                de.handinhand.catalogue.offer.OfferFixtures.offer(KREIS, "Teestube am Markt"));
        try (ChangeFollower one = follower("one", new ByteBuffersDirectory(), true)) {
            one.start();
            try (Connection slow = DriverManager.getConnection(url, user, password);
                    Connection fast = DriverManager.getConnection(url, user, password)) {
                slow.setAutoCommit(false);
                fast.setAutoCommit(false);
                // The slow one draws the lower log sequence and commits after the fast one (offer
                // writers do not queue on a shared row since V10, so the fast one does not wait).
                rename(slow, first, "Nähwerkstatt am Markt");
                rename(fast, second, "Teewerkstatt am Markt");
                fast.commit();
                awaitFound(one, "Teewerkstatt", List.of(second));
                slow.commit();
            }
            awaitFound(one, "Nähwerkstatt", List.of(first));
        } finally {
            // Renamed past the service (their SQL search columns still hold the old titles): withdrawn,
            // so that no other test's comparison with the SQL search meets them.
            for (String id : List.of(first, second)) {
                io.restassured.RestAssured.given().auth().oauth2(OFFICE).post("/api/catalogue/offers/" + id + "/archive")
                        .then().statusCode(200);
            }
        }
    }

    private ChangeFollower follower(String name, org.apache.lucene.store.Directory directory, boolean listen) {
        return new ChangeFollower(name, dataSource, new SearchIndex(directory, true),
                listen ? () -> DriverManager.getConnection(url, user, password) : null, BOUND, Duration.ofMinutes(2));
    }

    private static void rename(Connection c, String id, String title) throws Exception {
        try (PreparedStatement p = c.prepareStatement(
                "update offer set title = jsonb_build_object('de', ?::text) where id = ?")) {
            p.setString(1, title);
            p.setObject(2, UUID.fromString(id));
            assertEquals(1, p.executeUpdate());
        }
    }

    private static void awaitFound(ChangeFollower follower, String words, List<String> ids) {
        SearchQuery q = new SearchQuery(words, KREIS, null, null, null, null, null, null, null, null,
                SearchQuery.Sort.UPDATED, 0, 20);
        Awaitility.await(follower + " finds " + ids + " for " + words).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> follower.index().search(q).hits().stream().map(h -> h.id().toString()).toList()
                        .equals(ids));
    }
}
