package de.handinhand.submission.report.api;

import de.handinhand.submission.report.ReportState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A funded project of a call in the organizer's list of final reports: who, how much, until when, and the report's state. */
@Schema(example = """
        {"submissionId": "97c32b66-3b51-411f-a2b3-b476df229fda", "title": "Kochen verbindet",
         "organisation": "Asylarbeitskreis Eppingen", "municipalityId": "08125030", "municipalityName": "Eppingen",
         "grantCents": 185000, "projectEnd": "2026-12-15", "report": "SUBMITTED",
         "submittedAt": "2027-01-10T16:30:00Z"}""")
public record ReportSummary(
        UUID submissionId,
        String title,
        String organisation,
        String municipalityId,
        String municipalityName,
        Long grantCents,
        LocalDate projectEnd,
        ReportState report,
        Instant submittedAt) {
}
