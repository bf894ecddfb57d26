package de.handinhand.scoring.scores;

/**
 * Where a juror's sheet for a case stands, as the juror's case list shows it. A sheet of an older
 * entry version is OUTDATED whether it was a draft or final: its marks refer to a text the entry no
 * longer has, so the juror reads the entry again and saves (or finalises) anew.
 */
public enum SheetState {
    /** No sheet saved yet. */
    NONE,
    /** Saved for the current version, not final. */
    DRAFT,
    /** Final for the current version. */
    FINAL,
    /** Saved for an older version of the entry (draft or final): the entry was resubmitted since. */
    OUTDATED;

    /** @param entryVersion the version the sheet scored, null without a sheet */
    public static SheetState of(Integer entryVersion, boolean finalised, int caseVersion) {
        if (entryVersion == null) {
            return NONE;
        }
        if (entryVersion < caseVersion) {
            return OUTDATED;
        }
        return finalised ? FINAL : DRAFT;
    }
}
