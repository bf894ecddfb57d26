package de.handinhand.submission.report.api;

import de.handinhand.submission.report.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A funded project's final report with what it reports on: the entry's title, organisation (null
 * for a municipality's own project) and Gemeinde, the grant the published results gave it, and the
 * project's period from the application.
 */
@Schema(example = """
        {"submissionId": "97c32b66-3b51-411f-a2b3-b476df229fda", "callId": "9257dc93-b996-3ccd-9f9f-fd0565e88896",
         "title": "Kochen verbindet", "organisation": "Asylarbeitskreis Eppingen", "municipalityId": "08125030",
         "municipalityName": "Eppingen", "grantCents": 185000, "projectStart": "2026-01-15", "projectEnd": "2026-12-15",
         "status": "SUBMITTED", "answers": {"R10": "Zwölf Kochabende ...", "R20": 86, "R21": 41, "R38": 185000},
         "createdAt": "2026-12-20T09:00:00Z", "createdBy": "ak-eppingen", "updatedAt": "2027-01-10T16:30:00Z",
         "submittedAt": "2027-01-10T16:30:00Z", "submittedBy": "ak-eppingen"}""")
public record ReportView(
        UUID submissionId,
        UUID callId,
        String title,
        String organisation,
        String municipalityId,
        String municipalityName,
        Long grantCents,
        LocalDate projectStart,
        LocalDate projectEnd,
        ReportStatus status,
        Map<String, Object> answers,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        Instant submittedAt,
        String submittedBy) {
}
