package de.handinhand.common.messaging.outbox;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.sql.SqlValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * One relay round: claim the oldest unpublished row of each aggregate with {@code FOR UPDATE SKIP
 * LOCKED}, send them, wait for Kafka's acknowledgements, and mark the acknowledged rows published
 * in the same transaction. Several relay instances can run at once: a row claimed by one is
 * skipped by the others, and a later row of the same aggregate waits until the earlier one is
 * published, so per-aggregate order holds. A crash between send and commit re-sends the round;
 * consumers drop the duplicate by its event id.
 */
@ApplicationScoped
@IfBuildProperty(name = "handinhand.outbox.relay.enabled", stringValue = "true")
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final EntityManager em;
    private final Emitter<String> emitter;
    private final OutboxConfig config;
    private final OutboxRelayStatus status;
    private final Counter published;
    private final Counter failed;
    private final Timer lag;

    public OutboxPublisher(EntityManager em, @Channel("outbox") Emitter<String> emitter, OutboxConfig config,
            OutboxRelayStatus status, MeterRegistry registry) {
        this.em = em;
        this.status = status;
        this.emitter = emitter;
        this.config = config;
        this.published = Counter.builder("handinhand.outbox.published").description("Events published to Kafka")
                .register(registry);
        this.failed = Counter.builder("handinhand.outbox.failed").description("Event sends Kafka did not acknowledge")
                .register(registry);
        this.lag = Timer.builder("handinhand.outbox.lag").description("From commit of the change to Kafka's ack")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    /** @return the number of rows published, or -1 if any send failed (the caller backs off) */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW)
    public int publishBatch() throws InterruptedException {
        Instant started = status.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select o.seq, o.topic, o.aggregate_id, o.payload, o.traceparent, o.created_at
                  from outbox_event o
                 where o.published_at is null
                   and not exists (select 1 from outbox_event e
                                    where e.aggregate_id = o.aggregate_id
                                      and e.published_at is null
                                      and e.seq < o.seq)
                 order by o.seq
                 limit ?1
                 for update of o skip locked""")
                .setParameter(1, config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> seqs = new ArrayList<>(rows.size());
        List<Instant> created = new ArrayList<>(rows.size());
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            seqs.add(((Number) row[0]).longValue());
            created.add(SqlValues.instant(row[5]));
            acks.add(send((String) row[1], (String) row[2], (String) row[3], (String) row[4]));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<Long> done = new ArrayList<>(rows.size());
        String firstError = null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                done.add(seqs.get(i));
                lag.record(Duration.between(created.get(i), Instant.now()));
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                failed.increment();
                if (firstError == null) {
                    firstError = String.valueOf(e.getCause() == null ? e : e.getCause());
                }
            }
        }
        if (!done.isEmpty()) {
            em.createNativeQuery("update outbox_event set published_at = now() where seq = any(?1)")
                    .setParameter(1, done.toArray(Long[]::new))
                    .executeUpdate();
            published.increment(done.size());
        }
        if (firstError != null) {
            LOG.warnf("Kafka acknowledged %d of %d events; the rest stay in the outbox: %s", done.size(), rows.size(),
                    firstError);
            status.roundFailed(started,
                    "Kafka acknowledged " + done.size() + " of " + rows.size() + " events: " + firstError);
            return -1;
        }
        return done.size();
    }

    private CompletableFuture<Void> send(String topic, String key, String payload, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build();
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(payload)
                .addMetadata(metadata)
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // The emitter refuses when its buffer is full or the channel is down; the row stays.
            ack.completeExceptionally(e);
        }
        return ack;
    }
}
