package de.handinhand.submission.submission.rest;

import de.handinhand.submission.submission.SubmissionStatus;
import java.time.Instant;
import java.util.UUID;

/** An entry in a list: enough to pick it, without its answers. */
public record SubmissionSummary(
        UUID id,
        UUID callId,
        String municipalityId,
        String category,
        SubmissionStatus status,
        int version,
        String title,
        Instant submittedAt,
        Instant updatedAt) {
}
