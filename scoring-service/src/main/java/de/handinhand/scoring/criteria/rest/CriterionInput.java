package de.handinhand.scoring.criteria.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CriterionInput(
        @Schema(description = "Upper-case code, e.g. BEDARFSANALYSE") String code,
        @Schema(description = "German label; defaults to the built-in label of a default code") String label,
        @Schema(description = "Weight greater than 0, at most 100; default 1") Double weight,
        @Schema(description = "Lowest points; default 0") Integer scaleMin,
        @Schema(description = "Highest points; default 10") Integer scaleMax) {
}
