package de.handinhand.scoring.decision.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The committee's decision on a FUNDING call's grants, line by line, with every change. */
public record DecisionView(
        UUID callId,
        Long budgetCents,
        @Schema(description = "Sum of the grants") long totalCents,
        long remainingCents,
        @Schema(description = "False while nothing is stored yet: the lines are the computed allocation as proposed")
        boolean stored,
        @Schema(description = "True once the results are published: the decision is final")
        boolean published,
        Instant publishedAt,
        List<Line> lines,
        @Schema(description = "Every change, oldest first")
        List<Change> history) {

    /** Named apart from the allocation's {@code Line} in the OpenAPI document. */
    @Schema(name = "DecisionLine")
    public record Line(UUID submissionId, String municipalityId, String municipalityName, String title,
            String category, String status, Integer rank, Long requestedCents,
            @Schema(description = "What the allocation computed when the decision started") long computedCents,
            @Schema(description = "The allocation's decision: FUNDED, CAPPED, SKIPPED_DOES_NOT_FIT, …")
            String computedDecision,
            String computedReason,
            long grantCents,
            @Schema(description = "The committee's reason; present where the grant differs from the computation")
            String reason,
            @Schema(description = "The grant differs from the computed allocation") boolean deviates,
            String changedBy,
            Instant changedAt) {
    }

    /** Named apart from the change feed's {@code Change} in the OpenAPI document. */
    @Schema(name = "DecisionChange")
    public record Change(UUID submissionId, String changedBy, Instant changedAt,
            @Schema(description = "Null when the line started from the computed allocation") Long oldCents,
            long newCents, String reason) {
    }
}
