package de.handinhand.scoring.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    static UUID id(int n) {
        return new UUID(0, n);
    }

    static Allocator.Entry entry(int n, String category, Integer rank, Double normalized, Long requested) {
        return new Allocator.Entry(id(n), "0" + n, category, rank, normalized, 50.0, requested, false);
    }

    @Test
    void walksTheRankingFundingWhatFitsAndSkippingWhatDoesNot() {
        // Budget 100,000 €, minimum 10,000 €, maximum 40,000 € per project.
        List<Allocator.Entry> entries = List.of(
                entry(1, "LANDKREIS", 1, 1.2, 5_000_000L),   // asks 50,000 → capped at 40,000; 60,000 left
                entry(2, "LANDKREIS", 2, 0.8, 3_500_000L),   // 35,000 fits; 25,000 left
                entry(3, "LANDKREIS", 3, 0.1, 3_000_000L),   // 30,000 does not fit; skipped
                entry(4, "LANDKREIS", 4, -0.5, 500_000L),    // 5,000 is below the minimum
                entry(5, "LANDKREIS", 5, -0.9, 2_000_000L),  // 20,000 fits; 5,000 left
                entry(6, "LANDKREIS", null, null, 1_000_000L),
                new Allocator.Entry(id(7), "07", "LANDKREIS", null, null, null, 1_000_000L, true));
        Allocator.Result r = Allocator.allocate(entries,
                new Allocator.Params(10_000_000L, 1_000_000L, 4_000_000L, null));

        Map<UUID, Allocator.Line> lines = new java.util.HashMap<>();
        r.lines().forEach(l -> lines.put(l.submissionId(), l));
        assertEquals(7, r.lines().size());
        assertEquals(Allocator.Decision.CAPPED, lines.get(id(1)).decision());
        assertEquals(4_000_000L, lines.get(id(1)).awardedCents());
        assertEquals(Allocator.Decision.FUNDED, lines.get(id(2)).decision());
        assertEquals(3_500_000L, lines.get(id(2)).awardedCents());
        assertEquals(Allocator.Decision.SKIPPED_DOES_NOT_FIT, lines.get(id(3)).decision());
        assertEquals("rank 3: needs 30.000,00 €, only 25.000,00 € of the budget left", lines.get(id(3)).reason());
        assertEquals(Allocator.Decision.SKIPPED_BELOW_MINIMUM, lines.get(id(4)).decision());
        assertEquals(Allocator.Decision.FUNDED, lines.get(id(5)).decision());
        assertEquals(Allocator.Decision.NOT_RANKED, lines.get(id(6)).decision());
        assertEquals(Allocator.Decision.WITHDRAWN, lines.get(id(7)).decision());
        assertEquals(9_500_000L, r.allocatedCents());
        assertEquals(500_000L, r.remainingCents());
        assertEquals(List.of(id(1), id(2), id(3), id(4), id(5), id(6), id(7)),
                r.lines().stream().map(Allocator.Line::submissionId).toList());
    }

    @Test
    void categorySharesMakeSeparatePots() {
        List<Allocator.Entry> entries = List.of(
                entry(1, "LANDKREIS", 1, 1.0, 6_000_000L),
                entry(2, "STADT_GROSS", 1, 0.2, 6_000_000L),
                entry(3, "GEMEINDE_KLEIN", 1, 0.9, 100L));
        Allocator.Result r = Allocator.allocate(entries, new Allocator.Params(10_000_000L, 0, null,
                Map.of("LANDKREIS", 0.6, "STADT_GROSS", 0.4)));
        assertEquals(List.of(new Allocator.Pot("LANDKREIS", 6_000_000L, 6_000_000L, 0),
                new Allocator.Pot("STADT_GROSS", 4_000_000L, 0, 4_000_000L)), r.pots());
        assertEquals(Allocator.Decision.NO_SHARE, r.lines().get(2).decision());
        assertEquals(6_000_000L, r.allocatedCents());
    }
}
