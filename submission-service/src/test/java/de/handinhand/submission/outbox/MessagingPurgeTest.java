package de.handinhand.submission.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import de.handinhand.common.messaging.purge.MessagingPurge;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * This service purges its messaging tables (common-messaging's purge, switched on here): published
 * outbox rows after 7 days, processed event ids after 30, and nothing younger. The rows it purges
 * are this test's own, dated back; the other tests' rows are recent and stay.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MessagingPurgeTest {

    @Inject
    MessagingPurge purge;

    @Inject
    MessagingPurge.Disabled disabled;

    @Inject
    EntityManager em;

    @Test
    void thePurgeIsOnAndTakesOnlyWhatIsPastItsRetention() {
        assertFalse(disabled.test(null), "handinhand.purge.enabled is true in this service");
        Instant now = Instant.now();
        String oldPublished = outbox(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        String recentPublished = outbox(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(6)));
        String oldInbox = inbox(now.minus(Duration.ofDays(31)));
        String recentInbox = inbox(now.minus(Duration.ofDays(29)));

        purge.purge(now);

        assertEquals(List.of(recentPublished), ids("select id::text from outbox_event where id::text in (?1, ?2)",
                oldPublished, recentPublished));
        assertEquals(List.of(recentInbox), ids("select event_id from processed_event where event_id in (?1, ?2)",
                oldInbox, recentInbox));
    }

    private String outbox(Instant created, Instant published) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox_event (id, topic, aggregate_id, type, payload, created_at, published_at)
                values (cast(?1 as uuid), 'submission-events', ?1, 'test.purge', '{}', ?2, ?3)""")
                .setParameter(1, id).setParameter(2, created).setParameter(3, published).executeUpdate());
        return id;
    }

    private String inbox(Instant processed) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into processed_event (consumer, event_id, type, processed_at)
                values ('submission.purge-test', ?1, 'test.purge', ?2)""")
                .setParameter(1, id).setParameter(2, processed).executeUpdate());
        return id;
    }

    @SuppressWarnings("unchecked")
    private List<String> ids(String sql, String first, String second) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql)
                .setParameter(1, first).setParameter(2, second).getResultList());
    }
}
