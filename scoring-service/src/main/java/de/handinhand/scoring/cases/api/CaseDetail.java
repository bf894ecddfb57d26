package de.handinhand.scoring.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.scores.SheetState;
import de.handinhand.scoring.scores.api.SheetProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case with everything a juror reads to score it; the formal pre-check beside it, never in the scores. */
public record CaseDetail(
        UUID id,
        UUID submissionId,
        UUID callId,
        String municipalityId,
        String municipalityName,
        String kreisId,
        String bundesland,
        String category,
        String title,
        String summary,
        String description,
        Map<String, Object> answers,
        List<Map<String, Object>> projects,
        int version,
        CaseStatus status,
        Instant submittedAt,
        Instant withdrawnAt,
        Instant updatedAt,
        Long requestedCents,
        de.handinhand.scoring.precheck.PreCheck.Result precheck,
        @Schema(description = "Imported from a legacy text export (by an organizer), not entered through a portal")
        boolean imported,
        @Schema(description = "The lines of an imported text that could not be placed in the form, verbatim; read them "
                + "with the answers (empty for other entries)")
        List<String> unplaced,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Jurors only: the caller's own sheet for this case")
        SheetState sheet,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Organizers only: how the sheets of the case's assigned jurors stand")
        SheetProgress sheets) {
}
