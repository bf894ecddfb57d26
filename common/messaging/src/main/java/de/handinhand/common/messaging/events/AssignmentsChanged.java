package de.handinhand.common.messaging.events;

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
 */
public record AssignmentsChanged(
        @NotNull UUID callId,
        @NotNull UUID submissionId,
        @PositiveOrZero long revision,
        @NotNull List<@NotNull String> jurors,
        Instant changedAt) {
}
