package de.handinhand.submission.call.rest;

import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.FormTemplate;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/calls}: what an organizer decides about a new call. */
@Schema(name = "CallRequest", example = """
        {"title": "Zusammenleben Hand in Hand 2026", "kind": "COMPETITION",
         "formTemplate": "ZUSAMMENLEBEN_HAND_IN_HAND", "opensAt": "2026-03-01T00:00:00Z",
         "deadline": "2026-06-30T22:00:00Z", "juryEndsAt": "2026-09-30T22:00:00Z",
         "categories": ["LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"], "budgetCents": null}""")
public record CallRequest(
        @Schema(maxLength = 300) String title,
        CallKind kind,
        FormTemplate formTemplate,
        Instant opensAt,
        @Schema(description = "Submission deadline; after it only an organizer's extension allows a submit")
        Instant deadline,
        Instant juryEndsAt,
        @Schema(description = "When results are published; optional") Instant resultsAt,
        @Schema(description = "Category codes, e.g. LANDKREIS, STADT_GROSS, GEMEINDE_KLEIN") List<String> categories,
        @Schema(description = "Budget in euro cents; required for FUNDING calls, absent otherwise") Long budgetCents) {
}
