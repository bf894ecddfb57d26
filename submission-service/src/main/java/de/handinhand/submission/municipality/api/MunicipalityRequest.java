package de.handinhand.submission.municipality.api;

import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.submission.municipality.Bundesland;
import de.handinhand.submission.municipality.MunicipalityType;
import de.handinhand.submission.validation.CrossFieldRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/municipalities} and {@code PUT /api/municipalities/{id}}. The key must be
 * consistent with itself: its first two digits name the Bundesland, its first five the Kreis, and a
 * Landkreis is its own Kreis ({@link #checkKey}).
 */
@CrossFieldRules
@Schema(description = "A municipality's registry data. The key's first two digits name the Bundesland, its first "
        + "five the Kreis; a Landkreis is its own Kreis.", example = """
        {"id": "06636001", "name": "Bad Sooden-Allendorf", "type": "STADT", "bundesland": "HE",
         "kreisId": "06636", "population": 8300}""")
public record MunicipalityRequest(
        @Pattern(regexp = Rules.AGS, message = Rules.AGS_MESSAGE)
        @Schema(description = "Official key (AGS): 5 digits for a Kreis, 8 for a Gemeinde or Stadt. Required to "
                + "register; when correcting, absent or the path's key") String id,
        @NotBlank @Size(max = Rules.NAME_MAX, message = Rules.AT_MOST_CHARACTERS) String name,
        @NotNull MunicipalityType type,
        @NotNull @Schema(implementation = Bundesland.class, type = SchemaType.STRING,
                description = "ISO 3166-2:DE code without DE-, e.g. BY") String bundesland,
        @NotNull @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE)
        @Schema(description = "The 5-digit key of its Kreis; a Landkreis names itself") String kreisId,
        // More than live in Germany: a bound, not a statistic.
        @PositiveOrZero(message = "must not be negative") @Max(100_000_000) Integer population)
        implements CrossFieldRules.Checked {

    @Override
    public void check(Errors errors) {
        checkKey(id, errors);
    }

    /** The rules that tie {@code key} (the body's, or the path's when the body has none) to Bundesland, Kreis and type. */
    public void checkKey(String key, Errors errors) {
        Bundesland land = bundesland == null ? null : Bundesland.ofCode(bundesland).orElse(null);
        if (bundesland != null && land == null) {
            errors.add("bundesland", "must be one of the 16 codes, e.g. BY, NW, HE");
        } else if (land != null && key != null && !key.startsWith(land.agsPrefix())) {
            errors.add("bundesland", "keys in " + land.label() + " start with " + land.agsPrefix());
        }
        if (key == null || kreisId == null || !kreisId.matches(Rules.KREIS_KEY)) {
            return;
        }
        if (!key.startsWith(kreisId)) {
            errors.add("kreisId", "a municipality's key starts with its Kreis' key");
        } else if (type == MunicipalityType.LANDKREIS && !key.equals(kreisId)) {
            errors.add("kreisId", "a Landkreis is its own Kreis (its key has 5 digits)");
        }
    }
}
