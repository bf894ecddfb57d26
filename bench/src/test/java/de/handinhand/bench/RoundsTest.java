package de.handinhand.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundsTest {

    /** A target that records when it ran and answers with the rates it is given, one per call. */
    private static final class Scripted implements Rounds.Target {

        private final String name;
        private final List<String> log;
        private final double[] rates;
        private final double p50;
        private int calls;

        Scripted(String name, List<String> log, double p50, double... rates) {
            this.name = name;
            this.log = log;
            this.p50 = p50;
            this.rates = rates;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Rounds.Measurement measure(Duration duration) {
            log.add(name + ":" + duration.toSeconds());
            Stats latency = new Stats();
            latency.add(p50);
            return new Rounds.Measurement(rates[calls++], latency, 0);
        }
    }

    @Test
    void everyTargetIsWarmedUpThenTheOrderAlternatesRoundByRound() throws Exception {
        List<String> log = new ArrayList<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Rounds rounds = new Rounds(Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        Map<String, List<Rounds.Measurement>> results = rounds.run(List.of(
                new Scripted("a", log, 10, 1, 100, 110, 120),
                new Scripted("b", log, 11, 1, 90, 80, 60),
                new Scripted("c", log, 12, 1, 95, 100, 105)));

        assertEquals(List.of("a:2", "b:2", "c:2", "a:5", "b:5", "c:5", "c:5", "b:5", "a:5", "a:5", "b:5", "c:5"), log);
        // Warm-up figures are not kept: each target has exactly one measurement per round, in round order.
        assertEquals(List.of(100.0, 110.0, 120.0), results.get("a").stream().map(Rounds.Measurement::rate).toList());
        assertEquals(List.of(90.0, 80.0, 60.0), results.get("b").stream().map(Rounds.Measurement::rate).toList());
        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(9, out.lines().filter(line -> line.startsWith("round ")).count(), out);
    }

    @Test
    void ratiosAreTakenWithinEachRoundAndSummarisedByMedianAndSpread() {
        List<Rounds.Measurement> base = List.of(m(100, 10), m(200, 5), m(50, 20), m(100, 10));
        List<Rounds.Measurement> proxy = List.of(m(90, 11), m(200, 6), m(25, 30), m(80, 12));

        Rounds.Comparison c = Rounds.compare("proxy", proxy, "direct", base);

        // Ratios per round 0.9, 1.0, 0.5, 0.8: the median of an even count is the mean of the middle two.
        assertEquals(0.85, c.throughput().median(), 1e-9);
        assertEquals(0.5, c.throughput().min(), 1e-9);
        assertEquals(1.0, c.throughput().max(), 1e-9);
        // Added p50 per round 1, 1, 10, 2.
        assertEquals(1.5, c.addedP50().median(), 1e-9);
        assertEquals(10, c.addedP50().max(), 1e-9);
        assertEquals(4, c.rounds());
    }

    @Test
    void aRoundWithoutAnswersIsLeftOutOfTheComparison() {
        Rounds.Comparison c = Rounds.compare("proxy", List.of(m(0, 1), m(90, 11), m(95, 11)), "direct",
                List.of(m(100, 10), m(100, 10), m(100, 10)));

        assertEquals(2, c.rounds());
        assertEquals(0.925, c.throughput().median(), 1e-9);
        assertEquals(0.9, c.throughput().min(), 1e-9);
    }

    @Test
    void theMedianOfAnOddCountIsItsMiddleValue() {
        Rounds.Spread spread = Rounds.Spread.of(List.of(3.0, 1.0, 2.0));
        assertEquals(2.0, spread.median());
        assertEquals(1.0, spread.min());
        assertEquals(3.0, spread.max());
        assertEquals(Double.NaN, Rounds.Spread.of(List.of()).median());
    }

    @Test
    void zeroRoundsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Rounds(Duration.ZERO, Duration.ofSeconds(1), 0, System.out));
    }

    private static Rounds.Measurement m(double rate, double p50) {
        Stats latency = new Stats();
        latency.add(p50);
        return new Rounds.Measurement(rate, latency, 0);
    }
}
