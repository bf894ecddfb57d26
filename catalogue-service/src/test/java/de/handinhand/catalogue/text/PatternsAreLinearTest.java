package de.handinhand.catalogue.text;

import de.handinhand.common.testing.RegexWork;
import de.handinhand.common.testing.RegexWork.Use;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every pattern of the catalogue that a caller's text meets does work linear in the text's length
 * on hostile input (long runs of spaces, digits, commas ...), counted by {@link RegexWork} rather
 * than timed: the HSDS address pattern once took 25 s on 2,000 spaces.
 */
class PatternsAreLinearTest {

    private static Map<String, Pattern> constants(String... classes) throws ClassNotFoundException {
        Map<String, Pattern> found = new LinkedHashMap<>();
        for (String name : classes) {
            found.putAll(RegexWork.constantsOf(Class.forName(name)));
        }
        return found;
    }

    @Test
    void patternsAppliedToAWholeValueAreLinear() throws Exception {
        Map<String, Pattern> patterns = constants("de.handinhand.catalogue.hsds.service.HsdsMapper",
                "de.handinhand.catalogue.offer.api.WebAddresses");
        patterns.put("OfferRequest.Contact EMAIL", Pattern.compile(
                (String) field("de.handinhand.catalogue.offer.api.OfferRequest$Contact", "EMAIL")));
        RegexWork.assertLinear(Use.MATCHES, patterns);
    }

    @Test
    void patternsThatSearchTheTextAreLinear() throws Exception {
        // Folding strips accents with replaceAll over every search term and offer text.
        RegexWork.assertLinear(Use.FIND, constants("de.handinhand.catalogue.offer.search.Folding"));
    }

    private static Object field(String type, String name) throws ReflectiveOperationException {
        var field = Class.forName(type).getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }
}
