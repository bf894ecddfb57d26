package de.handinhand.submission.call.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.FormTemplate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call as the API shows it, with its phase computed at the time of the request; {@code kreisId}
 * names the Kreis that runs it (null: no Kreis does).
 */
@Schema(example = """
        {"id": "9257dc93-b996-3ccd-9f9f-fd0565e88896", "title": "Zusammenleben Hand in Hand 2026",
         "kind": "COMPETITION", "formTemplate": "ZUSAMMENLEBEN_HAND_IN_HAND", "opensAt": "2026-03-01T00:00:00Z",
         "deadline": "2026-06-30T22:00:00Z", "juryEndsAt": "2026-09-30T22:00:00Z", "resultsAt": null,
         "categories": ["LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"], "budgetCents": null, "kreisId": null,
         "phase": "OPEN",
         "createdAt": "2026-02-01T09:00:00Z", "updatedAt": "2026-02-01T09:00:00Z"}""")
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
        String kreisId,
        CallPhase phase,
        Instant createdAt,
        Instant updatedAt) {
}
