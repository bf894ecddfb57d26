package de.handinhand.scoring.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.web.validation.Rules;
import de.handinhand.scoring.jury.api.JurorNames;
import org.junit.jupiter.api.Test;

/** Each maxLength beside a pattern is the longest text that pattern accepts: neither shorter nor longer. */
class LengthsTest {

    @Test
    void eachLengthIsTheLongestItsPatternAccepts() {
        longest(Rules.CODE, "A" + "B".repeat(Lengths.CODE - 1), "B");
        longest(Rules.AGS, "0".repeat(Lengths.AGS), "0");
        longest(Rules.KREIS_KEY, "0".repeat(Lengths.KREIS_KEY), "0");
        longest(JurorNames.PATTERN, "j".repeat(JurorNames.MAX_LENGTH), "j");
        assertTrue("juror.eins@kreis-hn_2".matches(JurorNames.PATTERN));
        assertFalse("bad name!".matches(JurorNames.PATTERN));
    }

    private static void longest(String pattern, String longest, String oneMore) {
        assertTrue(longest.matches(pattern), pattern + " accepts " + longest.length() + " characters");
        assertFalse((longest + oneMore).matches(pattern), pattern + " refuses " + (longest.length() + 1));
    }
}
