package de.handinhand.scoring.decision.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the decision as the committee sets it. */
public record DecisionLineInput(
        @Schema(description = "An entry of the call")
        @NotNull UUID submissionId,
        @Schema(description = "The grant; 0 funds nothing, less than the request is a partial grant, more than the "
                + "request is refused")
        @NotNull @PositiveOrZero @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long grantCents,
        @Schema(description = "Why; required when the grant differs from the computed allocation")
        @Size(max = REASON_MAX) String reason) {

    public static final int REASON_MAX = 2000;
    /** More lines than a call has entries are never needed; 5000 is far above any real call. */
    public static final int MAX_LINES = 5000;
}
