package de.handinhand.scoring.jury.rest;

import java.util.List;
import java.util.UUID;

public record JurorsView(UUID callId, List<String> jurors, List<RemovedAssignment> removedAssignments) {
}
