package de.handinhand.catalogue.award;

import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.inbox.InboundEvents;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code scoring-events} (key: the call id, so one call's publications stay in order) into
 * award flags. Poison events go to the dead-letter topic at once; other failures are retried for
 * up to two minutes first, as for submission events.
 */
@ApplicationScoped
public class ScoringEventsConsumer {

    private final InboundEvents inbound;
    private final AwardWinners awards;

    public ScoringEventsConsumer(InboundEvents inbound, AwardWinners awards) {
        this.inbound = inbound;
        this.awards = awards;
    }

    @Incoming("scoring-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = 120_000, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        inbound.process(payload, awards::apply);
    }
}
