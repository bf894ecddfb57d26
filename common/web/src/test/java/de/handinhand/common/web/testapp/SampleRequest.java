package de.handinhand.common.web.testapp;

import de.handinhand.common.web.validation.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** A request body shaped like the services' (nested list, free-form answers), with the shared rules on it. */
public record SampleRequest(
        @NotBlank @Size(max = Rules.TITLE_MAX, message = Rules.AT_MOST_CHARACTERS) String title,
        @NotNull @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE) String kreisId,
        @Size(max = 3) List<@Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String> languages,
        @Size(max = 20) List<@Valid @NotNull Location> locations,
        Map<String, @Size(max = 10) String> answers,
        @PositiveOrZero @Max(value = Rules.CENTS_MAX, message = Rules.CENTS_MAX_MESSAGE) Long costCents,
        Kind kind,
        java.time.Instant startsAt) {

    public enum Kind {
        COMPETITION, FUNDING
    }

    public record Location(
            @Size(max = Rules.NAME_MAX) String address,
            @NotNull @DecimalMin(Rules.LAT_MIN) @DecimalMax(Rules.LAT_MAX) Double lat,
            @NotNull @DecimalMin(Rules.LON_MIN) @DecimalMax(Rules.LON_MAX) Double lon) {
    }
}
