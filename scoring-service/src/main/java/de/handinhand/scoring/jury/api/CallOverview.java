package de.handinhand.scoring.jury.api;

import de.handinhand.scoring.jury.JuryPhase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call as the jury sees it: its phase from the call's dates, its jurors and the jury's state. */
public record CallOverview(UUID callId, String title, String kind, JuryPhase phase, Instant deadline,
        Instant juryEndsAt, List<String> categories, Long budgetCents, List<String> jurors, long activeEntries,
        long withdrawnEntries, Long assignmentSeed, Instant resultsPublishedAt) {
}
