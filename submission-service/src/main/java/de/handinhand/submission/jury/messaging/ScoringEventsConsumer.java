package de.handinhand.submission.jury.messaging;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.consumer.EventDispatcher;
import de.handinhand.common.messaging.consumer.EventHandlers;
import de.handinhand.common.messaging.events.AssignmentsChanged;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.submission.jury.service.JuryReaders;
import de.handinhand.submission.report.service.Grants;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code scoring-events}: assignment changes (key: the submission id, so one entry's snapshots
 * stay in order) into the jurors who may read each entry, published results (key: the call id) into
 * the grants that let funded projects file their final report ({@link Grants}); the topic's other
 * events concern other services and are recorded as seen. The dispatcher does the rest: an event that can
 * never apply goes to the dead-letter topic at once, any other failure (the database away) is
 * tried again for as long as it takes, with the channel's later events waiting behind it.
 */
@ApplicationScoped
public class ScoringEventsConsumer {

    /** The inbox's name for this consumer; it keys the processed event ids, so it never changes. */
    static final String CONSUMER = "submission.scoring-events";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public ScoringEventsConsumer(EventDispatcher dispatcher, JuryReaders readers, Grants grants) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.consumer(CONSUMER)
                .on(EventTypes.ASSIGNMENTS_CHANGED, AssignmentsChanged.class, readers::changed)
                .on(EventTypes.RESULTS_PUBLISHED, ResultsPublished.class, grants::published)
                .build();
    }

    @Incoming("scoring-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return dispatcher.dispatch(handlers, message);
    }
}
