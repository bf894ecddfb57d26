package de.handinhand.common.messaging.inbox;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Predicate;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * What every consumer does with a record before and after its own effect: read the envelope (a
 * malformed one throws and is dead-lettered), log under the event's correlation id so the
 * request can be followed into this service, and count applied and duplicate deliveries.
 *
 * @deprecated a consumer declares {@link de.handinhand.common.messaging.consumer.EventHandlers} and
 *             hands each message to {@link de.handinhand.common.messaging.consumer.EventDispatcher},
 *             which adds validation, the transaction, unlimited retries and dead letters; see
 *             common/ADOPTING.md
 */
@Deprecated(forRemoval = true)
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final MeterRegistry metrics;

    public InboundEvents(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** @param apply the effect; returns false when the inbox found the event already processed */
    public void process(String payload, Predicate<CloudEvent> apply) {
        CloudEvent event = CloudEventCodec.read(payload);
        if (event.correlationid() != null) {
            MDC.put(RequestIds.MDC_KEY, event.correlationid());
        }
        try {
            boolean applied = apply.test(event);
            metrics.counter("handinhand.events.consumed", "type", event.type(), "outcome",
                    applied ? "applied" : "duplicate").increment();
            LOG.debugf("%s %s %s", applied ? "Applied" : "Skipped duplicate", event.type(), event.id());
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
