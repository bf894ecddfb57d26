package de.handinhand.scoring.allocation.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.validation.Violations;
import de.handinhand.scoring.allocation.Allocator;
import de.handinhand.scoring.allocation.api.AllocationRequest;
import de.handinhand.scoring.allocation.api.AllocationView;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.ranking.service.RankingCalculator;
import de.handinhand.scoring.ranking.service.RankingSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Funding allocation over a FUNDING call's current ranking; computed on request, nothing is stored. */
@ApplicationScoped
public class AllocationService {

    private static final AllocationRequest DEFAULTS = new AllocationRequest(null, null, null, null);

    private final JuryAccess access;
    private final RankingCalculator ranking;
    private final Validator validator;

    public AllocationService(JuryAccess access, RankingCalculator ranking, Validator validator) {
        this.access = access;
        this.ranking = ranking;
        this.validator = validator;
    }

    public AllocationView allocate(UUID callId, AllocationRequest request) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        CallInfo call = access.call(callId);
        if (call == null || !"FUNDING".equals(call.kind)) {
            throw new ConflictException("not-a-funding-call", "Only FUNDING calls allocate a budget");
        }
        AllocationRequest r = request == null ? DEFAULTS : request;
        // The request's own constraints and the ones that need the call, in one answer: an organizer
        // trying out amounts and shares learns every field to change at once.
        Errors errors = new Errors();
        Violations.locate(validator.validate(r)).forEach(v -> errors.add(v.error().field(), v.error().message()));
        Long budget = r.budgetCents() != null ? r.budgetCents() : call.budgetCents;
        // A budget given here is checked by its constraints; only the call's own may be missing.
        if (r.budgetCents() == null && (budget == null || budget <= 0)) {
            errors.add("budgetCents", "is required: the call has no budget");
        }
        RankingSnapshot snapshot = ranking.compute(callId);
        if (r.categoryShares() != null) {
            r.categoryShares().keySet().stream().filter(category -> !snapshot.categories().containsKey(category))
                    .forEach(category -> errors.add("categoryShares." + category, "is not a category of this call"));
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
        Allocator.Params params = new Allocator.Params(budget, r.effectiveMinPerProjectCents(), r.maxPerProjectCents(),
                r.categoryShares());
        return new AllocationView(callId, params, Allocator.allocate(entries, params));
    }
}
