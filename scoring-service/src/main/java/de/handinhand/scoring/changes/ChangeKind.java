package de.handinhand.scoring.changes;

/** What happened, as the change feed tells jury tools. */
public enum ChangeKind {
    CASE_UPDATED,
    CASE_WITHDRAWN,
    ASSIGNMENT_ADDED,
    ASSIGNMENT_REMOVED,
    SHEET_SAVED,
    SHEET_FINALISED,
    CRITERIA_CHANGED,
    RESULTS_PUBLISHED
}
