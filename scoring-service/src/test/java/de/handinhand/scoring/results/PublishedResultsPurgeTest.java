package de.handinhand.scoring.results;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.purge.MessagingPurge;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scoring service purges its published outbox rows, and the published results, which used to
 * be read back from the results event's row, stay readable after the purge took that row.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PublishedResultsPurgeTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MessagingPurge purge;

    @Inject
    MessagingPurge.Disabled disabled;

    @Inject
    AgroalDataSource db;

    @Test
    void thePurgeIsOnInTheScoringService() {
        assertFalse(disabled.test(null), "handinhand.purge.enabled defaults to true here");
    }

    @Test
    void publishedResultsOutliveThePurgeOfTheirEvent() throws SQLException {
        JuryFixtures fx = new JuryFixtures(connector);
        UUID call = fx.call(Phase.CLOSED);
        UUID entry = fx.submit(call, JuryFixtures.municipality("HE"));
        fx.awaitCases(call, 1);
        fx.awaitPhase(call, "CLOSED");
        String published = given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("winnersPerCategory", 2)).post("/api/scoring/calls/" + call + "/results").then()
                .statusCode(200).extract().asString();
        UUID eventId = UUID.fromString(single("select results_event_id::text from jury_call where call_id = ?", call));
        await().atMost(Duration.ofSeconds(15)).until(() -> single(
                "select (published_at is not null)::text from outbox_event where id = ?", eventId).equals("true"));

        // Far enough ahead that the retention of every published row has run out.
        long[] purged = purge.purge(Instant.now().plus(Duration.ofDays(365)));
        assertTrue(purged[0] >= 1, "published outbox rows purged: " + purged[0]);
        assertEquals("0", single("select count(*)::text from outbox_event where id = ?", eventId));

        String read = given().auth().oauth2(TestTokens.submitter("heilbronn", "08125"))
                .get("/api/scoring/calls/" + call + "/results").then().statusCode(200).extract().asString();
        assertEquals(JsonPath.from(published).getMap(""), JsonPath.from(read).getMap(""));
        assertEquals(entry.toString(), JsonPath.from(read).getString("categories[0].entries[0].submissionId"));
        assertEquals(2, JsonPath.from(read).getInt("winnersPerCategory"));
    }

    private String single(String sql, UUID parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
