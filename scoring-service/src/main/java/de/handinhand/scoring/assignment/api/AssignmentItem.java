package de.handinhand.scoring.assignment.api;

import de.handinhand.scoring.assignment.Assignment;
import de.handinhand.scoring.cases.CaseStatus;
import java.time.Instant;
import java.util.UUID;

/** One pair in force: the juror reads and scores the entry ({@code status} is the entry's, e.g. WITHDRAWN). */
public record AssignmentItem(String juror, UUID submissionId, UUID caseId, Assignment.Mode mode, CaseStatus status,
        Instant assignedAt) {
}
