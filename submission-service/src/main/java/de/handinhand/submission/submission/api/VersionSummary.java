package de.handinhand.submission.submission.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/**
 * One submitted version of an entry. {@code correctedAt}/{@code correctedBy} are set on a version
 * an organizer made by correcting an imported entry; it keeps the entry's {@code submittedAt} and
 * {@code submittedBy}.
 */
@Schema(example = """
        {"version": 2, "submittedAt": "2026-06-12T14:03:11Z", "submittedBy": "orga",
         "correctedAt": "2026-06-20T09:41:00Z", "correctedBy": "orga"}""")
public record VersionSummary(int version, Instant submittedAt, String submittedBy, Instant correctedAt,
        String correctedBy) {
}
