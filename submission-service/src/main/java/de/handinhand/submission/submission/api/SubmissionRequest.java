package de.handinhand.submission.submission.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/submissions}. It has no municipality, status or version: those belong
 * to the server (the municipality comes from the token), and a body that sends them is refused as
 * having unknown fields. The limits here are the API's; a form may set tighter ones for the
 * questions that fill these fields, and the answers are checked against the call's form.
 */
@Schema(name = "SubmissionRequest", example = SubmissionRequest.EXAMPLE)
public record SubmissionRequest(
        @NotNull @Schema(description = "The call entered; fixed once the draft exists") UUID callId,
        @NotBlank @Size(max = TITLE_MAX, message = Rules.AT_MOST_CHARACTERS) String title,
        @Size(max = SUMMARY_MAX, message = Rules.AT_MOST_CHARACTERS) String summary,
        @Size(max = DESCRIPTION_MAX, message = Rules.AT_MOST_CHARACTERS) String description,
        @Schema(description = "Answers keyed by question code; each is checked against the call's form")
        Map<String, Object> answers,
        @Schema(description = "Single projects (Einzelprojekte), each with answers keyed D10…D15; the form says how "
                + "many") List<ProjectEntry> projects,
        @Positive(message = REQUESTED_POSITIVE) @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE)
        @Schema(description = "Funding calls only: the amount asked for, in euro cents, at most the call's budget")
        Long requestedCents) {

    /** Longest title, summary and description of an entry; the forms' questions for them use these too. */
    public static final int TITLE_MAX = Rules.TITLE_MAX;
    public static final int SUMMARY_MAX = 5_000;
    public static final int DESCRIPTION_MAX = 100_000;

    static final String REQUESTED_POSITIVE = "must be more than 0 euro cents";

    static final String EXAMPLE = """
            {"callId": "3f1c0a52-8d7e-4a53-9d1b-2d8c6f1e0b77",
             "title": "Kreisweite Handlungsstrategie für Neuzugewanderte",
             "summary": "Der Kreis bündelt die Kräfte seiner zehn Städte ...",
             "description": "Ausgangssituation ...",
             "answers": {"C10": "YES", "C23": ["ERWACHSENE", "NEUZUGEWANDERTE"], "C26f": ["PROJEKT"]},
             "projects": [{"answers": {"D10": "Integrationscafé", "D15": "Wöchentlicher Treffpunkt ..."}}]}""";
}
