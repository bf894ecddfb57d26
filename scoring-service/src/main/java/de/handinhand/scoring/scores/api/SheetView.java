package de.handinhand.scoring.scores.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One juror's sheet: {@code entryVersion} is the version scored, {@code outdated} when the entry changed since. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SheetView(String juror, int entryVersion, boolean outdated, @JsonProperty("final") boolean finalised,
        Instant finalizedAt, Double total, List<MarkView> scores, Instant updatedAt) {

    public record MarkView(String criterion, BigDecimal points, boolean notApplicable, String comment) {
    }
}
