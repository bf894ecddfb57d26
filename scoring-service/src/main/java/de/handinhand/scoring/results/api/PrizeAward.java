package de.handinhand.scoring.results.api;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prize the jury awards to one entry. */
public record PrizeAward(
        @NotNull UUID submissionId,
        @Schema(description = "The prize's name, e.g. \"1. Preis\" or \"Sonderpreis Ehrenamt\"")
        @NotBlank @Size(max = Rules.NAME_MAX) String prize,
        @Schema(description = "Prize money in euro cents; absent for a prize without money")
        @PositiveOrZero @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long prizeCents) {
}
