package de.handinhand.scoring.results.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ResultsRequest(
        @Schema(description = "Ranks 1..N of each category win; default from configuration (1)")
        @Min(0) @Max(1000) Integer winnersPerCategory) {
}
