package de.handinhand.scoring.jury.api;

/**
 * A juror of a call: {@code assignments} counts the active entries assigned to them, {@code finalSheets}
 * how many of those they have finalised for the entry's current version.
 */
public record JurorItem(String username, long assignments, long finalSheets) {
}
