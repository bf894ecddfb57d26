package de.handinhand.submission.submission.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.submission.SubmissionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An entry as its municipality (or applicant organisation) and the organizers see it.
 * {@code organisation} names the applicant organisation that entered (null for a municipality's
 * own entry; {@code municipalityId} is then the Gemeinde it works in). {@code answers} include the
 * read-only answers filled by the server (the municipality registry, the organisation); {@code version} counts submits;
 * {@code extendedUntil} is an organizer's extension of the deadline for this entry;
 * {@code unplaced} is what a legacy import could not place; {@code derived} lists the field paths
 * whose value the import derived instead of reading it (e.g. {@code projects[1].answers.D10} for a
 * single project's title taken from its text).
 */
@Schema(example = """
        {"id": "97c32b66-3b51-411f-a2b3-b476df229fda", "callId": "9257dc93-b996-3ccd-9f9f-fd0565e88896",
         "formTemplate": "ZUSAMMENLEBEN_HAND_IN_HAND", "municipalityId": "09174", "municipalityName": "Landkreis Dachau",
         "organisation": null, "category": "LANDKREIS", "status": "DRAFT", "version": 0, "title": "Integration mit Augenmaß",
         "summary": "Das Projekt IMA fördert Integrationsideen im ganzen Landkreis.", "description": "...",
         "answers": {"A1": "Landkreis Dachau", "C10": "NO", "C23": ["ERWACHSENE", "NEUZUGEWANDERTE"]},
         "projects": [{"answers": {"D10": "DA(S)CHAU HER!", "D15": "Ein Zwei-Tage-Event in Hebertshausen"}}],
         "requestedCents": null, "attachments": [], "imported": false, "unplaced": [], "derived": [],
         "extendedUntil": null, "submittedAt": null, "withdrawnAt": null, "createdAt": "2026-05-02T10:15:30Z",
         "updatedAt": "2026-05-02T10:15:30Z"}""")
public record SubmissionView(
        UUID id,
        UUID callId,
        FormTemplate formTemplate,
        String municipalityId,
        String municipalityName,
        String organisation,
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
        List<String> derived,
        Instant extendedUntil,
        Instant submittedAt,
        Instant withdrawnAt,
        Instant createdAt,
        Instant updatedAt) {
}
