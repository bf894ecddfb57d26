package de.handinhand.submission.submission.rest;

import java.time.Instant;

/** One submitted version of an entry. */
public record VersionSummary(int version, Instant submittedAt, String submittedBy) {
}
