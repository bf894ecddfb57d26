package de.handinhand.scoring.cases.rest;

import de.handinhand.scoring.cases.CaseStatus;
import java.time.Instant;
import java.util.UUID;

/** A case in the jury's list. */
public record CaseSummary(
        UUID id,
        UUID submissionId,
        UUID callId,
        String municipalityId,
        String municipalityName,
        String kreisId,
        String bundesland,
        String category,
        String title,
        int version,
        CaseStatus status,
        Instant submittedAt,
        Instant updatedAt) {
}
