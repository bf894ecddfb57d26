package de.handinhand.common.messaging.events;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code handinhand.call.published}: the call as the jury and portals need to know it.
 * {@code kreisId} is the AGS key of the Kreis that runs the call (its organizers only, entries only
 * from within the Kreis); null for a call no Kreis runs.
 */
public record CallPublished(
        @NotNull UUID callId,
        @NotNull String title,
        String kind,
        String formTemplate,
        Instant opensAt,
        @NotNull Instant deadline,
        @NotNull Instant juryEndsAt,
        Instant resultsAt,
        List<String> categories,
        Long budgetCents,
        String kreisId) {
}
