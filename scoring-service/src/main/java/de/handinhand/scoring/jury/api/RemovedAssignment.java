package de.handinhand.scoring.jury.api;

import java.util.UUID;

/** An assignment taken away because the juror left the jury or declared a conflict. */
public record RemovedAssignment(UUID callId, UUID caseId, UUID submissionId, String juror, String reason) {
}
