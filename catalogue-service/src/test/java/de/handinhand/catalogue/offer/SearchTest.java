package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.catalogue.offer.search.OfferSearch;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Search correctness on offers of their own Kreis keys (031xx), so other tests' offers do not
 * change the counts: stemming, umlauts, every filter, facets against totals, radius, paging. Their
 * validity dates lie far ahead, so none has expired by the day the tests run (ExpiredOffersTest
 * covers expiry with a clock of its own).
 */
@QuarkusTest
@WithPostgresAndOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    static final String NORTH = "03101";
    static final String SOUTH = "03102";
    static final String NORTH_OFFICE = TestTokens.publisher("north-office", NORTH);
    static final String SOUTH_OFFICE = TestTokens.publisher("south-office", SOUTH);
    // Dachau town centre and Munich Marienplatz, about 18 km apart.
    static final double[] DACHAU = {48.2600, 11.4340};
    static final double[] MUNICH = {48.1374, 11.5755};

    final Map<String, String> ids = new HashMap<>();

    @Inject
    OfferSearch sql;

    @Inject
    de.handinhand.catalogue.offer.search.SearchReadModel readModel;

    /** Once per class, but inside the first test: Quarkus and its HTTP port are up only then. */
    @BeforeEach
    void offers() {
        if (!ids.isEmpty()) {
            return;
        }
        add(NORTH_OFFICE, "sprachkurs", offer(NORTH, "Sprachkurs für Frauen", "Deutsch lernen in kleinen Gruppen, danach ins Café",
                "Volkshochschule", List.of("SPRACHE"), List.of("MAEDCHEN_FRAUEN"), List.of("de", "ar"), true, DACHAU,
                null, null));
        add(NORTH_OFFICE, "treffpunkt", offer(NORTH, "Treffpunkt für Flüchtlinge", "Jeden Freitag im Pfarrheim",
                "Caritas Nord", List.of("ENGAGEMENT", "SPRACHE"), List.of("NEUZUGEWANDERTE"), List.of("de"), true,
                MUNICH, null, null));
        add(NORTH_OFFICE, "fahrrad", offer(NORTH, "Fahrradwerkstatt", "Bicycle repair together with volunteers",
                "Repair-Verein", List.of("ENGAGEMENT"), List.of("JUGENDLICHE"), List.of("de", "en"), false, DACHAU,
                "2090-01-01", "2090-06-30"));
        add(SOUTH_OFFICE, "jobboerse", offer(SOUTH, "Jobbörse für Zugewanderte", "Arbeit und Ausbildung finden",
                "Jobcenter Süd", List.of("BESCHAEFTIGUNG"), List.of("ERWACHSENE"), List.of("de", "uk"), true, MUNICH,
                null, "2089-12-31"));
        add(SOUTH_OFFICE, "schwimmen", offer(SOUTH, "Frauenschwimmen", "Schwimmen lernen für Frauen",
                "Sportverein Süd", List.of("SPORT", "GESUNDHEIT"), List.of("MAEDCHEN_FRAUEN"), List.of("de", "ar"),
                true, null, null, null));
    }

    @Test
    void germanStemmingAndUmlautsFindTheOffer() {
        assertEquals(List.of("sprachkurs"), found("q", "Sprachkurse"));
        assertEquals(List.of("treffpunkt"), found("q", "Fluechtlinge"));
        assertEquals(List.of("treffpunkt"), found("q", "Flüchtlinge"));
        assertEquals(List.of("jobboerse"), found("q", "Jobboerse"));
        // Provider and other languages' texts are searched too.
        assertEquals(List.of("treffpunkt"), found("q", "Caritas"));
        assertEquals(List.of("fahrrad"), found("q", "bicycle"));
        assertEquals(List.of(), found("q", "Kochkurs"));
        // Other accents fold away: "Cafe" finds "Café".
        assertEquals(List.of("sprachkurs"), found("q", "Cafe Sprachkurs"));
        // "Frauen" also finds "Frauenschwimmen": a stem is a prefix of longer words.
        assertEquals(Set("sprachkurs", "schwimmen"), Set(found("q", "Frauen")));
        // A title hit ranks above a description hit.
        assertEquals(List.of("treffpunkt", "fahrrad"), found("q", "Treffpunkte"));
        // Every word must match.
        assertEquals(List.of("sprachkurs"), found("q", "Sprachkurs Frauen"));
    }

    @Test
    void eachFilterNarrowsTheResult() {
        assertEquals(3, found("kreis", NORTH).size());
        assertEquals(Set("sprachkurs", "treffpunkt"), Set(found("field", "SPRACHE")));
        assertEquals(Set("sprachkurs", "schwimmen"), Set(found("targetGroup", "MAEDCHEN_FRAUEN")));
        assertEquals(Set("sprachkurs", "schwimmen"), Set(found("language", "ar")));
        assertEquals(List.of("fahrrad"), found("free", "false"));
        assertEquals(4, found("free", "true").size());
        assertEquals(Set("sprachkurs", "treffpunkt", "fahrrad", "schwimmen"),
                Set(found("validOn", "2090-03-01")));
        assertEquals(Set("sprachkurs", "treffpunkt", "jobboerse", "schwimmen"),
                Set(found("validOn", "2089-11-01")));
        assertEquals(Set("sprachkurs", "fahrrad"), Set(found("municipality", "dachau")));
    }

    @Test
    void facetCountsEqualTheTotalsWithThatFilterApplied() {
        for (Map<String, String> base : List.of(Map.<String, String>of(), Map.of("q", "Frauen"),
                Map.of("field", "SPRACHE"), Map.of("free", "true", "targetGroup", "MAEDCHEN_FRAUEN"))) {
            JsonPath page = search(base).extract().jsonPath();
            for (String dimension : List.of("field", "kreis", "targetGroup", "language")) {
                Map<String, Integer> counts = page.getMap("facets." + dimension);
                if (dimension.equals("kreis")) {
                    counts.keySet().retainAll(List.of(NORTH, SOUTH));
                }
                assertTrue(!counts.isEmpty() || !base.isEmpty(), dimension + " facet empty for " + base);
                for (Map.Entry<String, Integer> count : counts.entrySet()) {
                    Map<String, String> narrowed = new HashMap<>(base);
                    narrowed.put(dimension, count.getKey());
                    int total = search(narrowed).extract().path("total");
                    assertEquals(total, count.getValue(), dimension + "=" + count.getKey() + " with " + base);
                }
            }
        }
        JsonPath north = search(Map.of("kreis", NORTH)).extract().jsonPath();
        assertEquals(2, north.getInt("facets.field.SPRACHE"));
        assertEquals(1, north.getInt("facets.language.ar"));
        assertEquals(3, north.getInt("facets.kreis." + NORTH), "the kreis facet leaves out the kreis filter");
        assertEquals(2, north.getInt("facets.kreis." + SOUTH));
    }

    @Test
    void radiusSearchIncludesWhatIsNearAndSortsByDistance() {
        String dachau = DACHAU[0] + "," + DACHAU[1];
        assertEquals(Set("sprachkurs", "fahrrad"), Set(found("near", dachau, "radiusKm", "10")));
        List<String> wide = found("near", dachau, "radiusKm", "25", "sort", "distance");
        assertEquals(4, wide.size());
        assertEquals(Set("sprachkurs", "fahrrad"), Set(wide.subList(0, 2)));
        assertEquals(Set("treffpunkt", "jobboerse"), Set(wide.subList(2, 4)));
        double distance = search(Map.of("near", dachau, "radiusKm", "25", "sort", "distance")).extract()
                .jsonPath().getDouble("items.find { it.id == '" + ids.get(wide.get(3)) + "' }.distanceKm");
        assertTrue(distance > 17 && distance < 19, "Dachau to Marienplatz is about 18 km, not " + distance);
        // The offer without coordinates never matches a radius search.
        assertTrue(!found("near", dachau, "radiusKm", "500").contains("schwimmen"));
    }

    @Test
    void aSearchWithoutAPointHasNoDistance() {
        // Through the API, whichever engine answers: no point, no distance (not 0 km).
        List<Object> distances = search(Map.of("kreis", NORTH)).extract().jsonPath().getList("items.distanceKm");
        assertEquals(3, distances.size());
        distances.forEach(d -> assertNull(d, "distanceKm without a radius"));
        // The SQL search itself (the engine without the index, and the index's oracle).
        OfferSearch.Result plain = sql.search(new SearchQuery(null, NORTH, null, null, null, null, null, null, null, null,
                SearchQuery.Sort.TITLE, 0, 20));
        assertEquals(3, plain.hits().size());
        plain.hits().forEach(h -> assertNull(h.distanceKm(), "SQL distance of " + h.id() + " without a radius"));
        OfferSearch.Result near = sql.search(new SearchQuery(null, NORTH, null, null, null, null, null, null, null,
                new SearchQuery.Circle(DACHAU[0], DACHAU[1], 25), SearchQuery.Sort.DISTANCE, 0, 20));
        assertEquals(3, near.hits().size());
        near.hits().forEach(h -> assertNotNull(h.distanceKm(), "SQL distance of " + h.id() + " within a radius"));
        assertTrue(near.hits().get(2).distanceKm() > 17, "the Munich offer is about 18 km from Dachau");
    }

    @Test
    void pagesDoNotOverlapAndSortsAreStable() {
        List<String> first = found("kreis", NORTH, "size", "2", "page", "0", "sort", "title");
        List<String> second = found("kreis", NORTH, "size", "2", "page", "1", "sort", "title");
        assertEquals(List.of("fahrrad", "sprachkurs"), first);
        assertEquals(List.of("treffpunkt"), second);
        search(Map.of("kreis", NORTH, "size", "2", "page", "9")).body("items", empty()).body("total", equalTo(3));
        search(Map.of("kreis", NORTH, "size", "2", "page", "0")).body("total", equalTo(3)).body("size", equalTo(2));
        given().queryParam("size", "201").get("/api/catalogue/offers").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void pagesShowEveryOfferWholeWhileOnlyTheConfiguredNumberIsKeptInMemory() {
        // Five offers in two searches, three kept at most (%test.catalogue.search.page-offers): each page is
        // shown whole the first time (loaded), and again (partly from memory, partly loaded anew).
        Map<String, String> titles = Map.of(ids.get("sprachkurs"), "Sprachkurs für Frauen", ids.get("treffpunkt"),
                "Treffpunkt für Flüchtlinge", ids.get("fahrrad"), "Fahrradwerkstatt", ids.get("jobboerse"),
                "Jobbörse für Zugewanderte", ids.get("schwimmen"), "Frauenschwimmen");
        // A page of every offer of every test first: more than the cap at once, of which only three stay.
        search(Map.of("size", "200")).body("items.size()", org.hamcrest.Matchers.greaterThan(3));
        assertTrue(readModel.pageOffersKept() <= 3, "offers kept after a page of 200: " + readModel.pageOffersKept());
        for (int round = 0; round < 3; round++) {
            for (String kreis : List.of(NORTH, SOUTH)) {
                List<Map<String, Object>> items = search(Map.of("kreis", kreis)).extract().jsonPath().getList("items");
                assertEquals(kreis.equals(NORTH) ? 3 : 2, items.size(), "round " + round + ", Kreis " + kreis);
                for (Map<String, Object> item : items) {
                    assertEquals(titles.get(item.get("id")), item.get("displayTitle"), "round " + round);
                    assertEquals(kreis, item.get("kreisId"));
                    assertNotNull(item.get("description"));
                }
                int kept = readModel.pageOffersKept();
                assertTrue(kept > 0 && kept <= 3, "offers kept for pages: " + kept);
            }
        }
    }

    @Test
    void malformedParametersAreNamed() {
        Map<String, String> bad = Map.of("near", "48.2;11.4", "radiusKm", "-3", "sort", "distance", "field", "ZAUBEREI",
                "targetGroup", "alle", "validOn", "01.05.2026", "free", "vielleicht", "kreis", "91", "language",
                "Deutsch");
        for (Map.Entry<String, String> parameter : bad.entrySet()) {
            given().queryParam(parameter.getKey(), parameter.getValue()).get("/api/catalogue/offers").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(parameter.getKey()));
        }
        given().queryParam("near", "95,11").get("/api/catalogue/offers").then().statusCode(400)
                .body("errors[0].field", equalTo("near"));
        given().queryParam("q", "x".repeat(201)).get("/api/catalogue/offers").then().statusCode(400);
        // Query syntax the user types never breaks the search.
        given().queryParam("q", "\"Sprach & | ! (kurs").queryParam("kreis", NORTH).get("/api/catalogue/offers")
                .then().statusCode(200);
    }

    @Test
    void blankParametersAreAbsentAsAFormWithoutJavaScriptSendsThem() {
        Map<String, String> blank = new HashMap<>();
        for (String name : List.of("q", "municipality", "field", "targetGroup", "language", "free", "validOn",
                "includeExpired", "near", "radiusKm", "sort", "status", "lang", "page", "size")) {
            blank.put(name, "");
        }
        blank.put("kreis", NORTH);
        assertEquals(found("kreis", NORTH), foundWith(blank));
        search(blank).body("size", equalTo(20)).body("page", equalTo(0)).body("total", equalTo(3));
    }

    @Test
    void codesAreTypedAndTakenInAnyCase() {
        assertEquals(found("field", "SPRACHE"), found("field", "sprache"));
        assertEquals(found("language", "ar"), found("language", "AR"));
        assertEquals(found("kreis", NORTH, "sort", "title"), found("kreis", NORTH, "sort", "Title"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private void add(String publisher, String key, Map<String, Object> offer) {
        ids.put(key, OfferFixtures.published(publisher, offer));
    }

    private static Map<String, Object> offer(String kreis, String title, String description, String provider,
            List<String> fields, List<String> groups, List<String> languages, boolean free, double[] point,
            String validFrom, String validUntil) {
        Map<String, Object> o = OfferFixtures.offer(kreis, title);
        o.put("description", description.startsWith("Bicycle") ? Map.of("de", "Reparieren mit Ehrenamtlichen, ein Treffpunkt für alle",
                "en", description) : Map.of("de", description));
        o.put("provider", provider);
        o.put("municipality", point == DACHAU ? "Dachau" : "München");
        o.put("fields", fields);
        o.put("targetGroups", groups);
        o.put("languages", languages);
        o.put("free", free);
        o.put("costCents", free ? null : 500);
        o.put("locations", point == null ? List.of() : List.of(Map.of("address", "Hauptstraße 1", "lat", point[0],
                "lon", point[1])));
        o.put("validFrom", validFrom);
        o.put("validUntil", validUntil);
        return o;
    }

    private io.restassured.response.ValidatableResponse search(Map<String, String> parameters) {
        RequestSpecification request = given().queryParams(parameters);
        if (!parameters.containsKey("size")) {
            request = request.queryParam("size", "200");
        }
        return request.get("/api/catalogue/offers").then().statusCode(200);
    }

    /** The keys of this class's offers found, in order (other tests' offers share the database). */
    private List<String> found(String... pairs) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], pairs[i + 1]);
        }
        return foundWith(parameters);
    }

    private List<String> foundWith(Map<String, String> parameters) {
        List<String> found = search(parameters).extract().jsonPath().getList("items.id");
        Map<String, String> keys = new HashMap<>();
        ids.forEach((key, id) -> keys.put(id, key));
        return found.stream().filter(keys::containsKey).map(keys::get).toList();
    }

    @SafeVarargs
    private static <T> java.util.Set<T> Set(T... values) {
        return new java.util.HashSet<>(List.of(values));
    }

    private static <T> java.util.Set<T> Set(List<T> values) {
        return new java.util.HashSet<>(values);
    }
}
