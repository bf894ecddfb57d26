package de.handinhand.scoring.results.service;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.scoring.ScoringConfig;
import de.handinhand.scoring.allocation.Allocator;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.decision.service.DecisionService;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.JuryPhase;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.ranking.service.RankingCalculator;
import de.handinhand.scoring.ranking.service.RankingSnapshot;
import de.handinhand.scoring.results.api.PrizeAward;
import de.handinhand.scoring.results.api.ResultsRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Publishes a call's results after the jury phase: the ranking is frozen into the event written to
 * the outbox in the same transaction that marks the call published, so the event exists exactly when
 * the publication does; the call keeps the same data, which {@code GET .../results} answers. From
 * then on scores, criteria, assignments and a FUNDING call's decision are final.
 * <p>
 * A COMPETITION call's winners are the top of the ranking unless the jury names them, with prizes,
 * special prizes and prize money. Its results may be published again as a correction (with a
 * reason), each time with the next {@code revision}; the catalogue follows the latest. A FUNDING
 * call publishes the committee's decision: each entry's grant, final from then on.
 */
@ApplicationScoped
public class ResultsService {

    private final JuryAccess access;
    private final RankingCalculator ranking;
    private final DecisionService decisions;
    private final OutboxWriter outbox;
    private final ChangeFeed changes;
    private final ScoringConfig config;
    private final Clock clock;

    public ResultsService(JuryAccess access, RankingCalculator ranking, DecisionService decisions, OutboxWriter outbox,
            ChangeFeed changes, ScoringConfig config, Clock clock) {
        this.access = access;
        this.ranking = ranking;
        this.decisions = decisions;
        this.outbox = outbox;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ResultsPublished publish(UUID callId, ResultsRequest request) {
        ResultsRequest r = request == null ? NONE : request;
        access.requireOrganizerOf(callId);
        CallInfo call = access.call(callId);
        JuryPhase phase = JuryPhase.of(call, clock.instant());
        if (phase != JuryPhase.CLOSED) {
            throw new ConflictException("jury-phase-not-over", "Results can be published once the jury phase is over; "
                    + "the call is in phase " + phase);
        }
        boolean funding = "FUNDING".equals(call.kind);
        JuryCall settings = access.lockSettings(callId);
        if (settings.resultsPublishedAt != null && funding) {
            throw new ConflictException("decision-final", "Results of this call were published at "
                    + settings.resultsPublishedAt + "; the committee's decision is final");
        }
        if (settings.resultsPublishedAt != null && !r.isCorrection()) {
            throw new ConflictException("results-published", "Results of this call were published at "
                    + settings.resultsPublishedAt + "; to correct them send \"correction\": true with a reason");
        }
        if (settings.resultsPublishedAt == null && r.isCorrection()) {
            throw new ConflictException("results-not-published", "Results of this call are not published yet; "
                    + "there is nothing to correct");
        }
        if (funding) {
            Errors errors = new Errors();
            if (r.winners() != null) {
                errors.add("winners", "a FUNDING call publishes the committee's decision (PUT .../decision), not winners");
            }
            if (r.specialPrizes() != null) {
                errors.add("specialPrizes", "a FUNDING call publishes the committee's decision, not prizes");
            }
            if (r.winnersPerCategory() != null) {
                errors.add("winnersPerCategory", "a FUNDING call's winners are the entries the committee funds");
            }
            errors.throwIfAny();
        }
        Instant now = clock.instant();
        int revision = settings.results == null ? 1
                : Math.max(1, settings.results.path("revision").asInt(1)) + 1;
        RankingSnapshot snapshot = ranking.compute(callId);
        ResultsPublished data = funding
                ? funding(call, snapshot, decisions.finalGrants(callId), now)
                : competition(call, snapshot, r, now, revision);
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

    private static final ResultsRequest NONE = new ResultsRequest(null, null, null, null, null);

    /** Every active entry with its decided grant (0 when not funded); an entry wins when funded. */
    static ResultsPublished funding(CallInfo call, RankingSnapshot snapshot, Map<UUID, Long> grants, Instant now) {
        List<ResultsPublished.Category> categories = new ArrayList<>();
        snapshot.categories().forEach((cat, rows) -> categories.add(new ResultsPublished.Category(cat, rows.stream()
                .map(r -> {
                    long grant = grants.getOrDefault(r.entry().submissionId, 0L);
                    return entry(r, grant > 0, grant, List.of());
                }).toList())));
        return new ResultsPublished(snapshot.callId(), call.title, call.kind, now, "normalized", 0, categories, 1,
                false, null);
    }

    /**
     * The jury's winners and special prizes, or without named winners ranks 1..N of each category
     * (entries tied at rank N all win), each holding "N. Preis" without an amount.
     */
    ResultsPublished competition(CallInfo call, RankingSnapshot snapshot, ResultsRequest r, Instant now,
            int revision) {
        Map<UUID, RankingSnapshot.Row> active = new LinkedHashMap<>();
        snapshot.categories().values().forEach(rows -> rows.forEach(row -> active.put(row.entry().submissionId, row)));
        Map<UUID, List<ResultsPublished.Prize>> prizes = new HashMap<>();
        Errors errors = new Errors();
        long money = 0;
        int winners = 0;
        if (r.winners() == null) {
            winners = r.winnersPerCategory() == null ? config.winnersPerCategory() : r.winnersPerCategory();
            for (RankingSnapshot.Row row : active.values()) {
                if (row.rank() != null && row.rank() <= winners) {
                    prizes.computeIfAbsent(row.entry().submissionId, k -> new ArrayList<>())
                            .add(new ResultsPublished.Prize(row.rank() + ". Preis", null, false));
                }
            }
        } else {
            money += award(r.winners(), "winners", false, active, prizes, errors);
        }
        if (r.specialPrizes() != null) {
            money += award(r.specialPrizes(), "specialPrizes", true, active, prizes, errors);
        }
        if (call.budgetCents != null && money > call.budgetCents) {
            errors.add(r.winners() != null ? "winners" : "specialPrizes", "the prize money adds up to "
                    + Allocator.euro(money) + ", above the call's " + Allocator.euro(call.budgetCents));
        }
        errors.throwIfAny();
        List<ResultsPublished.Category> categories = new ArrayList<>();
        snapshot.categories().forEach((cat, rows) -> categories.add(new ResultsPublished.Category(cat, rows.stream()
                .map(row -> {
                    List<ResultsPublished.Prize> held = prizes.getOrDefault(row.entry().submissionId, List.of());
                    return entry(row, held.stream().anyMatch(p -> !p.special()), null, List.copyOf(held));
                }).toList())));
        return new ResultsPublished(snapshot.callId(), call.title, call.kind, now, "normalized", winners, categories,
                revision, r.isCorrection(), r.isCorrection() ? r.reason().strip() : null);
    }

    /** Adds the awards to the entries' prizes; reports entries that are not active in the call, or given twice. */
    private static long award(List<PrizeAward> awards, String field, boolean special,
            Map<UUID, RankingSnapshot.Row> active, Map<UUID, List<ResultsPublished.Prize>> prizes, Errors errors) {
        long money = 0;
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < awards.size(); i++) {
            PrizeAward a = awards.get(i);
            String at = field + "[" + i + "]";
            if (!active.containsKey(a.submissionId())) {
                errors.add(at + ".submissionId", "is not an active entry of this call");
                continue;
            }
            // A main prize per entry; several special prizes per entry, but each one once.
            if (!seen.add(special ? List.of(a.submissionId(), a.prize().strip()) : a.submissionId())) {
                errors.add(at + ".submissionId", special ? "holds this special prize already" : "is given twice");
                continue;
            }
            prizes.computeIfAbsent(a.submissionId(), k -> new ArrayList<>())
                    .add(new ResultsPublished.Prize(a.prize().strip(), a.prizeCents(), special));
            money += a.prizeCents() == null ? 0 : a.prizeCents();
        }
        return money;
    }

    private static ResultsPublished.Entry entry(RankingSnapshot.Row r, boolean winner, Long grantCents,
            List<ResultsPublished.Prize> prizes) {
        return new ResultsPublished.Entry(r.entry().submissionId, r.entry().municipalityId, r.entry().municipalityName,
                r.entry().title, r.rank(), r.score().normalized(), r.score().mean(), r.score().jurorCount(), winner,
                grantCents, prizes);
    }
}
