package de.handinhand.scoring.cases.messaging;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.consumer.EventDispatcher;
import de.handinhand.common.messaging.consumer.EventHandlers;
import de.handinhand.common.messaging.events.CallPublished;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import de.handinhand.scoring.cases.service.CaseUpdater;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code submission-events} in key order into jury cases and the calls' dates. The shared
 * dispatcher does the rest: a poison event goes to the dead-letter topic at once, any other failure
 * (the database briefly away) is tried again for as long as it takes, holding the later events back.
 */
@ApplicationScoped
public class SubmissionEventsConsumer {

    /** The inbox's name for this consumer; it keys the processed event ids, so it never changes. */
    static final String CONSUMER = "scoring.submission-events";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public SubmissionEventsConsumer(EventDispatcher dispatcher, CaseUpdater cases) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.consumer(CONSUMER)
                .on(EventTypes.SUBMISSION_SUBMITTED, SubmissionSubmitted.class, cases::submitted)
                .on(EventTypes.SUBMISSION_WITHDRAWN, SubmissionWithdrawn.class, cases::withdrawn)
                .on(EventTypes.CALL_PUBLISHED, CallPublished.class, cases::callPublished)
                .build();
    }

    @Incoming("submission-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return dispatcher.dispatch(handlers, message);
    }
}
