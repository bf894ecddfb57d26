package de.handinhand.catalogue.offer.search;

import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import java.time.LocalDate;

/**
 * A public search, already checked: every filter is one value or null, codes are their types.
 * {@code notExpiredOn} is the day (Berlin) from which offers whose validity ended before it are
 * left out; null when the caller asked for them ({@code includeExpired}) or for the offers valid on
 * a day of their own ({@code validOn}). Being part of the search, it is part of the cache key: after
 * midnight the same words are a different search. Whatever executes searches takes this record and
 * nothing else, so another implementation (a search index) can take the place of the SQL one.
 */
public record SearchQuery(
        String text,
        String kreis,
        String municipality,
        FieldOfAction field,
        TargetGroup targetGroup,
        OfferLanguage language,
        Boolean free,
        LocalDate validOn,
        LocalDate notExpiredOn,
        Circle area,
        Sort sort,
        int page,
        int size) {

    public enum Sort {
        RELEVANCE, TITLE, DISTANCE, UPDATED
    }

    /** Offers with a location within {@code radiusKm} of a point (WGS 84 degrees). */
    public record Circle(double lat, double lon, double radiusKm) {
    }

    public boolean geo() {
        return area != null;
    }
}
