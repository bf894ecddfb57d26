package de.handinhand.scoring.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.scoring.assignment.service.AutoAssigner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AutoAssignerTest {

    static List<UUID> cases(int n, long seed) {
        Random r = new Random(seed);
        return IntStream.range(0, n).mapToObj(i -> new UUID(r.nextLong(), r.nextLong())).toList();
    }

    static final List<String> JURORS = List.of("juror1", "juror2", "juror3", "juror4", "juror5", "juror6", "juror7");

    @Test
    void everyEntryGetsKDistinctJurorsAndLoadsStayWithinOneOfTheMean() {
        List<UUID> cases = cases(100, 1);
        AutoAssigner.Result r = AutoAssigner.assign(cases, JURORS, Map.of(), (j, c) -> true, 3, 123);
        Map<UUID, Set<String>> per = new HashMap<>();
        r.added().forEach(p -> assertTrue(per.computeIfAbsent(p.caseId(), id -> new HashSet<>()).add(p.juror())));
        cases.forEach(c -> assertEquals(3, per.get(c).size()));
        double mean = 300.0 / JURORS.size();
        r.loads().values().forEach(load -> assertTrue(Math.abs(load - mean) <= 1, "load " + load + " vs mean " + mean));
        assertTrue(r.understaffed().isEmpty());
    }

    @Test
    void theSameSeedAndInputsGiveTheSameAssignmentWhateverTheInputOrder() {
        List<UUID> cases = cases(50, 2);
        List<UUID> shuffled = new ArrayList<>(cases);
        Collections.shuffle(shuffled, new Random(99));
        List<String> jurors = new ArrayList<>(JURORS);
        Collections.reverse(jurors);
        AutoAssigner.Result first = AutoAssigner.assign(cases, JURORS, Map.of(), (j, c) -> true, 2, 42);
        AutoAssigner.Result again = AutoAssigner.assign(shuffled, jurors, Map.of(), (j, c) -> true, 2, 42);
        assertEquals(Set.copyOf(first.added()), Set.copyOf(again.added()));
        assertEquals(first.added(), again.added());
        AutoAssigner.Result other = AutoAssigner.assign(cases, JURORS, Map.of(), (j, c) -> true, 2, 43);
        assertNotEquals(Set.copyOf(first.added()), Set.copyOf(other.added()));
    }

    @Test
    void conflictsAreHonouredAndEntriesWithoutEnoughEligibleJurorsAreReported() {
        List<UUID> cases = cases(20, 3);
        UUID blocked = cases.get(0);
        // juror1 and juror2 may not take the first half; nobody but juror3 may take "blocked".
        Set<UUID> firstHalf = Set.copyOf(cases.subList(0, 10));
        AutoAssigner.Result r = AutoAssigner.assign(cases, List.of("juror1", "juror2", "juror3", "juror4"), Map.of(),
                (j, c) -> c.equals(blocked) ? j.equals("juror3")
                        : !(firstHalf.contains(c) && (j.equals("juror1") || j.equals("juror2"))), 2, 7);
        r.added().forEach(p -> {
            if (p.caseId().equals(blocked)) {
                assertEquals("juror3", p.juror());
            } else if (firstHalf.contains(p.caseId())) {
                assertTrue(Set.of("juror3", "juror4").contains(p.juror()));
            }
        });
        assertEquals(List.of(blocked), r.understaffed());
    }

    @Test
    void existingAssignmentsAreKeptAndCounted() {
        List<UUID> cases = cases(6, 4);
        Map<UUID, Set<String>> existing = Map.of(cases.get(0), Set.of("juror1"), cases.get(1), Set.of("juror1"));
        AutoAssigner.Result r = AutoAssigner.assign(cases, List.of("juror1", "juror2", "juror3"), existing,
                (j, c) -> true, 1, 5);
        assertEquals(4, r.added().size());
        assertEquals(Map.of("juror1", 2, "juror2", 2, "juror3", 2), r.loads());
    }
}
