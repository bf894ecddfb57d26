package de.handinhand.catalogue.offer.messaging;

import de.handinhand.catalogue.funded.FundedProjects;
import de.handinhand.catalogue.offer.service.SubmissionOffers;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.consumer.EventDispatcher;
import de.handinhand.common.messaging.consumer.EventHandlers;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code submission-events} in key order into good-practice proposals. The dispatcher does the
 * rest: an event that can never apply goes to the dead-letter topic at once, any other failure (the
 * database briefly away) is retried for as long as it takes, holding the later events behind it.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    /** The inbox's name for this consumer: it keys the processed event ids, so it never changes. */
    static final String CONSUMER = "catalogue.submission-events";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public SubmissionEventsConsumer(EventDispatcher dispatcher, SubmissionOffers offers, FundedProjects funded) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.consumer(CONSUMER)
                .on(EventTypes.SUBMISSION_SUBMITTED, SubmissionSubmitted.class, s -> {
                    offers.submitted(s);
                    // What a funded project's proposal needs, kept until its results and start day.
                    funded.submitted(s);
                })
                .on(EventTypes.SUBMISSION_WITHDRAWN, SubmissionWithdrawn.class, w -> {
                    offers.withdrawn(w);
                    funded.withdrawn(w);
                })
                .build();
    }

    @Incoming("submission-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return dispatcher.dispatch(handlers, message);
    }
}
