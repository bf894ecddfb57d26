package de.handinhand.scoring.decision.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes to the committee's decision: the lines named are set, every other line keeps what it
 * has (at first the computed allocation). That each line is an entry of the call, within its
 * request, explained where it differs from the computation, and that the total stays within the
 * budget, needs the call and is checked by the service.
 */
@Schema(example = """
        {"lines": [{"submissionId": "6f1c3a52-3c1e-4d55-9a51-6a7c1f0d2b11", "grantCents": 250000,
         "reason": "Gremium 12.03.: Honorare zur Hälfte, die Sachkosten trägt die Gemeinde"}]}""")
public record DecisionRequest(
        @Schema(description = "The lines to set; each entry at most once")
        @NotNull @Size(min = 1, max = DecisionLineInput.MAX_LINES) List<@NotNull @Valid DecisionLineInput> lines) {
}
