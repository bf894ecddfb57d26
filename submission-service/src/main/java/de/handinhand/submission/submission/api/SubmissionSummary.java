package de.handinhand.submission.submission.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import de.handinhand.submission.submission.SubmissionStatus;
import java.time.Instant;
import java.util.UUID;

/** An entry in a list: enough to pick it, without its answers; {@code organisation} for an applicant's entry. */
@Schema(example = """
        {"id": "97c32b66-3b51-411f-a2b3-b476df229fda", "callId": "9257dc93-b996-3ccd-9f9f-fd0565e88896",
         "municipalityId": "09174", "organisation": null, "category": "LANDKREIS", "status": "SUBMITTED", "version": 1,
         "title": "Integration mit Augenmaß", "submittedAt": "2026-06-12T14:03:11Z", "updatedAt": "2026-06-12T14:03:11Z"}""")
public record SubmissionSummary(
        UUID id,
        UUID callId,
        String municipalityId,
        String organisation,
        String category,
        SubmissionStatus status,
        int version,
        String title,
        Instant submittedAt,
        Instant updatedAt) {
}
