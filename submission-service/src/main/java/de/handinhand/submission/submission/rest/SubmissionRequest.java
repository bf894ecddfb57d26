package de.handinhand.submission.submission.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/submissions} and {@code PUT /api/submissions/{id}}. It has no
 * municipality, status or version: those belong to the server (the municipality comes from the
 * token), and a body that sends them is refused as having unknown fields.
 */
@Schema(name = "SubmissionRequest", example = """
        {"callId": "3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77",
         "title": "Kreisweite Handlungsstrategie für Neuzugewanderte",
         "summary": "Der Kreis bündelt die Kräfte seiner zehn Städte ...",
         "description": "Ausgangssituation ...",
         "answers": {"C10": "YES", "C23": ["ERWACHSENE", "NEUZUGEWANDERTE"], "C26f": ["PROJEKT"]},
         "projects": [{"answers": {"D10": "Integrationscafé", "D15": "Wöchentlicher Treffpunkt ..."}}]}""")
public record SubmissionRequest(
        @Schema(description = "The call entered; fixed once the draft exists") UUID callId,
        @Schema(maxLength = 300) String title,
        @Schema(maxLength = 5000) String summary,
        @Schema(maxLength = 100000) String description,
        @Schema(description = "Answers keyed by question code") Map<String, Object> answers,
        @Schema(description = "Single projects (Einzelprojekte), each with answers keyed D10…D15")
        List<ProjectEntry> projects,
        @Schema(description = "Funding calls only: the amount asked for, in euro cents") Long requestedCents) {
}
