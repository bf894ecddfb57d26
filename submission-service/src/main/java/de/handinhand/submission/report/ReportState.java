package de.handinhand.submission.report;

/**
 * Where a funded project stands with its final report, as the Kreis organizer follows it: still
 * {@code RUNNING} (its end date not passed, no report), {@code DUE} (ended, nothing written yet), a
 * {@code DRAFT} being written, or {@code SUBMITTED}.
 */
public enum ReportState {
    RUNNING,
    DUE,
    DRAFT,
    SUBMITTED
}
