package de.handinhand.scoring.cases.messaging;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.scoring.cases.service.CaseUpdater;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Reads {@code submission-events} in key order. A poison event (malformed envelope or data) fails
 * at once and goes to the dead-letter topic; any other failure (database briefly away) is retried
 * for up to two minutes, each attempt in a fresh transaction, before it is dead-lettered too.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionEventsConsumer.class);

    private final CaseUpdater updater;
    private final MeterRegistry metrics;

    public SubmissionEventsConsumer(CaseUpdater updater, MeterRegistry metrics) {
        this.updater = updater;
        this.metrics = metrics;
    }

    @Incoming("submission-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = 120_000, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        CloudEvent event = CloudEventCodec.read(payload);
        if (event.correlationid() != null) {
            MDC.put("requestId", event.correlationid());
        }
        try {
            boolean applied = updater.apply(event);
            metrics.counter("handinhand.events.consumed", "type", event.type(), "outcome",
                    applied ? "applied" : "duplicate").increment();
            LOG.debugf("%s %s %s", applied ? "Applied" : "Skipped duplicate", event.type(), event.id());
        } finally {
            MDC.remove("requestId");
        }
    }
}
