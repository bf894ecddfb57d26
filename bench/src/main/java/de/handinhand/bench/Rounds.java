package de.handinhand.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fair comparison of targets that share one machine: every target is warmed up first, then measured for
 * the same time in each of several rounds, the order reversed every other round (A B C, C B A, A B C, ...).
 * Measured one after the other, a target's figures depend on what ran just before it (JIT, caches, the
 * garbage a neighbour left, the page cache) and on drift over the run; alternating spreads both evenly, and
 * comparing within each round (a target against the baseline measured minutes apart, not half an hour)
 * turns the drift into a spread that is printed instead of a bias that is not.
 *
 * <p>Prints each round's figures, then per target against the first (the baseline) the median over the
 * rounds of the throughput ratio and of the added p50 and p99, each with its spread (lowest and highest).
 * The targets are anything that can measure itself for a given time: a closed loop over HTTP, pgbench, an
 * in-process index.
 */
final class Rounds {

    /** One thing to measure: it runs its load for the given time and reports what it saw. */
    interface Target {

        String name();

        /** Runs the load for {@code duration} and returns its figures; the first call after warm-up counts. */
        Measurement measure(Duration duration) throws Exception;
    }

    /** One round of one target: answers per second, their latency, and the failed requests. */
    record Measurement(double rate, Stats latency, long errors) {

        double p(double percentile) {
            return latency.percentile(percentile);
        }
    }

    /** The median of a figure over the rounds and its lowest and highest value. */
    record Spread(double median, double min, double max) {

        static Spread of(List<Double> values) {
            if (values.isEmpty()) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN);
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(median, sorted.get(0), sorted.get(n - 1));
        }

        String format(String pattern) {
            return String.format(Locale.ROOT, pattern + " [" + pattern + " .. " + pattern + "]", median, min, max);
        }
    }

    /** A target against the baseline, round by round: throughput ratio, added p50 and added p99 (ms). */
    record Comparison(String target, String baseline, Spread throughput, Spread addedP50, Spread addedP99, int rounds) {
    }

    private final Duration warmup;
    private final Duration round;
    private final int rounds;
    private final PrintStream out;

    Rounds(Duration warmup, Duration round, int rounds, PrintStream out) {
        if (rounds < 1 || round.isZero() || round.isNegative()) {
            throw new IllegalArgumentException("At least one round of more than zero seconds");
        }
        this.warmup = warmup;
        this.round = round;
        this.rounds = rounds;
        this.out = out;
    }

    /**
     * Warms every target up (each for the warm-up time, in order), then measures the rounds. Returns each
     * target's measurements by name, one per round in round order.
     */
    Map<String, List<Measurement>> run(List<? extends Target> targets) throws Exception {
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        targets.forEach(target -> results.put(target.name(), new ArrayList<>()));
        if (!warmup.isZero()) {
            for (Target target : targets) {
                out.printf(Locale.ROOT, "warm-up  %-8s %d s%n", target.name(), warmup.toSeconds());
                target.measure(warmup);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (Target target : order(targets, r)) {
                Measurement m = target.measure(round);
                results.get(target.name()).add(m);
                out.printf(Locale.ROOT, "round %d  %-8s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s%n", r + 1,
                        target.name(), m.rate(), m.p(50), m.p(99), m.errors() == 0 ? "" : "  errors " + m.errors());
            }
        }
        return results;
    }

    /** The targets in round {@code r}'s order: as given in even rounds, reversed in odd ones. */
    static <T> List<T> order(List<T> targets, int r) {
        List<T> order = new ArrayList<>(targets);
        if (r % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /**
     * Compares a target with the baseline round by round (each ratio from two measurements of the same
     * round); rounds in which either answered nothing are left out.
     */
    static Comparison compare(String target, List<Measurement> measured, String baseline, List<Measurement> base) {
        List<Double> ratios = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int r = 0; r < Math.min(measured.size(), base.size()); r++) {
            Measurement m = measured.get(r);
            Measurement b = base.get(r);
            if (m.rate() > 0 && b.rate() > 0) {
                ratios.add(m.rate() / b.rate());
                p50.add(m.p(50) - b.p(50));
                p99.add(m.p(99) - b.p(99));
            }
        }
        return new Comparison(target, baseline, Spread.of(ratios), Spread.of(p50), Spread.of(p99), ratios.size());
    }

    /** Prints the comparison: median [lowest .. highest] over the rounds. */
    void print(Comparison c) {
        if (c.rounds() == 0) {
            out.printf("%s/%s: no round with answers from both%n", c.target(), c.baseline());
            return;
        }
        out.printf(Locale.ROOT, "%-8s/%s: throughput %s, added p50 %s ms, added p99 %s ms (median [min .. max] of %d rounds)%n",
                c.target(), c.baseline(), c.throughput().format("%.2f"), c.addedP50().format("%+.2f"),
                c.addedP99().format("%+.2f"), c.rounds());
    }
}
