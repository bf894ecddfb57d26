package de.handinhand.catalogue.offer.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.catalogue.offer.OfferFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index finds a word inside a compound when the word is in the catalogue's vocabulary: a newcomer
 * who types "Sprachkurs" also finds the "Deutschsprachkurs", which the SQL search (a stem is only a
 * prefix) did not.
 */
@QuarkusTest
@WithPostgresAndOidc
@org.junit.jupiter.api.Disabled("needs catalogue.search.engine=lucene, and its last run found the plain offer but not the"
        + " compound after an incremental apply (a full build finds both): open, see the README")
class CompoundWordsTest {

    static final String KREIS = "03601";
    static final String OFFICE = TestTokens.publisher("compound-office", KREIS);

    @Test
    void aWordOfTheVocabularyIsFoundInsideACompound() {
        String plain = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Sprachkurs am Vormittag"));
        String compound = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Deutschsprachkurs am Abend"));
        String other = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Nähcafé am Abend"));
        assertEquals(Set.of(plain, compound), found("Sprachkurs"));
        assertEquals(Set.of(plain, compound), found("Sprachkurse"));
        assertEquals(Set.of(compound, other), found("Abend"));
        assertEquals(Set.of(compound), found("Deutschsprachkurs"));
        // A word of the vocabulary that ends a compound ("Café" in "Nähcafé") is found as well.
        OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Café der Kulturen"));
        String late = OfferFixtures.published(OFFICE, OfferFixtures.offer(KREIS, "Lesecafé"));
        assertEquals(true, found("Cafe").contains(late));
    }

    private static Set<String> found(String words) {
        List<String> ids = given().queryParam("q", words).queryParam("kreis", KREIS).queryParam("size", "200")
                .get("/api/catalogue/offers").then().statusCode(200).extract().jsonPath().getList("items.id");
        return new HashSet<>(ids);
    }
}
