package de.handinhand.catalogue.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.offer.api.OfferRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo and benchmark offers: valid, varied, spread over the demo Kreise, and reproducible. */
class DemoOfferGeneratorTest {

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void tenThousandOffersAreValidDistinctAndSpreadOverTheDemoKreise() {
        Set<String> titles = new HashSet<>();
        Set<String> kreise = new HashSet<>();
        Set<String> fields = new HashSet<>();
        for (int n = 0; n < 10_000; n++) {
            OfferRequest offer = DemoOfferGenerator.offer(n);
            Set<ConstraintViolation<OfferRequest>> violations = validator.validate(offer);
            assertTrue(violations.isEmpty(), "demo offer " + n + ": " + violations);
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
    void theValidatorWouldSeeABrokenOffer() {
        OfferRequest good = DemoOfferGenerator.offer(1);
        OfferRequest broken = new OfferRequest(good.title(), good.description(), good.provider(), "9174",
                good.municipality(), good.fields(), good.targetGroups(), good.languages(), good.free(), good.costCents(),
                good.validFrom(), good.validUntil(), good.locations(), good.contacts(), good.schedule(),
                good.accessibility(), good.website(), good.links(), null);
        assertEquals(Set.of("kreisId"), fields(validator.validate(broken)));
    }

    @Test
    void offerNIsAlwaysTheSame() {
        assertEquals(DemoOfferGenerator.offer(4711), DemoOfferGenerator.offer(4711));
        assertEquals(DemoOfferGenerator.id(4711), DemoOfferGenerator.id(4711));
        assertNotEquals(DemoOfferGenerator.id(4711), DemoOfferGenerator.id(4712));
    }

    private static Set<String> fields(Set<ConstraintViolation<OfferRequest>> violations) {
        Set<String> fields = new HashSet<>();
        violations.forEach(v -> fields.add(v.getPropertyPath().toString()));
        return fields;
    }
}
