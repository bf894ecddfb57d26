package de.handinhand.scoring.allocation;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = """
        {"minPerProjectCents": 500000, "maxPerProjectCents": 5000000, "categoryShares": {"LANDKREIS": 0.5,
         "STADT_GROSS": 0.5}}""")
public record AllocationRequest(
        @Schema(description = "Defaults to the call's budget") Long budgetCents,
        @Schema(description = "Default 0") Long minPerProjectCents,
        @Schema(description = "Default: no cap") Long maxPerProjectCents,
        @Schema(description = "Optional share (0..1] of the budget per category; shares add up to at most 1")
        Map<String, Double> categoryShares) {
}
