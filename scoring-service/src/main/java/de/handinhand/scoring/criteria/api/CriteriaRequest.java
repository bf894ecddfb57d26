package de.handinhand.scoring.criteria.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A call's criteria as the organizer sets them; codes given twice are refused by the service. */
@Schema(example = """
        {"criteria": [{"code": "BEDARFSANALYSE", "weight": 2, "scaleMin": 0, "scaleMax": 10},
                      {"code": "EVALUATION", "weight": 1}], "confirm": false}""")
public record CriteriaRequest(
        @NotNull @Size(min = 1, max = MAX_CRITERIA) List<@NotNull @Valid CriterionInput> criteria,
        @Schema(description = "Required (true) once scoring has started; without it the change is refused with 409")
        Boolean confirm,
        @Schema(description = "Spread of the jurors' 0–100 totals above which an entry is flagged; default from configuration")
        @DecimalMin("0") @DecimalMax("100")
        Double disagreementSpread) {

    /** Criteria of one call at most (and so marks on one score sheet). */
    public static final int MAX_CRITERIA = 30;
}
