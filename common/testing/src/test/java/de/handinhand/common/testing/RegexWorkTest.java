package de.handinhand.common.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.schema.ReplacedChecksums;
import de.handinhand.common.testing.RegexWork.Use;
import de.handinhand.common.web.RequestIds;
import de.handinhand.common.web.params.Coordinates;
import de.handinhand.common.web.params.Languages;
import de.handinhand.common.web.validation.Rules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexWorkTest {

    /** HsdsMapper's address pattern before it was bounded: 25 s on 2,000 spaces. */
    private static final Pattern HSDS_ADDRESS = Pattern.compile("\\s*([^,]+?)\\s*,\\s*(\\d{5})\\s+(.+?)\\s*");

    @Test
    void aBacktrackingPatternIsFound() {
        assertFalse(RegexWork.superlinear(Use.MATCHES, HSDS_ADDRESS).isEmpty());
        assertFalse(RegexWork.superlinear(Use.MATCHES, Pattern.compile("(a+)+b")).isEmpty());
        // Two unbounded runs over the same characters, then a character that is not there.
        assertFalse(RegexWork.superlinear(Use.MATCHES, Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")).isEmpty());
        // Linear for matches(), quadratic in a find() loop: every start position scans the run again.
        assertTrue(RegexWork.superlinear(Use.MATCHES, Pattern.compile("\\s*\\([^)]*\\)")).isEmpty());
        assertFalse(RegexWork.superlinear(Use.FIND, Pattern.compile("\\s*\\([^)]*\\)")).isEmpty());
        assertThrows(AssertionError.class, () -> RegexWork.assertLinear(Use.MATCHES, Map.of("address", HSDS_ADDRESS)));
    }

    @Test
    void boundedAndPossessivePatternsPass() {
        assertTrue(RegexWork.superlinear(Use.FIND, Pattern.compile("[0-9]{5}")).isEmpty());
        assertTrue(RegexWork.superlinear(Use.MATCHES, Pattern.compile("\\s*+([^,]++),\\s*+(\\d{5})\\s++(.++)")).isEmpty());
        assertTrue(RegexWork.superlinear(Use.FIND, Pattern.compile("\\([^()]*\\)")).isEmpty());
        assertTrue(RegexWork.superlinear(Use.FIND, Pattern.compile("\\s{0,3}[,;]\\s{0,3}")).isEmpty());
        assertTrue(RegexWork.superlinear(Use.MATCHES, Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+")).isEmpty());
    }

    /** Every pattern of common-web and common-messaging that a request's text or a header meets. */
    @Test
    void theSharedPatternsAreLinear() {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.putAll(RegexWork.constantsOf(Coordinates.class));
        patterns.putAll(RegexWork.constantsOf(Languages.class));
        patterns.putAll(RegexWork.constantsOf(RequestIds.class));
        patterns.putAll(RegexWork.constantsOf(ReplacedChecksums.class));
        for (String rule : new String[] {Rules.KREIS_KEY, Rules.AGS, Rules.LANGUAGE, Rules.CODE}) {
            patterns.put("Rules /" + rule + "/", Pattern.compile(rule));
        }
        assertTrue(patterns.size() >= 9, "the constants were found: " + patterns.keySet());
        // Each is applied to a whole parameter, header value or file name (matches()).
        RegexWork.assertLinear(Use.MATCHES, patterns);
    }
}
