package de.handinhand.submission.submission.rest;

import de.handinhand.submission.attachment.rest.AttachmentView;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.submission.SubmissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An entry as its municipality and the organizers see it. {@code answers} include the read-only
 * answers filled from the municipality registry; {@code version} counts submits;
 * {@code extendedUntil} is an organizer's extension of the deadline for this entry;
 * {@code unplaced} is what a legacy import could not place.
 */
public record SubmissionView(
        UUID id,
        UUID callId,
        FormTemplate formTemplate,
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
        Long requestedCents,
        List<AttachmentView> attachments,
        boolean imported,
        List<String> unplaced,
        Instant extendedUntil,
        Instant submittedAt,
        Instant withdrawnAt,
        Instant createdAt,
        Instant updatedAt) {
}
