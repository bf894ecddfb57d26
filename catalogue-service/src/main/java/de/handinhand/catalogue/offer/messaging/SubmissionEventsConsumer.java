package de.handinhand.catalogue.offer.messaging;

import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.inbox.InboundEvents;
import de.handinhand.catalogue.offer.service.SubmissionOffers;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code submission-events} in key order into good-practice proposals. A poison event (malformed
 * envelope or data) fails at once and goes to the dead-letter topic; any other failure (the
 * database briefly away) is retried for up to two minutes, each attempt in a fresh transaction,
 * before it is dead-lettered too.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    private final InboundEvents inbound;
    private final SubmissionOffers offers;

    public SubmissionEventsConsumer(InboundEvents inbound, SubmissionOffers offers) {
        this.inbound = inbound;
        this.offers = offers;
    }

    @Incoming("submission-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = 120_000, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        inbound.process(payload, offers::apply);
    }
}
