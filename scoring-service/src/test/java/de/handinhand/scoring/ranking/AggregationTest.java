package de.handinhand.scoring.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The worked example of the README (section "How the jury's scores become a ranking"), by hand. */
class AggregationTest {

    static final List<Aggregation.Criterion> CRITERIA = List.of(
            new Aggregation.Criterion("BEDARFSANALYSE", 2, 0, 10),
            new Aggregation.Criterion("ZIELE_KONZEPT", 1, 0, 10),
            new Aggregation.Criterion("EVALUATION", 1, 0, 10));

    static Map<String, Aggregation.Mark> marks(Object bedarf, Object ziele, Object evaluation) {
        Map<String, Aggregation.Mark> m = new HashMap<>();
        put(m, "BEDARFSANALYSE", bedarf);
        put(m, "ZIELE_KONZEPT", ziele);
        put(m, "EVALUATION", evaluation);
        return m;
    }

    static void put(Map<String, Aggregation.Mark> m, String code, Object points) {
        m.put(code, "n/a".equals(points) ? new Aggregation.Mark(code, null, true)
                : new Aggregation.Mark(code, new BigDecimal(points.toString()), false));
    }

    @Test
    void weightedTotalsOnZeroToHundredCountOnlyApplicableCriteria() {
        // 100 × (2·0.9 + 1·0.9) / (2 + 1) = 90 — not 67.5, which counting n/a as 0 would give.
        assertEquals(90.0, Aggregation.total(CRITERIA, marks(9, 9, "n/a")), 1e-9);
        // 100 × (2·0.6 + 1·0.8 + 1·0.8) / 4 = 70
        assertEquals(70.0, Aggregation.total(CRITERIA, marks(6, 8, 8)), 1e-9);
        assertEquals(40.0, Aggregation.total(CRITERIA, marks(4, 4, 4)), 1e-9);
        assertNull(Aggregation.total(CRITERIA, marks("n/a", "n/a", "n/a")));
    }

    @Test
    void theReadmeExample() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        UUID c = UUID.fromString("00000000-0000-0000-0000-00000000000c");
        List<Aggregation.JurorTotal> totals = List.of(
                new Aggregation.JurorTotal(a, "juror1", Aggregation.total(CRITERIA, marks(9, 9, "n/a"))),
                new Aggregation.JurorTotal(c, "juror1", Aggregation.total(CRITERIA, marks(7, 7, 7))),
                new Aggregation.JurorTotal(b, "juror2", Aggregation.total(CRITERIA, marks(6, 6, 6))),
                new Aggregation.JurorTotal(c, "juror2", Aggregation.total(CRITERIA, marks(4, 4, 4))),
                new Aggregation.JurorTotal(a, "juror3", Aggregation.total(CRITERIA, marks(6, 8, 8))),
                new Aggregation.JurorTotal(b, "juror3", Aggregation.total(CRITERIA, marks(8, 8, 8))));
        Map<UUID, Aggregation.EntryScore> s = Aggregation.aggregate(List.of(a, b, c), totals, 25);

        assertEquals(80.0, s.get(a).mean());
        assertEquals(80.0, s.get(a).median());
        assertEquals(0.0, s.get(a).normalized());
        assertEquals(20.0, s.get(a).spread());
        assertFalse(s.get(a).disagreement());

        assertEquals(70.0, s.get(b).mean());
        assertEquals(1.0, s.get(b).normalized());
        assertEquals(20.0, s.get(b).spread());

        assertEquals(55.0, s.get(c).mean());
        assertEquals(-1.0, s.get(c).normalized());
        assertEquals(30.0, s.get(c).spread());
        assertTrue(s.get(c).disagreement());
        assertEquals(2, s.get(c).jurorCount());
    }

    @Test
    void medianOfAnOddCountAndAJurorWithOneEntryIsNeutral() {
        UUID x = UUID.randomUUID();
        Map<UUID, Aggregation.EntryScore> s = Aggregation.aggregate(List.of(x, UUID.randomUUID()), List.of(
                new Aggregation.JurorTotal(x, "a", 10), new Aggregation.JurorTotal(x, "b", 40),
                new Aggregation.JurorTotal(x, "c", 100)), 50);
        assertEquals(40.0, s.get(x).median());
        assertEquals(50.0, s.get(x).mean());
        assertEquals(0.0, s.get(x).normalized());
        assertTrue(s.get(x).disagreement());
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        assertEquals(Arrays.asList(1, 1, 3, 4, 4, 4, 7, null),
                Aggregation.competitionRanks(Arrays.asList(0.9, 0.9, 0.5, 0.1, 0.1, 0.1, -1.0, null)));
    }

    @Test
    void csvCellsCannotRunAsFormulas() {
        String csv = new Csv().row(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "normal, quoted", -0.5)).toString();
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),\"normal, quoted\",-0.5\r\n", csv);
    }
}
