package de.handinhand.submission.municipality;

public enum MunicipalityType {
    STADT,
    GEMEINDE,
    LANDKREIS
}
