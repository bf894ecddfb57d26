package de.handinhand.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.RegexWork;
import de.handinhand.common.testing.RegexWork.Use;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway's patterns meet every request (an X-Forwarded-For hop, a request path against the
 * operation table): their work is linear in the text's length on hostile input, counted by
 * {@link RegexWork} rather than timed.
 */
class PatternsAreLinearTest {

    /**
     * Known and left to the gateway's owner: {@code ClientKeys.IPV6} ({@code [0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*})
     * reads quadratically many characters on a run of colons. ClientKeys applies it only to at most 45
     * characters (about 1,000 reads), so it costs nothing today; {@code [0-9A-Fa-f.]*+:[0-9A-Fa-f:.]*+}
     * accepts the same strings in linear work and would not depend on that guard.
     */
    private static final String KNOWN_SUPERLINEAR = "ClientKeys.IPV6";

    @Test
    void theGatewaysPatternsAreLinear() throws Exception {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.putAll(RegexWork.constantsOf(Class.forName("de.handinhand.gateway.ratelimit.ClientKeys")));
        patterns.putAll(RegexWork.constantsOf(Class.forName("de.handinhand.gateway.routing.OperationTable")));
        assertTrue(patterns.size() >= 3, "the constants were found: " + patterns.keySet());
        Pattern known = patterns.remove(KNOWN_SUPERLINEAR);
        RegexWork.assertLinear(Use.MATCHES, patterns);
        if (known != null) {
            // Fails once the pattern is linear: then it belongs with the others above.
            assertFalse(RegexWork.superlinear(Use.MATCHES, known).isEmpty(),
                    KNOWN_SUPERLINEAR + " is linear now: remove it from KNOWN_SUPERLINEAR");
        }
    }
}
