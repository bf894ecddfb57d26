package de.handinhand.submission.submission.api;

import java.util.Map;

/** One single project: its answers keyed by the first project's codes (D10…D15). */
public record ProjectEntry(Map<String, Object> answers) {
}
