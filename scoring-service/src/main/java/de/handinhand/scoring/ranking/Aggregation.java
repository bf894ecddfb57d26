package de.handinhand.scoring.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The jury's arithmetic, free of storage so it can be checked by hand: a juror's weighted total
 * on 0–100 over the applicable criteria, per entry mean, median, spread and the juror-normalised
 * score (mean of the jurors' z-scores), and competition ranking (1, 1, 3) on the normalised score.
 */
public final class Aggregation {

    private Aggregation() {
    }

    public record Criterion(String code, double weight, int min, int max) {
    }

    /** One criterion's mark: points, or not applicable (never counted as 0). */
    public record Mark(String criterion, BigDecimal points, boolean notApplicable) {
    }

    /** A juror's final total for one case. */
    public record JurorTotal(UUID caseId, String juror, double total) {
    }

    public record EntryScore(UUID caseId, List<JurorTotal> totals, Double mean, Double median, Double normalized,
            Double spread, boolean disagreement, int jurorCount) {
    }

    /**
     * Weighted total on 0–100: {@code 100 × Σ w·(p−min)/(max−min) / Σ w} over the criteria that are
     * scored and applicable. Null when no criterion applies (the juror then does not count).
     */
    public static Double total(List<Criterion> criteria, Map<String, Mark> marks) {
        double weighted = 0;
        double weights = 0;
        for (Criterion c : criteria) {
            Mark m = marks.get(c.code());
            if (m == null || m.notApplicable() || m.points() == null) {
                continue;
            }
            weighted += c.weight() * (m.points().doubleValue() - c.min()) / (c.max() - c.min());
            weights += c.weight();
        }
        return weights == 0 ? null : 100 * weighted / weights;
    }

    /**
     * Aggregates the totals of the given cases. Each juror's z-scores are taken over all the totals
     * that juror gave among {@code totals} (population standard deviation); a juror whose totals
     * do not vary (or who scored one entry) contributes z = 0.
     */
    public static Map<UUID, EntryScore> aggregate(List<UUID> caseIds, List<JurorTotal> totals, double spreadLimit) {
        Map<String, double[]> jurorStats = new TreeMap<>();
        Map<String, List<Double>> byJuror = new TreeMap<>();
        for (JurorTotal t : totals) {
            byJuror.computeIfAbsent(t.juror(), j -> new ArrayList<>()).add(t.total());
        }
        byJuror.forEach((juror, values) -> {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
            jurorStats.put(juror, new double[] {mean, Math.sqrt(variance)});
        });
        Map<UUID, List<JurorTotal>> byCase = new HashMap<>();
        for (JurorTotal t : totals) {
            byCase.computeIfAbsent(t.caseId(), id -> new ArrayList<>()).add(t);
        }
        Map<UUID, EntryScore> result = new HashMap<>();
        for (UUID caseId : caseIds) {
            List<JurorTotal> own = new ArrayList<>(byCase.getOrDefault(caseId, List.of()));
            own.sort(Comparator.comparing(JurorTotal::juror));
            if (own.isEmpty()) {
                result.put(caseId, new EntryScore(caseId, List.of(), null, null, null, null, false, 0));
                continue;
            }
            List<Double> values = own.stream().map(JurorTotal::total).sorted().toList();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            int n = values.size();
            double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
            double spread = values.get(n - 1) - values.get(0);
            double z = 0;
            for (JurorTotal t : own) {
                double[] stats = jurorStats.get(t.juror());
                z += stats[1] < 1e-9 ? 0 : (t.total() - stats[0]) / stats[1];
            }
            result.put(caseId, new EntryScore(caseId, own, round(mean, 2), round(median, 2), round(z / n, 3),
                    round(spread, 2), spread > spreadLimit + 1e-9, n));
        }
        return result;
    }

    /**
     * Competition ranking over already sorted (best first) scores: equal scores share a rank and the
     * next rank skips (1, 1, 3). Null scores are unranked and get null.
     */
    public static List<Integer> competitionRanks(List<Double> sortedScores) {
        List<Integer> ranks = new ArrayList<>(sortedScores.size());
        for (int i = 0; i < sortedScores.size(); i++) {
            Double score = sortedScores.get(i);
            if (score == null) {
                ranks.add(null);
            } else if (i > 0 && score.equals(sortedScores.get(i - 1))) {
                ranks.add(ranks.get(i - 1));
            } else {
                ranks.add(i + 1);
            }
        }
        return ranks;
    }

    public static Double round(Double value, int places) {
        if (value == null) {
            return null;
        }
        double r = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
        return r == 0 ? 0.0 : r; // no -0.0
    }
}
