package de.handinhand.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by key, in memory and bounded. A bucket that has refilled completely behaves
 * exactly like a new one, so it is dropped in the next sweep: the table holds only the clients
 * active in the last few seconds. Should more distinct keys arrive than {@code maxKeys} before a
 * sweep can drop any (a flood of fresh addresses), the newcomers share one overflow bucket per
 * group instead of growing the table; clients that already hold a bucket are not affected.
 */
public final class TokenBuckets {

    /** One bucket's rules: refilled at {@code perSecond}, holding at most {@code burst} requests. */
    public record Limit(String group, double perSecond, int burst) {

        public Limit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("Rate limit " + group + " needs requests-per-second > 0 and burst >= 1");
            }
        }

        /**
         * This gateway's share when {@code gateways} instances divide the limit among them: each holds
         * 1/n of the rate and of the burst (rounded up, at least 1), so a client whose requests are spread
         * over all of them gets the configured rate cluster-wide, with a burst of at least the configured one.
         */
        public Limit shareOf(int gateways) {
            if (gateways < 1) {
                throw new IllegalArgumentException("Rate limit " + group + ": gateway instances must be >= 1, not "
                        + gateways);
            }
            return new Limit(group, perSecond / gateways, (int) Math.ceil((double) burst / gateways));
        }
    }

    /**
     * The outcome of one request: whether it may pass, the tokens left, whole seconds until one more
     * request may pass ({@code retryAfter}, at least 1) and until the bucket is full again ({@code reset}).
     */
    public record Decision(boolean allowed, Limit limit, int remaining, long retryAfter, long reset) {
    }

    static final String OVERFLOW = "overflow";
    private static final long SWEEP_INTERVAL = TimeUnit.SECONDS.toNanos(10);

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final AtomicLong lastSweep;

    public TokenBuckets(int maxKeys, LongSupplier nanoTime) {
        this.maxKeys = Math.max(1, maxKeys);
        this.nanoTime = nanoTime;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    public Decision take(Limit limit, String client) {
        long now = nanoTime.getAsLong();
        long last = lastSweep.get();
        if (now - last >= SWEEP_INTERVAL && lastSweep.compareAndSet(last, now)) {
            sweep(now);
        }
        String key = limit.group() + '|' + client;
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                long previous = lastSweep.get();
                // A full table is swept at once, but at most once a second so a flood cannot make every request sweep.
                if (now - previous >= TimeUnit.SECONDS.toNanos(1) && lastSweep.compareAndSet(previous, now)) {
                    sweep(now);
                }
                if (buckets.size() >= maxKeys) {
                    key = limit.group() + '|' + OVERFLOW;
                }
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit, now));
        }
        return bucket.take(now);
    }

    /** Drops every bucket that has refilled completely. */
    void sweep(long now) {
        // A request racing with the removal is counted on a dropped bucket: at worst one extra request passes.
        buckets.values().removeIf(bucket -> bucket.full(now));
    }

    int size() {
        return buckets.size();
    }

    private static final class Bucket {

        private final Limit limit;
        private double tokens;
        private long updated;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.updated = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long retryAfter = allowed ? 0 : seconds((1 - tokens) / limit.perSecond());
            long reset = seconds((limit.burst() - tokens) / limit.perSecond());
            return new Decision(allowed, limit, (int) Math.floor(tokens), Math.max(allowed ? 0 : 1, retryAfter), reset);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= limit.burst();
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(limit.burst(), tokens + (now - updated) / 1e9 * limit.perSecond());
                updated = now;
            }
        }

        private static long seconds(double value) {
            return (long) Math.ceil(value - 1e-9);
        }
    }
}
