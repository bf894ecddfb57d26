package de.handinhand.common.messaging.purge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.messaging.testapp.MessagingPostgres;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The purge deletes published outbox rows past their retention (7 days) and processed event ids
 * past theirs (30 days), in batches, and nothing else: not an unpublished row however old, not a
 * recent one. It runs against a fixed "now" far in the future, so rows the other tests leave
 * behind are old too and counted in, and this test's expectations hold whatever ran before.
 */
@QuarkusTest
@WithTestResource(MessagingPostgres.class)
class MessagingPurgeTest {

    @Inject
    MessagingPurge purge;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MessagingPurge.Disabled disabled;

    @Test
    void theScheduledPurgeIsOffUntilAServiceTurnsItOn() {
        // handinhand.purge.enabled is not set in this test application: the default applies.
        org.junit.jupiter.api.Assertions.assertTrue(disabled.test(null));
    }

    @Test
    void onlyOldPublishedOutboxRowsAndOldInboxIdsGo() throws SQLException {
        Instant now = Instant.parse("2100-01-01T00:00:00Z");
        purge.purge(now); // whatever other tests left, so the counts below are this test's own
        Instant old = now.minus(Duration.ofDays(8));
        Instant recent = now.minus(Duration.ofDays(6));

        List<String> oldPublished = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            oldPublished.add(outbox(now.minus(Duration.ofDays(20)), old));
        }
        String recentPublished = outbox(now.minus(Duration.ofDays(20)), recent);
        String oldUnpublished = outbox(now.minus(Duration.ofDays(400)), null);

        for (int i = 0; i < 3; i++) {
            inbox(now.minus(Duration.ofDays(31)));
        }
        String recentInbox = inbox(now.minus(Duration.ofDays(29)));

        // Batches of 2 (test configuration): 5 old rows take three statements, and all go.
        assertArrayEquals(new long[] {5, 3}, purge.purge(now));

        assertEquals(java.util.Set.of(recentPublished, oldUnpublished),
                java.util.Set.copyOf(ids("select id::text from outbox_event where created_at < ?::timestamptz",
                        now.minus(Duration.ofDays(19)))));
        assertEquals(List.of(recentInbox), ids(
                "select event_id from processed_event where processed_at < ?::timestamptz and consumer = 'purge-test'",
                now));
        assertArrayEquals(new long[] {0, 0}, purge.purge(now), "a second run finds nothing more");
    }

    private String outbox(Instant created, Instant published) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into outbox_event (id, topic, aggregate_id, type, payload, created_at, published_at)
                values (?::uuid, 'test-events', 'agg', 'test.greeting', '{}', ?, ?)""")) {
            s.setString(1, id);
            s.setTimestamp(2, Timestamp.from(created));
            s.setTimestamp(3, published == null ? null : Timestamp.from(published));
            s.executeUpdate();
        }
        return id;
    }

    private String inbox(Instant processed) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into processed_event (consumer, event_id, type, processed_at) values ('purge-test', ?, 't', ?)")) {
            s.setString(1, id);
            s.setTimestamp(2, Timestamp.from(processed));
            s.executeUpdate();
        }
        return id;
    }

    private List<String> ids(String sql, Instant bound) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bound.toString());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
