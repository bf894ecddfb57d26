package de.handinhand.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.inbox.InboxConfig;
import de.handinhand.common.messaging.outbox.OutboxConfig;
import de.handinhand.common.messaging.purge.MessagingPurge;
import de.handinhand.common.messaging.purge.PurgeConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The catalogue purges its outbox and inbox (on by default here, unlike in common-messaging): only
 * published events older than the outbox retention and processed ids older than the inbox
 * retention go. (That an unpublished event stays however old it is, common-messaging's own test
 * shows; here the running relay would publish such a row while the test looks at it.)
 */
@QuarkusTest
@WithPostgresAndOidc
class PurgeTest {

    @Inject
    MessagingPurge purge;

    @Inject
    PurgeConfig config;

    @Inject
    OutboxConfig outbox;

    @Inject
    InboxConfig inbox;

    @Inject
    EntityManager em;

    @Test
    void oldPublishedEventsAndOldProcessedIdsGoTheRestStays() {
        assertTrue(config.enabled(), "the catalogue switches the purge on");
        assertEquals(Duration.ofDays(7), outbox.retention());
        assertEquals(Duration.ofDays(30), inbox.retention());
        // The real now: rows other tests wrote a moment ago are younger than any retention and stay.
        Instant now = Instant.now();
        String tag = UUID.randomUUID().toString();
        outboxRow(tag, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(8)));
        UUID recentPublished = outboxRow(tag, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(6)));
        inboxRow(tag, "old", now.minus(Duration.ofDays(31)));
        inboxRow(tag, "recent", now.minus(Duration.ofDays(29)));

        purge.purge(now);

        assertEquals(List.of(recentPublished.toString()),
                rows("select id::text from outbox_event where aggregate_id = ?1 order by id::text", tag));
        assertEquals(List.of(tag + "-recent"),
                rows("select event_id from processed_event where consumer = ?1", tag));
    }

    /** A row the relay has sent already (so it will not send it again). */
    private UUID outboxRow(String tag, Instant created, Instant published) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into outbox_event (id, topic,"
                        + " aggregate_id, type, payload, created_at, published_at) values (?1, 'catalogue-events', ?2,"
                        + " 'handinhand.offer.published', '{}', ?3, ?4)")
                .setParameter(1, id).setParameter(2, tag).setParameter(3, Timestamp.from(created))
                .setParameter(4, Timestamp.from(published)).executeUpdate());
        return id;
    }

    private void inboxRow(String tag, String id, Instant processed) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into processed_event (consumer,"
                        + " event_id, type, processed_at) values (?1, ?2, 'handinhand.submission.submitted', ?3)")
                .setParameter(1, tag).setParameter(2, tag + "-" + id).setParameter(3, Timestamp.from(processed))
                .executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql, String tag) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(sql)
                .setParameter(1, tag).getResultList());
    }
}
