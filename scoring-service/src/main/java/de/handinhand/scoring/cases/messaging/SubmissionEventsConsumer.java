package de.handinhand.scoring.cases.messaging;

import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.inbox.InboundEvents;
import de.handinhand.scoring.cases.service.CaseUpdater;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code submission-events} in key order into jury cases. A poison event (malformed
 * envelope or data) fails at once and goes to the dead-letter topic; any other failure (the
 * database briefly away) is retried for up to two minutes, each attempt in a fresh transaction,
 * before it is dead-lettered too.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    private final InboundEvents inbound;
    private final CaseUpdater cases;

    public SubmissionEventsConsumer(InboundEvents inbound, CaseUpdater cases) {
        this.inbound = inbound;
        this.cases = cases;
    }

    @Incoming("submission-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = 120_000, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        inbound.process(payload, cases::apply);
    }
}
