package de.handinhand.submission.submission.rest;

import java.time.Instant;
import java.util.Map;

/** A submitted version, frozen: the snapshot is what the submitted event carried. */
public record VersionView(int version, Instant submittedAt, String submittedBy, Map<String, Object> snapshot) {
}
