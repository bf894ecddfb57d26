package de.handinhand.scoring.results.service;

import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.service.JuryAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The results as published: the data of the results event, kept with the call's jury settings
 * (the outbox row that carried the event is purged once published).
 */
@ApplicationScoped
public class PublishedResults {

    private final JuryAccess access;

    public PublishedResults(JuryAccess access) {
        this.access = access;
    }

    public ResultsPublished get(UUID callId) {
        JuryCall settings = access.settingsOrNull(callId);
        if (settings == null || settings.results == null) {
            throw new NotFoundException("Results of call " + callId + " are not published");
        }
        return CloudEventCodec.mapper().convertValue(settings.results, ResultsPublished.class);
    }
}
