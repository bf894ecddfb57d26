package de.handinhand.scoring.jury.api;

import java.util.List;
import java.util.UUID;

public record JurorsView(UUID callId, List<String> jurors, List<RemovedAssignment> removedAssignments) {
}
