package de.handinhand.catalogue.offer.search;

import java.time.LocalDate;

/**
 * A public search, already checked: every filter is one value or null. {@code lat/lon/radiusKm}
 * are set together or not at all.
 */
public record SearchQuery(
        String text,
        String kreis,
        String municipality,
        String field,
        String targetGroup,
        String language,
        Boolean free,
        LocalDate validOn,
        Double lat,
        Double lon,
        Double radiusKm,
        Sort sort,
        int page,
        int size) {

    public enum Sort {
        RELEVANCE, TITLE, DISTANCE, UPDATED
    }

    public boolean geo() {
        return lat != null;
    }
}
