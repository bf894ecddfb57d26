package de.handinhand.catalogue.award;

import de.handinhand.catalogue.funded.FundedProjects;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.consumer.EventDispatcher;
import de.handinhand.common.messaging.consumer.EventHandlers;
import de.handinhand.common.messaging.events.ResultsPublished;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code scoring-events} (key: the call id, so one call's publications stay in order) into
 * award flags and funded projects' grants. The topic's other events (assignments) are recorded as
 * seen and skipped; poison goes to the dead-letter topic, other failures wait and are tried again,
 * as for submission events.
 */
@ApplicationScoped
public class ScoringEventsConsumer {

    /** The inbox's name for this consumer: it keys the processed event ids, so it never changes. */
    static final String CONSUMER = "catalogue.scoring-events";

    private final EventDispatcher dispatcher;
    private final EventHandlers handlers;

    public ScoringEventsConsumer(EventDispatcher dispatcher, AwardWinners awards, FundedProjects funded) {
        this.dispatcher = dispatcher;
        this.handlers = EventHandlers.consumer(CONSUMER)
                .onEvent(EventTypes.RESULTS_PUBLISHED, ResultsPublished.class, (results, event) -> {
                    awards.published(results, event);
                    // A funding call's grants: funded projects become proposals when they start.
                    funded.published(results);
                })
                .build();
    }

    @Incoming("scoring-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return dispatcher.dispatch(handlers, message);
    }
}
