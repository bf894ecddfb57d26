package de.handinhand.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.gateway.ratelimit.TokenBuckets.Decision;
import de.handinhand.gateway.ratelimit.TokenBuckets.Limit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Limit reads = new Limit("default", 2, 4);

    @Test
    void theBurstPassesThenTheRateHolds() {
        TokenBuckets buckets = new TokenBuckets(100, clock::get);
        for (int i = 3; i >= 0; i--) {
            Decision decision = buckets.take(reads, "sub:a");
            assertTrue(decision.allowed());
            assertEquals(i, decision.remaining());
        }
        Decision refused = buckets.take(reads, "sub:a");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfter(), "one token comes back in 0.5 s: Retry-After is whole seconds, at least 1");
        assertEquals(2, refused.reset());

        advance(400);
        assertFalse(buckets.take(reads, "sub:a").allowed());
        advance(110);
        assertTrue(buckets.take(reads, "sub:a").allowed());
        assertFalse(buckets.take(reads, "sub:a").allowed(), "a refused request takes no token, a passed one does");
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        TokenBuckets buckets = new TokenBuckets(100, clock::get);
        Limit slow = new Limit("uploads", 0.2, 1);
        assertTrue(buckets.take(slow, "sub:a").allowed());
        assertEquals(5, buckets.take(slow, "sub:a").retryAfter());
        advance(4_100);
        assertEquals(1, buckets.take(slow, "sub:a").retryAfter());
    }

    @Test
    void clientsAndGroupsHaveBucketsOfTheirOwn() {
        TokenBuckets buckets = new TokenBuckets(100, clock::get);
        Limit writes = new Limit("writes", 1, 1);
        assertTrue(buckets.take(writes, "sub:a").allowed());
        assertFalse(buckets.take(writes, "sub:a").allowed());
        assertTrue(buckets.take(writes, "sub:b").allowed());
        assertTrue(buckets.take(reads, "sub:a").allowed());
    }

    @Test
    void idleClientsAreDroppedOnceTheirBucketIsFull() {
        TokenBuckets buckets = new TokenBuckets(100, clock::get);
        buckets.take(reads, "sub:a");
        for (int i = 0; i < 4; i++) {
            buckets.take(reads, "sub:b");
        }
        advance(300);
        buckets.sweep(clock.get());
        assertEquals(2, buckets.size(), "neither bucket has refilled yet");
        advance(2_000);
        buckets.sweep(clock.get());
        assertEquals(0, buckets.size());
        // The periodic sweep runs by itself on the next request.
        buckets.take(reads, "sub:c");
        advance(TimeUnit.SECONDS.toMillis(11));
        buckets.take(reads, "sub:d");
        assertEquals(1, buckets.size());
    }

    @Test
    void aFloodOfNewKeysSharesOneBucketInsteadOfGrowingTheTable() {
        TokenBuckets buckets = new TokenBuckets(10, clock::get);
        Limit strict = new Limit("default", 1, 1);
        for (int i = 0; i < 10; i++) {
            assertTrue(buckets.take(strict, "addr:10.0.0." + i).allowed());
        }
        int passed = 0;
        for (int i = 10; i < 10_000; i++) {
            passed += buckets.take(strict, "addr:10.0." + i / 256 + "." + i % 256).allowed() ? 1 : 0;
        }
        assertEquals(1, passed, "the newcomers share one bucket");
        assertEquals(11, buckets.size());
        assertFalse(buckets.take(strict, "addr:10.0.0.3").allowed(), "clients already known keep their own bucket");
        advance(2_000);
        assertTrue(buckets.take(strict, "addr:192.0.2.1").allowed(), "room again once the idle ones are swept");
        assertTrue(buckets.size() <= 11);
    }

    @Test
    void nonsenseLimitsAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new Limit("x", 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Limit("x", 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Limit("x", Double.NaN, 1));
    }

    @Test
    void eachOfSeveralGatewaysHoldsItsShareSoTheClusterAllowsTheConfiguredRate() {
        Limit writes = new Limit("writes", 10, 30);
        Limit share = writes.shareOf(3);
        assertEquals(new Limit("writes", 10.0 / 3, 10), share);
        assertEquals(writes, writes.shareOf(1), "one gateway holds the whole limit");
        assertEquals(8, writes.shareOf(4).burst(), "a burst that does not divide is rounded up: never below the configured one");
        assertEquals(1, new Limit("uploads", 2, 2).shareOf(6).burst(), "every gateway lets at least one request through");

        // A client spread evenly over three gateways: its burst and then its rate, counted across all three.
        List<TokenBuckets> gateways = List.of(new TokenBuckets(100, clock::get), new TokenBuckets(100, clock::get),
                new TokenBuckets(100, clock::get));
        assertEquals(30, passing(gateways, share, 90), "the burst, cluster-wide");
        // Each gateway refills 10/3 a second: a single second passes 9 or 12 (whole tokens), six seconds 60.
        int passed = 0;
        for (int second = 0; second < 6; second++) {
            advance(1_000);
            passed += passing(gateways, share, 90);
        }
        assertTrue(passed >= 57 && passed <= 60, "10 a second cluster-wide over 6 s, passed " + passed);
        assertThrows(IllegalArgumentException.class, () -> writes.shareOf(0));
    }

    /** Sends {@code requests} of one client, in turn to each gateway; returns how many passed. */
    private static int passing(List<TokenBuckets> gateways, Limit limit, int requests) {
        int passed = 0;
        for (int i = 0; i < requests; i++) {
            if (gateways.get(i % gateways.size()).take(limit, "sub:a").allowed()) {
                passed++;
            }
        }
        return passed;
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
