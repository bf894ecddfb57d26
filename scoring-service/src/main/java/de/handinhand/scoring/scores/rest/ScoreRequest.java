package de.handinhand.scoring.scores.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"scores": [{"criterion": "BEDARFSANALYSE", "points": 7, "comment": "Gründliche Analyse"},
                    {"criterion": "EVALUATION", "notApplicable": true}], "final": true}""")
public record ScoreRequest(
        List<Mark> scores,
        @JsonProperty("final")
        @Schema(name = "final", description = "Submit the sheet: every criterion must then have points or be not "
                + "applicable; a final sheet is locked until the entry is resubmitted")
        Boolean finalise) {

    public record Mark(
            String criterion,
            @Schema(description = "Within the criterion's scale, at most two decimals; null when not applicable")
            BigDecimal points,
            @Schema(description = "The criterion does not apply to this entry; never counted as 0")
            Boolean notApplicable,
            @Schema(description = "At most 4000 characters") String comment) {
    }
}
