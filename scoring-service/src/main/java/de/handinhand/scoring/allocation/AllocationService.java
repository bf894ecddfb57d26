package de.handinhand.scoring.allocation;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.ranking.service.RankingCalculator;
import de.handinhand.scoring.ranking.service.RankingSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Funding allocation over a FUNDING call's current ranking; computed on request, nothing is stored. */
@ApplicationScoped
public class AllocationService {

    private final JuryAccess access;
    private final RankingCalculator ranking;

    public AllocationService(JuryAccess access, RankingCalculator ranking) {
        this.access = access;
        this.ranking = ranking;
    }

    public record AllocationView(UUID callId, Allocator.Params params, Allocator.Result allocation) {
    }

    public AllocationView allocate(UUID callId, AllocationRequest request) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        CallInfo call = access.call(callId);
        if (call == null || !"FUNDING".equals(call.kind)) {
            throw new ConflictException("not-a-funding-call", "Only FUNDING calls allocate a budget");
        }
        AllocationRequest r = request == null ? new AllocationRequest(null, null, null, null) : request;
        Errors errors = new Errors();
        Long budget = r.budgetCents() != null ? r.budgetCents() : call.budgetCents;
        if (budget == null || budget <= 0) {
            errors.add("budgetCents", "must be more than 0 (the call has no budget)");
        }
        long min = r.minPerProjectCents() == null ? 0 : r.minPerProjectCents();
        if (min < 0) {
            errors.add("minPerProjectCents", "must be 0 or more");
        }
        if (r.maxPerProjectCents() != null && (r.maxPerProjectCents() <= 0 || r.maxPerProjectCents() < min)) {
            errors.add("maxPerProjectCents", "must be more than 0 and at least minPerProjectCents");
        }
        RankingSnapshot snapshot = ranking.compute(callId);
        if (r.categoryShares() != null) {
            double sum = 0;
            for (Map.Entry<String, Double> share : r.categoryShares().entrySet()) {
                if (!snapshot.categories().containsKey(share.getKey())) {
                    errors.add("categoryShares." + share.getKey(), "is not a category of this call");
                }
                if (share.getValue() == null || share.getValue() <= 0 || share.getValue() > 1) {
                    errors.add("categoryShares." + share.getKey(), "must be a share greater than 0 and at most 1");
                } else {
                    sum += share.getValue();
                }
            }
            if (sum > 1 + 1e-9) {
                errors.add("categoryShares", "shares add up to " + sum + ", more than 1");
            }
        }
        errors.throwIfAny();
        List<Allocator.Entry> entries = new ArrayList<>();
        snapshot.categories().forEach((cat, rows) -> rows.forEach(row -> entries.add(new Allocator.Entry(
                row.entry().submissionId, row.entry().municipalityId, cat, row.rank(), row.score().normalized(),
                row.score().mean(), row.entry().requestedCents, false))));
        for (JuryCase c : snapshot.withdrawn()) {
            entries.add(new Allocator.Entry(c.submissionId, c.municipalityId,
                    c.category == null ? RankingSnapshot.NO_CATEGORY : c.category, null, null, null, c.requestedCents, true));
        }
        Allocator.Params params = new Allocator.Params(budget, min, r.maxPerProjectCents(), r.categoryShares());
        return new AllocationView(callId, params, Allocator.allocate(entries, params));
    }
}
