package de.handinhand.submission.call;

/** What a call is: a competition with prizes, a funding call with a budget, or a dialogue report. */
public enum CallKind {
    COMPETITION,
    FUNDING,
    DIALOG_REPORT
}
