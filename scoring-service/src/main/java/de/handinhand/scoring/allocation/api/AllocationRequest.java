package de.handinhand.scoring.allocation.api;

import de.handinhand.common.web.validation.Rules;
import de.handinhand.scoring.validation.CrossFieldChecks;
import de.handinhand.scoring.validation.Lengths;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The parameters of an allocation. That the call has a budget when none is given here, and that
 * every shared category is one of the call's, is checked by the service.
 */
@Schema(example = """
        {"minPerProjectCents": 500000, "maxPerProjectCents": 5000000, "categoryShares": {"LANDKREIS": 0.5,
         "STADT_GROSS": 0.5}}""")
public record AllocationRequest(
        @Schema(description = "Defaults to the call's budget")
        @Positive @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long budgetCents,
        @Schema(description = "Default 0")
        @PositiveOrZero @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long minPerProjectCents,
        @Schema(description = "Default: no cap; at least minPerProjectCents")
        @Positive @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long maxPerProjectCents,
        @Schema(description = "Optional share (0..1] of the budget per category; shares add up to at most 1")
        @Size(max = 100)
        Map<@NotNull @Size(max = Lengths.CODE) String,
                @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double> categoryShares)
        implements CrossFieldChecks {

    public long effectiveMinPerProjectCents() {
        return minPerProjectCents == null ? 0 : minPerProjectCents;
    }

    @Override
    public void checkFields(Broken broken) {
        if (maxPerProjectCents != null && minPerProjectCents != null && maxPerProjectCents < minPerProjectCents) {
            broken.rule("maxPerProjectCents", "must be at least minPerProjectCents");
        }
        if (categoryShares != null) {
            double sum = categoryShares.values().stream().filter(v -> v != null && v > 0 && v <= 1)
                    .mapToDouble(Double::doubleValue).sum();
            if (sum > 1 + 1e-9) {
                broken.rule("categoryShares", "shares add up to " + sum + ", more than 1");
            }
        }
    }
}
