package de.handinhand.scoring.scores.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.scoring.criteria.api.CriteriaRequest;
import de.handinhand.scoring.criteria.api.CriterionInput;
import de.handinhand.scoring.validation.CrossFieldChecks;
import de.handinhand.scoring.validation.Lengths;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A juror's marks for one entry. What needs the call's criteria (a known criterion, given once,
 * points within its scale, every criterion marked before a sheet is final) is checked by the service.
 */
@Schema(example = """
        {"scores": [{"criterion": "BEDARFSANALYSE", "points": 7, "comment": "Gründliche Analyse"},
                    {"criterion": "EVALUATION", "notApplicable": true}], "final": true}""")
public record ScoreRequest(
        @NotNull @Size(max = CriteriaRequest.MAX_CRITERIA) List<@NotNull @Valid Mark> scores,
        @JsonProperty("final")
        @Schema(name = "final", description = "Submit the sheet: every criterion must then have points or be not "
                + "applicable; a final sheet is locked until the entry is resubmitted")
        Boolean finalise) {

    public record Mark(
            @NotNull @Size(max = Lengths.CODE) @Pattern(regexp = Rules.CODE, message = Rules.CODE_MESSAGE)
            String criterion,
            @Schema(description = "Within the criterion's scale, at most two decimals; null when not applicable")
            @DecimalMin("0") @DecimalMax("" + CriterionInput.SCALE_LIMIT)
            BigDecimal points,
            @Schema(description = "The criterion does not apply to this entry; never counted as 0")
            Boolean notApplicable,
            @Size(max = 4000, message = Rules.AT_MOST_CHARACTERS) String comment) implements CrossFieldChecks {

        @Override
        public void checkFields(Broken broken) {
            if (points == null) {
                return;
            }
            if (Boolean.TRUE.equals(notApplicable)) {
                broken.rule("points", "must be null when the criterion is marked not applicable");
            } else if (points.stripTrailingZeros().scale() > 2) {
                broken.rule("points", "must have at most two decimals");
            }
        }
    }
}
