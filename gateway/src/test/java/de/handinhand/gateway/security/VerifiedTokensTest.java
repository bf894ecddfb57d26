package de.handinhand.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong wallClock = new AtomicLong(NOW);
    private final AtomicLong ticker = new AtomicLong();

    private VerifiedTokens tokens(int size) {
        return new VerifiedTokens(size, wallClock::get, ticker::get);
    }

    @Test
    void aVerifiedCallerIsFoundAgainWithItsRolesAndTheClaimsThatNameIt() {
        VerifiedTokens tokens = tokens(10);
        tokens.put("Bearer a.b.c", identity("heilbronn-id", NOW / 1000 + 300, "submitter"));

        SecurityIdentity cached = tokens.get("Bearer a.b.c");

        assertNotNull(cached);
        assertFalse(cached.isAnonymous());
        assertEquals(Set.of("submitter"), cached.getRoles());
        assertTrue(cached.hasRole("submitter"));
        JsonWebToken caller = (JsonWebToken) cached.getPrincipal();
        assertEquals("heilbronn-id", caller.getSubject());
        assertEquals("handinhand-cli", caller.getClaim("azp"));
        assertEquals("heilbronn", caller.getName());
        assertEquals(NOW / 1000 + 300, caller.getExpirationTime());
        // Only the claims the gateway reads are kept, not the token's others (tenant, e-mail, ...).
        assertNull(caller.getClaim("municipality_id"));
    }

    @Test
    void aCachedVerdictEndsWhenTheTokenExpiresNotLater() {
        VerifiedTokens tokens = tokens(10);
        long exp = NOW / 1000 + 60;
        tokens.put("Bearer t", identity("s", exp, "submitter"));

        wallClock.set(exp * 1000 - 1);
        assertNotNull(tokens.get("Bearer t"));
        // The wall clock decides, whatever the cache's own timer says (here it has not moved at all).
        wallClock.set(exp * 1000);
        assertNull(tokens.get("Bearer t"));
        wallClock.set(exp * 1000 - 1);
        assertNull(tokens.get("Bearer t"), "an expired verdict is dropped, never revived");
    }

    @Test
    void expiredOrNeverExpiringTokensAndAnonymousCallersAreNotKept() {
        VerifiedTokens tokens = tokens(10);
        tokens.put("Bearer expired", identity("s", NOW / 1000, "submitter"));
        tokens.put("Bearer no-exp", identity("s", 0, "submitter"));
        tokens.put("Bearer anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertNull(tokens.get("Bearer expired"));
        assertNull(tokens.get("Bearer no-exp"));
        assertNull(tokens.get("Bearer anonymous"));
        assertEquals(0, tokens.size());
    }

    @Test
    void onlyTheExactHeaderFindsAVerdict() {
        VerifiedTokens tokens = tokens(10);
        tokens.put("Bearer header.payload.signature", identity("s", NOW / 1000 + 300, "organizer"));

        assertNull(tokens.get("Bearer header.payload.signaturX"));
        assertNull(tokens.get("Bearer header.payloaX.signature"));
        assertNull(tokens.get("bearer header.payload.signature"));
        assertNull(tokens.get("Bearer header.payload.signature "));
        assertNotNull(tokens.get("Bearer header.payload.signature"));
    }

    @Test
    void theKeyIsTheSha256OfTheHeadersUtf8BytesWhateverItsCharactersAndLength() throws Exception {
        String jwt = "Bearer eyJhbGciOiJSUzI1NiJ9." + "a".repeat(1_000) + ".sig";
        for (String header : List.of(jwt, "Bearer caf\u00e9.\u0639\u0631\u0628\u064a.x", "Bearer " + "b".repeat(20_000), "")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));
            ByteBuffer words = ByteBuffer.wrap(digest);
            assertEquals(new VerifiedTokens.Key(words.getLong(), words.getLong(), words.getLong(), words.getLong()),
                    VerifiedTokens.key(header), header.length() + " characters");
        }
        // The buffers kept per thread carry nothing from one header into the next.
        assertEquals(VerifiedTokens.key("Bearer abc"), VerifiedTokens.key("Bearer abc"));
        VerifiedTokens.key(jwt);
        assertEquals(VerifiedTokens.key("Bearer abc"), VerifiedTokens.key("Bearer abc"));
        assertNotEquals(VerifiedTokens.key("Bearer abc"), VerifiedTokens.key("Bearer abd"));
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        VerifiedTokens tokens = tokens(100);
        for (int i = 0; i < 1_000; i++) {
            tokens.put("Bearer token-" + i, identity("s" + i, NOW / 1000 + 300, "submitter"));
        }

        assertTrue(tokens.size() <= 100, "held " + tokens.size());
        assertTrue(tokens.size() > 0);
    }

    @Test
    void changedSigningKeysDropEveryVerdict() {
        VerifiedTokens tokens = tokens(10);
        tokens.put("Bearer one", identity("a", NOW / 1000 + 300, "submitter"));
        tokens.put("Bearer two", identity("b", NOW / 1000 + 300, "juror"));

        tokens.invalidateAll();

        assertNull(tokens.get("Bearer one"));
        assertNull(tokens.get("Bearer two"));
        assertEquals(0, tokens.size());
    }

    @Test
    void aConnectionsLastHeaderAnswersOnlyForExactlyThatHeaderUntilItExpires() {
        VerifiedTokens tokens = tokens(10);
        VerifiedTokens.LastOnConnection connection = new VerifiedTokens.LastOnConnection();
        long exp = NOW / 1000 + 60;
        tokens.put("Bearer header.payload.signature", identity("s", exp, "organizer"), connection);

        assertEquals(Set.of("organizer"), tokens.get("Bearer header.payload.signature", connection).getRoles());
        // A tampered header misses both what the connection remembers and the cache.
        assertNull(tokens.get("Bearer header.payload.signaturX", connection));
        assertNull(tokens.get("Bearer header.payloaX.signature", connection));
        // ... and leaves the connection's memory as it was: the genuine header still answers.
        assertNotNull(tokens.get("Bearer header.payload.signature", connection));

        wallClock.set(exp * 1000);
        assertNull(tokens.get("Bearer header.payload.signature", connection));
        wallClock.set(exp * 1000 - 1);
        assertNull(tokens.get("Bearer header.payload.signature", connection), "an expired verdict is never revived");
    }

    @Test
    void aConnectionLearnsAVerdictTheCacheHoldsAndForgetsItWhenTheKeysChange() {
        VerifiedTokens tokens = tokens(10);
        tokens.put("Bearer one", identity("a", NOW / 1000 + 300, "submitter"));
        VerifiedTokens.LastOnConnection connection = new VerifiedTokens.LastOnConnection();

        assertNotNull(tokens.get("Bearer one", connection));
        assertNotNull(tokens.get("Bearer one", connection));
        tokens.invalidateAll();

        assertNull(tokens.get("Bearer one", connection));
        assertNull(tokens.get("Bearer one"));
        // Verified again after the change: remembered again.
        tokens.put("Bearer one", identity("a", NOW / 1000 + 300, "submitter"), connection);
        assertNotNull(tokens.get("Bearer one", connection));
    }

    @Test
    void sizeZeroKeepsNothing() {
        VerifiedTokens tokens = tokens(0);
        tokens.put("Bearer t", identity("s", NOW / 1000 + 300, "submitter"));

        assertFalse(tokens.enabled());
        assertNull(tokens.get("Bearer t"));
        VerifiedTokens.LastOnConnection connection = new VerifiedTokens.LastOnConnection();
        tokens.put("Bearer t", identity("s", NOW / 1000 + 300, "submitter"), connection);
        assertNull(tokens.get("Bearer t", connection));
    }

    private static SecurityIdentity identity(String subject, long exp, String role) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("azp", "handinhand-cli");
        claims.put("exp", exp);
        claims.put("municipality_id", "08125");
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return "heilbronn";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRole(role).build();
    }
}
