package de.handinhand.catalogue.offer.search;

import java.time.LocalDate;

/**
 * A public search, already checked: every filter is one value or null. {@code lat/lon/radiusKm}
 * are set together or not at all. {@code notExpiredOn} is the day (Berlin) from which offers whose
 * validity ended before it are left out; null when the caller asked for them ({@code includeExpired})
 * or for the offers valid on a day of their own ({@code validOn}). Being part of the search, it is
 * part of the cache key: after midnight the same words are a different search.
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
        LocalDate notExpiredOn,
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
