package de.handinhand.submission.submission.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;

/** One submitted version of an entry. */
@Schema(example = """
        {"version": 2, "submittedAt": "2026-06-12T14:03:11Z", "submittedBy": "dachau"}""")
public record VersionSummary(int version, Instant submittedAt, String submittedBy) {
}
