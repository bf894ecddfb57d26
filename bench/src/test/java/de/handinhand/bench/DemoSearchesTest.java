package de.handinhand.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.offer.rest.SearchParams;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.offer.search.SearchStatements;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.params.TypedParams;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Field;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's search mix: deterministic, distinct, every kind present, and each query string
 * read back by the service's own parameter classes into the very search it was made from, so the
 * HTTP side and the raw SQL side of the benchmark run the same searches.
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
        assertTrue(mix.stream().anyMatch(q -> q.language() != null), "a language");
        assertTrue(mix.stream().anyMatch(q -> q.page() > 0), "later pages");
    }

    @Test
    void eachQueryStringIsReadBackIntoTheSameSearch() throws Exception {
        for (SearchQuery q : DemoSearches.mix(300, 99, TODAY)) {
            String queryString = DemoSearches.queryString(q);
            Map<String, String> parameters = parse(queryString);
            Set<String> read = new HashSet<>();
            SearchParams search = bind(SearchParams.class, parameters, read);
            PageParams paging = bind(PageParams.class, parameters, read);
            assertEquals(parameters.keySet(), read, "every parameter is one the service reads: " + queryString);
            assertEquals(q, search.query(paging.request(), TODAY), queryString);
        }
    }

    @Test
    void inlinedStatementsHaveNoPlaceholdersLeft() {
        for (SearchQuery q : DemoSearches.mix(100, 5, TODAY)) {
            for (String sql : List.of(SqlLiterals.inline(SearchStatements.page(q)),
                    SqlLiterals.inline(SearchStatements.facets(q)))) {
                assertFalse(sql.contains("?"), sql);
            }
        }
    }

    /**
     * The bean parameter as JAX-RS fills it: each {@code @QueryParam} field from the query string or
     * its {@code @DefaultValue}, converted by the converter the service registers.
     */
    private static <T> T bind(Class<T> type, Map<String, String> query, Set<String> read) throws Exception {
        T bean = type.getConstructor().newInstance();
        TypedParams converters = new TypedParams();
        for (Field field : type.getFields()) {
            QueryParam name = field.getAnnotation(QueryParam.class);
            if (name == null) {
                continue;
            }
            DefaultValue fallback = field.getAnnotation(DefaultValue.class);
            String text = query.containsKey(name.value()) ? query.get(name.value())
                    : fallback == null ? null : fallback.value();
            if (query.containsKey(name.value())) {
                read.add(name.value());
            }
            if (text != null) {
                ParamConverter<?> converter = converters.getConverter(field.getType(), field.getGenericType(),
                        field.getAnnotations());
                field.set(bean, converter == null ? text : converter.fromString(text));
            }
        }
        return bean;
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
