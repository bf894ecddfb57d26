package de.handinhand.common.messaging.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code handinhand.assignments.changed} (topic {@code scoring-events}, key = submission id):
 * the complete set of jurors who may now read one entry — assigned to its case and not conflicted.
 * A snapshot, not a delta, so a consumer replaces what it holds; {@code revision} grows with every
 * change of that entry's set, and a consumer that has seen a higher revision ignores a lower one.
 * A snapshot without a revision cannot be ordered against the others, so it is required (a missing
 * one would otherwise read as 0).
 */
public record AssignmentsChanged(
        UUID callId,
        @NotNull UUID submissionId,
        @JsonProperty(required = true) @PositiveOrZero long revision,
        @NotNull List<@NotBlank String> jurors,
        Instant changedAt) {
}
