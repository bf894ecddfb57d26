package de.handinhand.common.messaging.events;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** Data of {@code handinhand.submission.withdrawn}: the entry is out of the competition. */
public record SubmissionWithdrawn(
        @NotNull UUID submissionId,
        UUID callId,
        String municipalityId,
        String kreisId,
        int version,
        Instant withdrawnAt) {
}
