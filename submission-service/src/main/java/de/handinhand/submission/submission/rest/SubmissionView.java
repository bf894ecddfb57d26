package de.handinhand.submission.submission.rest;

import de.handinhand.submission.submission.SubmissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An entry as its municipality and the organizers see it. */
public record SubmissionView(
        UUID id,
        UUID callId,
        String municipalityId,
        String municipalityName,
        String category,
        SubmissionStatus status,
        int version,
        String title,
        String summary,
        String description,
        Map<String, Object> answers,
        List<ProjectEntry> projects,
        Instant submittedAt,
        Instant withdrawnAt,
        Instant createdAt,
        Instant updatedAt) {
}
