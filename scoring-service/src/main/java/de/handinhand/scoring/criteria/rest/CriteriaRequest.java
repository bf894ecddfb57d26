package de.handinhand.scoring.criteria.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"criteria": [{"code": "BEDARFSANALYSE", "weight": 2, "scaleMin": 0, "scaleMax": 10},
                      {"code": "EVALUATION", "weight": 1}], "confirm": false}""")
public record CriteriaRequest(
        List<CriterionInput> criteria,
        @Schema(description = "Required (true) once scoring has started; without it the change is refused with 409")
        Boolean confirm,
        @Schema(description = "Spread of the jurors' 0–100 totals above which an entry is flagged; default from configuration")
        Double disagreementSpread) {
}
