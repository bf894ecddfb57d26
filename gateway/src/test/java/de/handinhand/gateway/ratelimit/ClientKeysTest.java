package de.handinhand.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

    private final ClientKeys untrusting = new ClientKeys(List.of());
    private final ClientKeys behindProxies = new ClientKeys(List.of("10.0.0.0/8", "192.0.2.10", "fd00::/8"));

    @Test
    void aValidatedTokenCountsAgainstItsSubjectElseItsClient() {
        assertEquals("sub:1234", untrusting.of(identity(Map.of("sub", "1234", "azp", "handinhand-cli")), "198.51.100.1", null));
        assertEquals("client:external-portal", untrusting.of(identity(Map.of("azp", "external-portal")), "198.51.100.1", null));
        assertEquals("client:external-portal", untrusting.of(identity(Map.of("client_id", "external-portal")), "198.51.100.1", null));
        assertEquals("addr:198.51.100.1", untrusting.of(identity(Map.of()), "198.51.100.1", null));
        assertEquals("addr:198.51.100.1", untrusting.of(null, "198.51.100.1", null));
        assertEquals("addr:198.51.100.1", untrusting.of(QuarkusSecurityIdentity.builder().setAnonymous(true).build(),
                "198.51.100.1", null));
    }

    @Test
    void forwardedForIsIgnoredUnlessTheConnectionComesFromATrustedProxy() {
        assertEquals("198.51.100.1", untrusting.address("198.51.100.1", "203.0.113.7"));
        assertEquals("198.51.100.1", behindProxies.address("198.51.100.1", "203.0.113.7"));
        assertEquals("203.0.113.7", behindProxies.address("10.1.2.3", "203.0.113.7"));
        // The nearest hop that is not a trusted proxy: what the caller wrote further left does not count.
        assertEquals("203.0.113.7", behindProxies.address("10.1.2.3", "1.1.1.1, 203.0.113.7, 192.0.2.10"));
        assertEquals("10.9.9.9", behindProxies.address("10.1.2.3", "10.9.9.9"));
        assertEquals("10.1.2.3", behindProxies.address("10.1.2.3", "evil.example"));
        assertEquals("10.1.2.3", behindProxies.address("10.1.2.3", ""));
    }

    @Test
    void ipv6CallersAreKeyedByTheirSlash64() {
        assertEquals("2001:db8:1:2:0:0:0:0/64", untrusting.address("2001:db8:1:2::1", null));
        assertEquals(untrusting.address("2001:db8:1:2:aaaa::1", null), untrusting.address("2001:db8:1:2:bbbb::2", null));
        assertEquals("192.0.2.5", untrusting.address("::ffff:192.0.2.5", null));
        assertEquals("2001:db8:0:0:0:0:0:0/64", behindProxies.address("fd00::1", "[2001:db8::7]"));
    }

    @Test
    void onlyIpLiteralsAreParsedNeverNamesLookedUp() {
        assertNull(ClientKeys.parse("localhost"));
        assertNull(ClientKeys.parse("dead.beef"));
        assertNull(ClientKeys.parse("1.2"));
        assertNull(ClientKeys.parse(null));
        assertEquals(4, ClientKeys.parse("127.0.0.1").length);
        assertEquals("unknown", untrusting.address(null, null));
        assertThrows(IllegalArgumentException.class, () -> new ClientKeys(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new ClientKeys(List.of("10.0.0.0/33")));
    }

    private static QuarkusSecurityIdentity identity(Map<String, String> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) all.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(token).build();
    }
}
