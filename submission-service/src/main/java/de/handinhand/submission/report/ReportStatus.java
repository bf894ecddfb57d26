package de.handinhand.submission.report;

/** A final report is written as a draft and submitted once. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED
}
