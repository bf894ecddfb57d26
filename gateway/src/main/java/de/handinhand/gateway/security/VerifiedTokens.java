package de.handinhand.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens the gateway has verified, so that the next request with the same token skips the
 * signature check and the parsing of its claims (most of the gateway's CPU per request otherwise). Only a
 * successful verification is kept, under the SHA-256 of the exact {@code Authorization} header it came
 * from (no token is held as a key; a different header, a tampered token included, never finds another's
 * entry) and only until the token's own {@code exp}: a cached verdict never outlives the token, checked
 * against the wall clock on every read. At most {@code maximumSize} entries are held (least recently
 * used go first); {@link #invalidateAll()} drops them all when the realm's signing keys change.
 *
 * <p>A connection remembers the last header it brought and its verdict ({@link LastOnConnection}): a
 * keep-alive connection mostly carries one caller's requests, and the next request with the very same
 * header (compared character for character, so a tampered token never matches) skips even hashing and
 * the shared cache. The remembered verdict keeps the same expiry and is void once {@link #invalidateAll()}
 * has run. It holds the header (as the request did) for as long as the connection is open.
 *
 * <p>What is kept is what the gateway needs from a caller: its roles and the claims that name it for the
 * rate limit ({@code sub}, {@code azp}, {@code client_id}) and its name, not the token, its full claims
 * or the first request's context.
 */
public final class VerifiedTokens {

    /** The claims a cached caller keeps: what the rate limit keys on, and the expiry. */
    private static final Set<String> KEPT_CLAIMS = Set.of(Claims.sub.name(), Claims.azp.name(), "client_id",
            Claims.exp.name(), Claims.preferred_username.name());

    record Key(long a, long b, long c, long d) {
    }

    private record Verified(SecurityIdentity identity, long expiresAtMillis) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    });

    private final Cache<Key, Verified> cache;
    private final LongSupplier wallClockMillis;
    /** Raised by {@link #invalidateAll()}: what a connection remembers from before no longer counts. */
    private volatile int generation;

    /**
     * The last {@code Authorization} header one connection brought and its verdict. Read and written by the
     * connection's requests; the verdict may be written from the thread that verified the token.
     */
    public static final class LastOnConnection {

        private volatile Remembered last;
    }

    private record Remembered(String authorization, Verified verified, int generation) {
    }

    /**
     * @param maximumSize entries held at most; 0 turns the cache off (every request is verified)
     * @param wallClockMillis the clock a token's {@code exp} is compared with
     * @param ticker Caffeine's clock for evicting entries once expired (nanoseconds)
     */
    public VerifiedTokens(int maximumSize, LongSupplier wallClockMillis, Ticker ticker) {
        this.wallClockMillis = wallClockMillis;
        this.cache = maximumSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(Expiry.<Key, Verified>creating((key, verified) ->
                        Duration.ofMillis(Math.max(0, verified.expiresAtMillis() - wallClockMillis.getAsLong()))))
                .ticker(ticker)
                // Eviction runs on the caller's thread: no pool thread, and the bound holds at once.
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** Whether verdicts are kept at all (size above 0). */
    public boolean enabled() {
        return cache != null;
    }

    /** Publishes the cache's size, hits, misses and evictions ({@code cache_*{cache="<name>"}}). */
    public void monitor(MeterRegistry registry, String name) {
        if (cache != null) {
            CaffeineCacheMetrics.monitor(registry, cache, name);
        }
    }

    /** The caller verified earlier with exactly this {@code Authorization} header, or null (unknown or expired). */
    public SecurityIdentity get(String authorization) {
        Verified verified = lookup(authorization);
        return verified == null ? null : verified.identity();
    }

    /**
     * As {@link #get(String)}, asking first what {@code connection} remembers (null: nothing): its last
     * header, if it is exactly this one, answers without hashing; otherwise the cache answers and the
     * connection remembers this header's verdict.
     */
    public SecurityIdentity get(String authorization, LastOnConnection connection) {
        if (cache == null || connection == null) {
            return get(authorization);
        }
        Remembered last = connection.last;
        if (last != null && last.generation() == generation && last.authorization().equals(authorization)) {
            if (wallClockMillis.getAsLong() < last.verified().expiresAtMillis()) {
                return last.verified().identity();
            }
            // Expired: forgotten here, and dropped from the cache by the lookup, which finds it expired too.
            connection.last = null;
            return get(authorization);
        }
        int current = generation;
        Verified verified = lookup(authorization);
        if (verified == null) {
            return null;
        }
        connection.last = new Remembered(authorization, verified, current);
        return verified.identity();
    }

    private Verified lookup(String authorization) {
        if (cache == null) {
            return null;
        }
        Key key = key(authorization);
        Verified verified = cache.getIfPresent(key);
        if (verified == null) {
            return null;
        }
        if (wallClockMillis.getAsLong() >= verified.expiresAtMillis()) {
            // Expired since it was kept (Caffeine drops it soon anyway): the token is verified again, and refused.
            cache.invalidate(key);
            return null;
        }
        return verified;
    }

    /**
     * Keeps a successful verification of this header until the token's {@code exp}. Anonymous identities,
     * principals that are not a JWT, and tokens without an expiry in the future are not kept.
     */
    public void put(String authorization, SecurityIdentity identity) {
        put(authorization, identity, null);
    }

    /** As {@link #put(String, SecurityIdentity)}, and {@code connection} (null: none) remembers it as its last. */
    public void put(String authorization, SecurityIdentity identity, LastOnConnection connection) {
        if (cache == null || identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        long expiresAtMillis = token.getExpirationTime() * 1000;
        if (token.getExpirationTime() <= 0 || expiresAtMillis <= wallClockMillis.getAsLong()) {
            return;
        }
        int current = generation;
        Verified verified = new Verified(slim(identity, token), expiresAtMillis);
        cache.put(key(authorization), verified);
        if (connection != null) {
            connection.last = new Remembered(authorization, verified, current);
        }
    }

    /** Drops every cached verdict, also those connections remember: the next request of each caller is verified again. */
    public synchronized void invalidateAll() {
        if (cache != null) {
            generation++;
            cache.invalidateAll();
            cache.cleanUp();
        }
    }

    /** Entries held now (after pending evictions). */
    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static SecurityIdentity slim(SecurityIdentity identity, JsonWebToken token) {
        Map<String, Object> claims = new HashMap<>();
        for (String name : KEPT_CLAIMS) {
            Object value = token.getClaim(name);
            if (value != null) {
                claims.put(name, value instanceof Number || value instanceof String ? value : value.toString());
            }
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new CachedCaller(token.getName(), Map.copyOf(claims)))
                .addRoles(identity.getRoles())
                .setAnonymous(false)
                .build();
    }

    /**
     * The SHA-256 of the header's UTF-8 bytes. A token is ASCII: its bytes go through a buffer kept per
     * thread, so a request's lookup copies neither the header (about a kilobyte) nor the digest.
     */
    static Key key(String authorization) {
        MessageDigest sha256 = SHA256.get();
        Buffers buffers = BUFFERS.get();
        int length = authorization.length();
        if (length <= buffers.text.length && ascii(authorization, buffers.text)) {
            sha256.update(buffers.text, 0, length);
        } else {
            sha256.update(authorization.getBytes(StandardCharsets.UTF_8));
        }
        byte[] digest = buffers.digest;
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
        return new Key(word(digest, 0), word(digest, 8), word(digest, 16), word(digest, 24));
    }

    /** Copies {@code text} into {@code into} as bytes; false (nothing usable) once a character is not ASCII. */
    private static boolean ascii(String text, byte[] into) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                return false;
            }
            into[i] = (byte) c;
        }
        return true;
    }

    private static long word(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    private static final class Buffers {
        final byte[] text = new byte[8192];
        final byte[] digest = new byte[32];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** A verified caller's name and the few claims the gateway reads; the token itself is not kept. */
    private record CachedCaller(String name, Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
