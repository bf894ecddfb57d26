package de.handinhand.scoring.assignment.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Balanced, reproducible automatic assignment. Inputs are sorted first and every random choice
 * comes from one {@link Random} seeded by the caller (its sequence is specified by the JDK), so the
 * same seed and inputs give the same pairs on any machine. Cases are visited in a seeded shuffle;
 * each gets the eligible jurors with the lowest load so far, ties broken by a seeded juror order.
 * Without conflicts and starting from no load, loads never differ by more than one.
 */
public final class AutoAssigner {

    private AutoAssigner() {
    }

    public record Pair(String juror, UUID caseId) {
    }

    public record Result(List<Pair> added, Map<String, Integer> loads, List<UUID> understaffed) {
    }

    /**
     * @param existing jurors already on each case (kept, and counted in the loads)
     * @param eligible whether a juror may take a case (not conflicted)
     */
    public static Result assign(List<UUID> caseIds, List<String> jurors, Map<UUID, Set<String>> existing,
            BiPredicate<String, UUID> eligible, int perCase, long seed) {
        Random random = new Random(seed);
        List<UUID> order = new ArrayList<>(caseIds);
        order.sort(Comparator.naturalOrder());
        Collections.shuffle(order, random);
        List<String> priority = new ArrayList<>(jurors);
        Collections.sort(priority);
        Collections.shuffle(priority, random);
        Map<String, Integer> rankOf = new HashMap<>();
        for (int i = 0; i < priority.size(); i++) {
            rankOf.put(priority.get(i), i);
        }
        Map<String, Integer> loads = new TreeMap<>();
        jurors.forEach(j -> loads.put(j, 0));
        existing.forEach((caseId, on) -> on.forEach(j -> loads.computeIfPresent(j, (k, v) -> v + 1)));

        List<Pair> added = new ArrayList<>();
        List<UUID> understaffed = new ArrayList<>();
        for (UUID caseId : order) {
            Set<String> on = existing.getOrDefault(caseId, Set.of());
            long already = on.stream().filter(loads::containsKey).count();
            int need = (int) Math.max(0, perCase - already);
            if (need == 0) {
                continue;
            }
            List<String> candidates = new ArrayList<>(priority.stream()
                    .filter(j -> !on.contains(j) && eligible.test(j, caseId)).toList());
            candidates.sort(Comparator.<String>comparingInt(loads::get).thenComparingInt(rankOf::get));
            List<String> chosen = candidates.subList(0, Math.min(need, candidates.size()));
            for (String juror : chosen) {
                added.add(new Pair(juror, caseId));
                loads.merge(juror, 1, Integer::sum);
            }
            if (chosen.size() < need) {
                understaffed.add(caseId);
            }
        }
        understaffed.sort(Comparator.naturalOrder());
        return new Result(added, loads, understaffed);
    }
}
