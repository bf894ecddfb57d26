package de.handinhand.submission.submission.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code PUT /api/submissions/{id}}: the content of {@link SubmissionRequest} with the same
 * limits (its constants), plus {@code municipalityId} for an organizer correcting an imported entry
 * (absent: unchanged). A municipality's own body never names a municipality (it comes from the
 * token): from a submitter the field is refused like every other field the server owns.
 */
@Schema(name = "SubmissionUpdateRequest", example = SubmissionRequest.EXAMPLE)
public record SubmissionUpdateRequest(
        @Schema(description = "The call entered; cannot change") UUID callId,
        @NotBlank @Size(max = SubmissionRequest.TITLE_MAX, message = Rules.AT_MOST_CHARACTERS) String title,
        @Size(max = SubmissionRequest.SUMMARY_MAX, message = Rules.AT_MOST_CHARACTERS) String summary,
        @Size(max = SubmissionRequest.DESCRIPTION_MAX, message = Rules.AT_MOST_CHARACTERS) String description,
        @Schema(description = "Answers keyed by question code; each is checked against the call's form")
        Map<String, Object> answers,
        @Schema(description = "Single projects (Einzelprojekte), each with answers keyed D10…D15; the form says how "
                + "many") List<ProjectEntry> projects,
        @Positive(message = SubmissionRequest.REQUESTED_POSITIVE)
        @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE)
        @Schema(description = "Funding calls only: the amount asked for, in euro cents, at most the call's budget")
        Long requestedCents,
        @Pattern(regexp = Rules.AGS, message = Rules.AGS_MESSAGE)
        @Schema(description = "Organizers correcting an imported entry only: the registered municipality (AGS) the "
                + "entry belongs to; its category is derived again. Absent: unchanged.", example = "06636")
        String municipalityId) {

    /** The entry's content, as for creating a draft. */
    public SubmissionRequest content() {
        return new SubmissionRequest(callId, title, summary, description, answers, projects, requestedCents);
    }
}
