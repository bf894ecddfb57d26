package de.handinhand.submission.jury.messaging;

import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.inbox.InboundEvents;
import de.handinhand.submission.jury.service.JuryReaders;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code scoring-events} (key: the submission id for assignment changes, so one entry's
 * snapshots stay in order) into the jurors who may read each entry. A poison event goes to the
 * dead-letter topic at once; any other failure (the database briefly away) is retried for up to two
 * minutes, each attempt in a fresh transaction, before it is dead-lettered too.
 */
@ApplicationScoped
public class ScoringEventsConsumer {

    private final InboundEvents inbound;
    private final JuryReaders readers;

    public ScoringEventsConsumer(InboundEvents inbound, JuryReaders readers) {
        this.inbound = inbound;
        this.readers = readers;
    }

    @Incoming("scoring-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = 120_000, delay = 500, jitter = 250, abortOn = MalformedEventException.class)
    public void consume(String payload) {
        inbound.process(payload, readers::apply);
    }
}
