package de.handinhand.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** A page of offers with the facet counts of the same search. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferPage(List<Offer> items, long total, int page, int size, Map<String, Map<String, Long>> facets) {

    public List<Offer> items() {
        return items == null ? List.of() : items;
    }

    public Map<String, Long> facet(String dimension) {
        return facets == null || facets.get(dimension) == null ? Map.of() : facets.get(dimension);
    }
}
