package de.handinhand.scoring.results.api;

import de.handinhand.scoring.validation.CrossFieldChecks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A publication of results. Without winners the top of the ranking wins (ranks 1..winnersPerCategory
 * of each category); with them, the jury's choice does. That each named entry is an active entry of
 * the call, and the prize money within the call's budget, needs the call and is checked by the service.
 */
@Schema(example = """
        {"winners": [{"submissionId": "6f1c3a52-3c1e-4d55-9a51-6a7c1f0d2b11", "prize": "1. Preis",
         "prizeCents": 3000000}], "specialPrizes": [{"submissionId": "0b7d2f0e-8a43-4b1e-9f0c-2d5a3e6c7f88",
         "prize": "Sonderpreis Ehrenamt", "prizeCents": 500000}]}""")
public record ResultsRequest(
        @Schema(description = "Ranks 1..N of each category win when no winners are named; default from "
                + "configuration (1). Not with named winners, not for FUNDING calls.")
        @Min(0) @Max(1000) Integer winnersPerCategory,
        @Schema(description = "The jury's winners (COMPETITION calls), each entry once; an empty list names none")
        @Size(max = MAX_PRIZES) List<@NotNull @Valid PrizeAward> winners,
        @Schema(description = "Special prizes (COMPETITION calls); an entry may hold one besides a main prize")
        @Size(max = MAX_PRIZES) List<@NotNull @Valid PrizeAward> specialPrizes,
        @Schema(description = "True to publish corrected results of a call already published; needs a reason")
        Boolean correction,
        @Schema(description = "Why the results are corrected; required with correction, only with it")
        @Size(max = REASON_MAX) String reason) implements CrossFieldChecks {

    public static final int MAX_PRIZES = 1000;
    public static final int REASON_MAX = 2000;

    public boolean isCorrection() {
        return Boolean.TRUE.equals(correction);
    }

    @Override
    public void checkFields(Broken broken) {
        boolean explained = reason != null && !reason.isBlank();
        if (isCorrection() && !explained) {
            broken.rule("reason", "is required for a correction");
        } else if (!isCorrection() && reason != null) {
            broken.rule("reason", "is only given with \"correction\": true");
        }
        if (winners != null && winnersPerCategory != null) {
            broken.rule("winnersPerCategory", "is not given with named winners");
        }
    }
}
