package de.handinhand.common.messaging.purge;

import de.handinhand.common.messaging.inbox.InboxConfig;
import de.handinhand.common.messaging.outbox.OutboxConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes what the outbox and the inbox no longer need: outbox rows published longer ago than
 * {@code handinhand.outbox.retention} (never an unpublished one) and processed event ids older than
 * {@code handinhand.inbox.retention}. Each batch is its own short transaction and skips rows another
 * instance is deleting, so several instances can purge at once. A service whose database lacks one
 * of the tables (it only publishes, or only consumes) is left alone there.
 */
@ApplicationScoped
public class MessagingPurge {

    private static final Logger LOG = Logger.getLogger(MessagingPurge.class);

    private final EntityManager em;
    private final PurgeConfig config;
    private final OutboxConfig outboxConfig;
    private final InboxConfig inboxConfig;

    public MessagingPurge(EntityManager em, PurgeConfig config, OutboxConfig outboxConfig, InboxConfig inboxConfig) {
        this.em = em;
        this.config = config;
        this.outboxConfig = outboxConfig;
        this.inboxConfig = inboxConfig;
    }

    @Scheduled(every = "${handinhand.purge.interval:1h}", delayed = "${handinhand.purge.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            // The database may be away; the next run tries again, and nothing depends on this one.
            LOG.warnf("Purge of outbox and inbox failed: %s", e.toString());
        }
    }

    /** @return rows deleted from the outbox and from the inbox, in that order */
    public long[] purge(Instant now) {
        long outbox = 0;
        long inbox = 0;
        if (exists("outbox_event")) {
            outbox = batches("""
                    delete from outbox_event where seq in (
                        select seq from outbox_event
                         where published_at is not null and published_at < ?1
                         order by published_at
                         limit ?2
                         for update skip locked)""", now.minus(outboxConfig.retention()));
        }
        if (exists("processed_event")) {
            inbox = batches("""
                    delete from processed_event where (consumer, event_id) in (
                        select consumer, event_id from processed_event
                         where processed_at < ?1
                         order by processed_at
                         limit ?2
                         for update skip locked)""", now.minus(inboxConfig.retention()));
        }
        if (outbox > 0 || inbox > 0) {
            LOG.infof("Purged %d published outbox rows and %d processed event ids", outbox, inbox);
        }
        return new long[] {outbox, inbox};
    }

    private long batches(String delete, Instant cutoff) {
        int size = config.batchSize();
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        long total = 0;
        for (int i = 0; i < config.maxBatches(); i++) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter(1, before)
                    .setParameter(2, size)
                    .executeUpdate());
            total += deleted;
            if (deleted < size) {
                break;
            }
        }
        return total;
    }

    private boolean exists(String table) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em
                .createNativeQuery("select to_regclass(?1) is not null").setParameter(1, table).getSingleResult());
    }

    /** The off switch, read when the scheduler fires. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final PurgeConfig config;

        public Disabled(PurgeConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
