package de.handinhand.submission.municipality.rest;

import de.handinhand.submission.municipality.MunicipalityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/municipalities} and {@code PUT /api/municipalities/{id}}. */
@Schema(example = """
        {"id": "06636001", "name": "Bad Sooden-Allendorf", "type": "STADT", "bundesland": "HE",
         "kreisId": "06636", "population": 8300}""")
public record MunicipalityRequest(
        @Schema(description = "Official key (AGS): 5 digits for a Kreis, 8 for a Gemeinde or Stadt") String id,
        @Schema(maxLength = 200) String name,
        MunicipalityType type,
        @Schema(description = "ISO 3166-2:DE code without DE-, e.g. BY") String bundesland,
        @Schema(description = "The 5-digit key of its Kreis; a Landkreis names itself") String kreisId,
        Integer population) {
}
