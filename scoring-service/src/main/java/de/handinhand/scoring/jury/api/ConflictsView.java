package de.handinhand.scoring.jury.api;

import java.util.List;

public record ConflictsView(String username, List<String> municipalities, List<String> kreise,
        List<String> bundeslaender, List<RemovedAssignment> removedAssignments) {
}
