package de.handinhand.gateway;

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

    @Test
    void theGatewaysPatternsAreLinear() throws Exception {
        Map<String, Pattern> patterns = new LinkedHashMap<>();
        patterns.putAll(RegexWork.constantsOf(Class.forName("de.handinhand.gateway.ratelimit.ClientKeys")));
        patterns.putAll(RegexWork.constantsOf(Class.forName("de.handinhand.gateway.routing.OperationTable")));
        assertTrue(patterns.size() >= 3, "the constants were found: " + patterns.keySet());
        RegexWork.assertLinear(Use.MATCHES, patterns);
    }
}
