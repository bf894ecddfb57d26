package de.handinhand.submission.call.rest;

import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.FormTemplate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call as the API shows it, with its phase computed at the time of the request. */
public record CallView(
        UUID id,
        String title,
        CallKind kind,
        FormTemplate formTemplate,
        Instant opensAt,
        Instant deadline,
        Instant juryEndsAt,
        Instant resultsAt,
        List<String> categories,
        Long budgetCents,
        CallPhase phase,
        Instant createdAt,
        Instant updatedAt) {
}
