package de.handinhand.submission.municipality.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;

@Schema(example = """
        {"id": "09174", "name": "Landkreis Dachau", "type": "LANDKREIS", "bundesland": "BY", "kreisId": "09174",
         "population": 158000}""")
public record MunicipalityView(String id, String name, MunicipalityType type, String bundesland, String kreisId,
        Integer population) {

    public static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.id, m.name, m.type, m.bundesland, m.kreisId, m.population);
    }
}
