package de.handinhand.catalogue.offer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.demo.DemoOfferGenerator;
import de.handinhand.catalogue.offer.rest.OfferRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo and benchmark offers: valid, varied, spread over the demo Kreise, and reproducible. */
class DemoOfferGeneratorTest {

    @Test
    void tenThousandOffersAreValidDistinctAndSpreadOverTheDemoKreise() {
        Set<String> titles = new HashSet<>();
        Set<String> kreise = new HashSet<>();
        Set<String> fields = new HashSet<>();
        for (int n = 0; n < 10_000; n++) {
            OfferRequest offer = DemoOfferGenerator.offer(n);
            OfferValidator.validate(offer);
            titles.add(offer.title().get("de"));
            kreise.add(offer.kreisId());
            fields.addAll(offer.fields());
        }
        assertEquals(10_000, titles.size(), "every demo offer has its own title");
        assertEquals(Set.of("05562", "09174", "08125", "08135", "06636"), kreise);
        assertTrue(fields.size() >= 12, "fields of action used: " + fields);
        long inFirstHundred = IntStream.range(0, 100).mapToObj(n -> DemoOfferGenerator.offer(n).kreisId()).distinct()
                .count();
        assertEquals(5, inFirstHundred, "the local stack's 100 cover every demo Kreis");
    }

    @Test
    void offerNIsAlwaysTheSame() {
        assertEquals(DemoOfferGenerator.offer(4711), DemoOfferGenerator.offer(4711));
        assertEquals(DemoOfferGenerator.id(4711), DemoOfferGenerator.id(4711));
        assertNotEquals(DemoOfferGenerator.id(4711), DemoOfferGenerator.id(4712));
    }
}
