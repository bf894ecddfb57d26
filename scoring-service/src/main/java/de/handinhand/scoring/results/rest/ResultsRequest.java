package de.handinhand.scoring.results.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ResultsRequest(
        @Schema(description = "Ranks 1..N of each category win; default from configuration (1)") Integer winnersPerCategory) {
}
