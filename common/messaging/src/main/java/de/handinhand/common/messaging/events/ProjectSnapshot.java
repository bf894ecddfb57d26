package de.handinhand.common.messaging.events;

import jakarta.validation.constraints.Min;
import java.util.Map;

/**
 * One single project (Einzelprojekt) of an entry: its 1-based position, its answers keyed by the
 * first project's codes (D10…D15), and title (D10) and description (D15) lifted out for consumers.
 */
public record ProjectSnapshot(
        @Min(1) int index,
        String title,
        String description,
        Map<String, Object> answers) {
}
