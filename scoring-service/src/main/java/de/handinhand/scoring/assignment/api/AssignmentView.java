package de.handinhand.scoring.assignment.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outcome of an assignment run: the pairs added, every pair now in force, each juror's load,
 * and the entries that could not get k jurors (too few eligible ones).
 */
public record AssignmentView(UUID callId, String mode, Long seed, List<PairView> added, List<PairView> assignments,
        Map<String, Integer> loads, List<UUID> understaffed) {

    public record PairView(String juror, UUID submissionId, UUID caseId) {
    }
}
