package de.handinhand.submission.submission.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/submissions/{id}}: the content of {@link SubmissionRequest}, plus
 * {@code municipalityId} for an organizer correcting an imported entry (absent: unchanged). A
 * municipality's own body never names a municipality (it comes from the token): from a submitter
 * the field is refused like every other field the server owns.
 */
@Schema(name = "SubmissionUpdateRequest", example = """
        {"callId": "3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77",
         "title": "Kreisweite Handlungsstrategie für Neuzugewanderte",
         "summary": "Der Kreis bündelt die Kräfte seiner zehn Städte ...",
         "description": "Ausgangssituation ...",
         "answers": {"C10": "YES", "C23": ["ERWACHSENE", "NEUZUGEWANDERTE"], "C26f": ["PROJEKT"]},
         "projects": [{"answers": {"D10": "Integrationscafé", "D15": "Wöchentlicher Treffpunkt ..."}}]}""")
public record SubmissionUpdateRequest(
        @Schema(description = "The call entered; cannot change") UUID callId,
        @Schema(maxLength = 300) String title,
        @Schema(maxLength = 5000) String summary,
        @Schema(maxLength = 100000) String description,
        @Schema(description = "Answers keyed by question code") Map<String, Object> answers,
        @Schema(description = "Single projects (Einzelprojekte), each with answers keyed D10…D15")
        List<ProjectEntry> projects,
        @Schema(description = "Funding calls only: the amount asked for, in euro cents") Long requestedCents,
        @Schema(description = "Organizers correcting an imported entry only: the registered municipality (AGS) the "
                + "entry belongs to; its category is derived again. Absent: unchanged.", example = "06636")
        String municipalityId) {

    /** The entry's content, as for creating a draft. */
    public SubmissionRequest content() {
        return new SubmissionRequest(callId, title, summary, description, answers, projects, requestedCents);
    }
}
