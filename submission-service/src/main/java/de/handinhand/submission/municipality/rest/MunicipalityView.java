package de.handinhand.submission.municipality.rest;

import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;

public record MunicipalityView(String id, String name, MunicipalityType type, String bundesland, String kreisId,
        Integer population) {

    public static MunicipalityView of(Municipality m) {
        return new MunicipalityView(m.id, m.name, m.type, m.bundesland, m.kreisId, m.population);
    }
}
