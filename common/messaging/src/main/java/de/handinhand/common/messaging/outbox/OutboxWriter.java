package de.handinhand.common.messaging.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.web.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Appends an event to the outbox table inside the caller's business transaction: the event exists
 * exactly when the change it describes was committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final OutboxConfig config;

    public OutboxWriter(EntityManager em, TransactionSynchronizationRegistry transactions, OutboxSignal signal,
            OutboxConfig config) {
        this.em = em;
        this.transactions = transactions;
        this.signal = signal;
        this.config = config;
    }

    /**
     * @param aggregateId becomes the Kafka key and the CloudEvents subject, so one aggregate's events stay in order
     * @param data the event's data: a record, or a JSON tree already built from one
     * @return the event id (the outbox row id and the CloudEvents id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, String aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        String traceparent = traceparent();
        String correlationId = RequestIds.current();
        JsonNode tree = data instanceof JsonNode node ? node : CloudEventCodec.toTree(data);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, id.toString(), config.source(), type, aggregateId,
                Instant.now(), "application/json", correlationId, traceparent, tree);
        em.createNativeQuery("""
                insert into outbox_event (id, topic, aggregate_id, type, payload, correlation_id, traceparent)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                // The insert touches outbox_event only: said so, Hibernate need not flush (and dirty-check)
                // the whole session before it; the caller's changes are flushed at commit as always.
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("outbox_event")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, CloudEventCodec.write(event))
                .setParameter(6, correlationId)
                .setParameter(7, traceparent)
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    signal.committed();
                }
            }
        });
        return id;
    }

    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
