package de.handinhand.submission.submission.api;

import java.time.Instant;
import java.util.Map;

/**
 * A submitted version, frozen: the snapshot is what the submitted event carried. A version made by
 * an organizer's correction of an imported entry says who corrected it and when.
 */
public record VersionView(int version, Instant submittedAt, String submittedBy, Instant correctedAt,
        String correctedBy, Map<String, Object> snapshot) {
}
