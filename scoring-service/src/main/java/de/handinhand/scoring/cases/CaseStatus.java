package de.handinhand.scoring.cases;

public enum CaseStatus {
    /** The entry is in the competition. */
    ACTIVE,
    /** The municipality withdrew the entry; the case is kept but left out of rankings. */
    WITHDRAWN
}
