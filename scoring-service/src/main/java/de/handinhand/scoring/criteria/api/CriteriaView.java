package de.handinhand.scoring.criteria.api;

import java.util.List;
import java.util.UUID;

/**
 * A call's criteria. {@code defaults} is true while the organizer has set none; {@code reopenedSheets}
 * counts final score sheets a confirmed change sent back to their jurors.
 */
public record CriteriaView(UUID callId, List<CriterionView> criteria, boolean defaults, boolean scoringStarted,
        double disagreementSpread, int reopenedSheets) {
}
