package de.handinhand.catalogue.offer.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.catalogue.offer.OfferFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index finds a word inside a compound when the word is in the catalogue's vocabulary: a newcomer
 * who types "Sprachkurs" also finds the "Deutschsprachkurs", which the SQL search (a stem is only a
 * prefix) did not.
 */
@QuarkusTest
@WithPostgresAndOidc
class CompoundWordsTest {

    static final String KREIS = "03601";
    static final String OFFICE = TestTokens.publisher("compound-office", KREIS);

    @Test
    void aWordOfTheVocabularyIsFoundInsideACompound() {
        Map<String, String> names = new HashMap<>();
        for (String title : List.of("Sprachkurs am Vormittag", "Deutschsprachkurs am Abend", "Nähcafé am Abend")) {
            names.put(OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, title)), title);
        }
        // All searches first, compared at once: a failure shows every answer.
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("Sprachkurs", Set.of("Sprachkurs am Vormittag", "Deutschsprachkurs am Abend"));
        expected.put("Sprachkurse", Set.of("Sprachkurs am Vormittag", "Deutschsprachkurs am Abend"));
        expected.put("Abend", Set.of("Deutschsprachkurs am Abend", "Nähcafé am Abend"));
        expected.put("Deutschsprachkurs", Set.of("Deutschsprachkurs am Abend"));
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        expected.keySet().forEach(words -> actual.put(words, titles(found(words), names)));
        assertEquals(expected, actual);
        // A word of the vocabulary that ends a compound ("Café" in "Nähcafé") is found as well.
        OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Café der Kulturen"));
        String late = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Lesecafé"));
        assertEquals(true, found("Cafe").contains(late));
    }

    private static Set<String> titles(Set<String> ids, Map<String, String> names) {
        Set<String> titles = new HashSet<>();
        ids.forEach(id -> titles.add(names.getOrDefault(id, "another offer " + id)));
        return titles;
    }

    private static Set<String> found(String words) {
        List<String> ids = given().queryParam("q", words).queryParam("kreis", KREIS).queryParam("size", "200")
                .get("/api/catalogue/offers").then().statusCode(200).extract().jsonPath().getList("items.id");
        return new HashSet<>(ids);
    }
}
