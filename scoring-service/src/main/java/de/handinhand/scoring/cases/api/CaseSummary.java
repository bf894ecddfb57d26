package de.handinhand.scoring.cases.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.scores.SheetState;
import de.handinhand.scoring.scores.api.SheetProgress;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case in the jury's list. */
public record CaseSummary(
        UUID id,
        UUID submissionId,
        UUID callId,
        String municipalityId,
        String municipalityName,
        String kreisId,
        String bundesland,
        String category,
        String title,
        int version,
        CaseStatus status,
        @Schema(description = "Imported from a legacy text export; its unplaced lines are in the case") boolean imported,
        Instant submittedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Jurors only: the caller's own sheet for this case")
        SheetState sheet,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Organizers only: how the sheets of the case's assigned jurors stand")
        SheetProgress sheets) {
}
