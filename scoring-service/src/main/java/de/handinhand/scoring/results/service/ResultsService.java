package de.handinhand.scoring.results.service;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.scoring.ScoringConfig;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.JuryPhase;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.ranking.service.RankingCalculator;
import de.handinhand.scoring.ranking.service.RankingSnapshot;
import de.handinhand.scoring.results.api.ResultsRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publishes a call's results once, after the jury phase: the ranking is frozen into the event
 * written to the outbox in the same transaction that marks the call published, so the event exists
 * exactly when the publication does; the call keeps the same data, which {@code GET .../results}
 * answers. From then on scores, criteria and assignments are final.
 */
@ApplicationScoped
public class ResultsService {

    private final JuryAccess access;
    private final RankingCalculator ranking;
    private final OutboxWriter outbox;
    private final ChangeFeed changes;
    private final ScoringConfig config;
    private final Clock clock;

    public ResultsService(JuryAccess access, RankingCalculator ranking, OutboxWriter outbox, ChangeFeed changes,
            ScoringConfig config, Clock clock) {
        this.access = access;
        this.ranking = ranking;
        this.outbox = outbox;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ResultsPublished publish(UUID callId, ResultsRequest request) {
        int winners = request == null || request.winnersPerCategory() == null ? config.winnersPerCategory()
                : request.winnersPerCategory();
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        CallInfo call = access.call(callId);
        JuryPhase phase = JuryPhase.of(call, clock.instant());
        if (phase != JuryPhase.CLOSED) {
            throw new ConflictException("jury-phase-not-over", "Results can be published once the jury phase is over; "
                    + "the call is in phase " + phase);
        }
        JuryCall settings = access.lockSettings(callId);
        if (settings.resultsPublishedAt != null) {
            throw new ConflictException("results-published", "Results of this call were published at "
                    + settings.resultsPublishedAt);
        }
        Instant now = clock.instant();
        ResultsPublished data = results(call, ranking.compute(callId), winners, now);
        // The event's data as it goes out, kept here too: GET .../results answers it after the
        // outbox row is long purged.
        JsonNode tree = CloudEventCodec.toTree(data);
        settings.resultsEventId = outbox.append(EventTypes.SCORING_TOPIC, EventTypes.RESULTS_PUBLISHED,
                callId.toString(), tree);
        settings.results = tree;
        settings.resultsPublishedAt = now;
        settings.updatedAt = now;
        changes.record(ChangeKind.RESULTS_PUBLISHED, callId, null, null, null);
        return data;
    }

    static ResultsPublished results(CallInfo call, RankingSnapshot snapshot, int winners, Instant now) {
        List<ResultsPublished.Category> categories = new ArrayList<>();
        snapshot.categories().forEach((cat, rows) -> categories.add(new ResultsPublished.Category(cat, rows.stream()
                .map(r -> new ResultsPublished.Entry(r.entry().submissionId, r.entry().municipalityId,
                        r.entry().municipalityName, r.entry().title, r.rank(), r.score().normalized(), r.score().mean(),
                        r.score().jurorCount(), r.rank() != null && r.rank() <= winners, null, List.of()))
                .toList())));
        // Revision, correction, grants and prizes are the jury decision's (issue 16, scoring side); until
        // then every publication reads as a first one without grants or named prizes.
        return new ResultsPublished(snapshot.callId(), call.title, call.kind, now, "normalized", winners, categories,
                1, false, null);
    }
}
