package de.handinhand.scoring.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Funding allocation over a ranking, explainable line by line. Each pot (the whole budget, or one
 * category's share of it) walks its entries best first and funds an entry's request, capped at the
 * maximum per project, when it fits into what is left; an entry that does not fit is skipped and
 * the walk goes on, so a smaller request further down can still be funded. Nobody is funded in part
 * below their capped request, and nobody below the minimum per project.
 */
public final class Allocator {

    private Allocator() {
    }

    public enum Decision { FUNDED, CAPPED, SKIPPED_DOES_NOT_FIT, SKIPPED_BELOW_MINIMUM, NO_REQUEST, NOT_RANKED,
        NO_SHARE, WITHDRAWN }

    /** An entry as the ranking shows it; {@code order} is its position in the ranking walk (best first). */
    public record Entry(UUID submissionId, String municipalityId, String category, Integer rank, Double normalized,
            Double mean, Long requestedCents, boolean withdrawn) {
    }

    public record Params(long budgetCents, long minPerProjectCents, Long maxPerProjectCents,
            Map<String, Double> categoryShares) {
    }

    public record Line(UUID submissionId, String municipalityId, String category, Integer rank, Long requestedCents,
            long awardedCents, Decision decision, String reason) {
    }

    public record Pot(String category, long budgetCents, long allocatedCents, long remainingCents) {
    }

    public record Result(long budgetCents, long allocatedCents, long remainingCents, List<Pot> pots, List<Line> lines) {
    }

    /** Best first: rank, then the normalised score and mean, then the submission id, so the walk is total. */
    static final Comparator<Entry> WALK = Comparator
            .comparing(Entry::normalized, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Entry::mean, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Entry::submissionId);

    public static Result allocate(List<Entry> entries, Params params) {
        Map<String, List<Entry>> pots = new LinkedHashMap<>();
        Map<String, Long> budgets = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        List<Line> others = new ArrayList<>();
        boolean shared = params.categoryShares() != null && !params.categoryShares().isEmpty();
        if (shared) {
            params.categoryShares().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                pots.put(e.getKey(), new ArrayList<>());
                budgets.put(e.getKey(), (long) Math.floor(params.budgetCents() * e.getValue()));
            });
        } else {
            pots.put(null, new ArrayList<>());
            budgets.put(null, params.budgetCents());
        }
        for (Entry e : entries) {
            if (e.withdrawn()) {
                others.add(line(e, 0, Decision.WITHDRAWN, "withdrawn by the municipality; not in the ranking"));
            } else if (e.rank() == null) {
                others.add(line(e, 0, Decision.NOT_RANKED, "not ranked: no final juror scores"));
            } else if (shared && !pots.containsKey(e.category())) {
                others.add(line(e, 0, Decision.NO_SHARE, "category " + e.category() + " has no share of the budget"));
            } else {
                pots.get(shared ? e.category() : null).add(e);
            }
        }
        List<Pot> potResults = new ArrayList<>();
        long allocated = 0;
        for (Map.Entry<String, List<Entry>> pot : pots.entrySet()) {
            long budget = budgets.get(pot.getKey());
            long left = budget;
            List<Entry> walk = new ArrayList<>(pot.getValue());
            walk.sort(WALK);
            String where = pot.getKey() == null ? "the budget" : "the " + pot.getKey() + " share";
            for (Entry e : walk) {
                Long asked = e.requestedCents();
                if (asked == null || asked <= 0) {
                    lines.add(line(e, 0, Decision.NO_REQUEST, "no requested amount"));
                    continue;
                }
                long grant = params.maxPerProjectCents() == null ? asked : Math.min(asked, params.maxPerProjectCents());
                if (grant < params.minPerProjectCents()) {
                    lines.add(line(e, 0, Decision.SKIPPED_BELOW_MINIMUM, "asks " + euro(asked)
                            + ", below the minimum per project of " + euro(params.minPerProjectCents())));
                } else if (grant > left) {
                    lines.add(line(e, 0, Decision.SKIPPED_DOES_NOT_FIT, "rank " + e.rank() + ": needs " + euro(grant)
                            + ", only " + euro(left) + " of " + where + " left"));
                } else {
                    left -= grant;
                    boolean capped = grant < asked;
                    lines.add(line(e, grant, capped ? Decision.CAPPED : Decision.FUNDED, "rank " + e.rank() + ": "
                            + (capped ? "capped at the maximum per project of " + euro(grant) + " (asked " + euro(asked) + ")"
                                    : "funded in full (" + euro(grant) + ")")
                            + "; " + euro(left) + " of " + where + " left"));
                }
            }
            allocated += budget - left;
            potResults.add(new Pot(pot.getKey(), budget, budget - left, left));
        }
        lines.addAll(others);
        return new Result(params.budgetCents(), allocated, params.budgetCents() - allocated, potResults, lines);
    }

    private static Line line(Entry e, long awarded, Decision decision, String reason) {
        return new Line(e.submissionId(), e.municipalityId(), e.category(), e.rank(), e.requestedCents(), awarded,
                decision, reason);
    }

    public static String euro(long cents) {
        return String.format(java.util.Locale.GERMANY, "%,d,%02d €", cents / 100, cents % 100);
    }
}
