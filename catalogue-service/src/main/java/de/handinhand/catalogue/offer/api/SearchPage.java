package de.handinhand.catalogue.offer.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of offers with the facet counts of the same search (API.md list shape plus facets). */
public record SearchPage(
        List<OfferView> items,
        long total,
        int page,
        int size,
        @Schema(description = "Per dimension (field, kreis, targetGroup, language) the number of offers the same "
                + "search finds with that value chosen; a dimension's own filter is left out of its counts")
        Map<String, Map<String, Long>> facets) {
}
