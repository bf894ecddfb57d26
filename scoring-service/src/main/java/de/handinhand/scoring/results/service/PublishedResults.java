package de.handinhand.scoring.results.service;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.service.JuryAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** The results as published: the data of the event itself, read back from the outbox row. */
@ApplicationScoped
public class PublishedResults {

    private final EntityManager em;
    private final JuryAccess access;

    public PublishedResults(EntityManager em, JuryAccess access) {
        this.em = em;
        this.access = access;
    }

    public JsonNode get(UUID callId) {
        JuryCall settings = access.settingsOrNull(callId);
        if (settings == null || settings.resultsEventId == null) {
            throw new NotFoundException("Results of call " + callId + " are not published");
        }
        List<?> payload = em.createNativeQuery("select payload from outbox_event where id = ?1")
                .setParameter(1, settings.resultsEventId).getResultList();
        if (payload.isEmpty()) {
            throw new NotFoundException("Results of call " + callId + " are not published");
        }
        return CloudEventCodec.read(payload.get(0).toString()).data();
    }
}
