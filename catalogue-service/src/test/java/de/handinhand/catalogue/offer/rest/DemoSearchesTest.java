package de.handinhand.catalogue.offer.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.demo.DemoSearches;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.offer.search.SearchStatements;
import de.handinhand.common.web.Page;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's search mix: deterministic, distinct, every kind present, and each query string
 * read back by the resource into the very search it was made from, so the HTTP side and the raw
 * SQL side of the benchmark run the same searches.
 */
class DemoSearchesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void theMixIsDeterministicDistinctAndVaried() {
        List<SearchQuery> mix = DemoSearches.mix(300, 2017, TODAY);
        assertEquals(300, mix.size());
        assertEquals(mix, DemoSearches.mix(300, 2017, TODAY));
        assertTrue(mix.stream().anyMatch(q -> q.text() != null), "words");
        assertTrue(mix.stream().anyMatch(q -> q.text() == null && !q.geo() && q.page() == 0), "filters only");
        assertTrue(mix.stream().anyMatch(q -> q.geo() && q.sort() == SearchQuery.Sort.DISTANCE), "radius by distance");
        assertTrue(mix.stream().anyMatch(q -> q.page() > 0), "later pages");
    }

    @Test
    void eachQueryStringIsReadBackIntoTheSameSearch() {
        for (SearchQuery q : DemoSearches.mix(300, 99, TODAY)) {
            Map<String, String> p = parse(DemoSearches.queryString(q));
            SearchQuery back = OfferResource.query(p.get("q"), p.get("kreis"), p.get("municipality"), p.get("field"),
                    p.get("targetGroup"), p.get("language"), p.get("free"), p.get("validOn"), p.get("includeExpired"),
                    TODAY, p.get("near"), p.get("radiusKm"), p.get("sort"), Page.request(p.get("page"), p.get("size")));
            assertEquals(q, back, DemoSearches.queryString(q));
        }
    }

    @Test
    void inlinedStatementsHaveNoPlaceholdersLeft() {
        for (SearchQuery q : DemoSearches.mix(100, 5, TODAY)) {
            for (String sql : List.of(SearchStatements.page(q).inlined(), SearchStatements.facets(q).inlined())) {
                assertFalse(sql.contains("?"), sql);
            }
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> out = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
