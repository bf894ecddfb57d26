package de.handinhand.scoring.cases.rest;

import de.handinhand.scoring.cases.CaseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A case with everything a juror reads to score it; the formal pre-check beside it, never in the scores. */
public record CaseDetail(
        UUID id,
        UUID submissionId,
        UUID callId,
        String municipalityId,
        String municipalityName,
        String kreisId,
        String bundesland,
        String category,
        String title,
        String summary,
        String description,
        Map<String, Object> answers,
        List<Map<String, Object>> projects,
        int version,
        CaseStatus status,
        Instant submittedAt,
        Instant withdrawnAt,
        Instant updatedAt,
        Long requestedCents,
        de.handinhand.scoring.precheck.PreCheck.Result precheck) {
}
