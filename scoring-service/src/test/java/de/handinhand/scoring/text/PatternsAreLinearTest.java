package de.handinhand.scoring.text;

import de.handinhand.common.testing.RegexWork;
import de.handinhand.common.testing.RegexWork.Use;
import de.handinhand.scoring.jury.api.ConflictsRequest;
import de.handinhand.scoring.jury.api.JurorNames;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scoring service's own {@code @Pattern}s (the shared {@code Rules} are checked in common-testing)
 * do work linear in the value's length on hostile input, counted by {@link RegexWork} rather than timed.
 */
class PatternsAreLinearTest {

    @Test
    void theBeanValidationPatternsAreLinear() {
        RegexWork.assertLinear(Use.MATCHES, Map.of(
                "JurorNames.PATTERN", Pattern.compile(JurorNames.PATTERN),
                "ConflictsRequest.LAND", Pattern.compile(ConflictsRequest.LAND)));
    }
}
