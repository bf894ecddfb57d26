package de.handinhand.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The header sets match names as HTTP does, ignoring case, without the proxy lower-casing each name. */
class HeaderSetsTest {

    @Test
    void hopByHopHeadersAreRecognisedInAnySpelling() {
        for (String name : new String[] {"Connection", "connection", "KEEP-ALIVE", "Proxy-Authorization", "TE",
                "Transfer-Encoding", "Upgrade", "Host", "proxy-connection"}) {
            assertTrue(ProxyHandler.HOP_BY_HOP.contains(name), name);
        }
        for (String name : new String[] {"Authorization", "Accept", "Content-Type", "Content-Length", "X-Request-Id",
                "traceparent", "Tex"}) {
            assertFalse(ProxyHandler.HOP_BY_HOP.contains(name), name);
        }
    }

    @Test
    void theGatewaysOwnHeadersAreRecognisedInAnySpelling() {
        assertTrue(ProxyHandler.GATEWAY_OWNED.contains("Strict-Transport-Security"));
        assertTrue(ProxyHandler.GATEWAY_OWNED.contains("ratelimit-remaining"));
        assertTrue(ProxyHandler.GATEWAY_OWNED.contains("Access-Control-Allow-Origin"));
        assertFalse(ProxyHandler.GATEWAY_OWNED.contains("Content-Type"));
        assertFalse(ProxyHandler.GATEWAY_OWNED.contains("Cache-Control"));
    }
}
