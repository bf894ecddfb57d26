package de.handinhand.catalogue.offer.search;

import java.util.UUID;

/**
 * One published offer as the search index holds it, read from PostgreSQL by {@link OfferRows}:
 * the texts of every language joined, the facet codes, what the filters and sorts read.
 * {@code validFrom}/{@code validUntil} are epoch days ({@link Integer#MIN_VALUE}/{@link Integer#MAX_VALUE}
 * for an open end); {@code updatedMicros} is {@code updated_at} in microseconds ({@link Long#MAX_VALUE}
 * when null, which PostgreSQL sorts first in a descending order); {@code titleSort} is the stored
 * {@code title_sort} column, so both engines sort by the very same key. {@code places} holds, per
 * location, what the radius test reads ({@link SearchIndex.Places#points}), worked out once when the
 * offer is read rather than each time a view of the index is built.
 */
public record OfferRow(
        UUID id,
        String kreis,
        String municipality,
        String title,
        String provider,
        String description,
        String[] fields,
        String[] targetGroups,
        String[] languages,
        boolean free,
        int validFrom,
        int validUntil,
        long updatedMicros,
        String titleSort,
        double[] lats,
        double[] lons,
        double[] places) {

    public OfferRow(UUID id, String kreis, String municipality, String title, String provider, String description,
            String[] fields, String[] targetGroups, String[] languages, boolean free, int validFrom, int validUntil,
            long updatedMicros, String titleSort, double[] lats, double[] lons) {
        this(id, kreis, municipality, title, provider, description, fields, targetGroups, languages, free, validFrom,
                validUntil, updatedMicros, titleSort, lats, lons, SearchIndex.Places.points(lats, lons));
    }

    /** The same offer without its texts: what the index keeps in memory once the texts are indexed. */
    OfferRow withoutTexts() {
        return new OfferRow(id, kreis, municipality, null, null, null, fields, targetGroups, languages, free, validFrom,
                validUntil, updatedMicros, titleSort, lats, lons, places);
    }
}
