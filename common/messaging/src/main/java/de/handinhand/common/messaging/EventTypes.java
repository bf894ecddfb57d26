package de.handinhand.common.messaging;

/** The CloudEvents {@code type}s of SPEC §4 and the topics they travel on. */
public final class EventTypes {

    public static final String SUBMISSION_TOPIC = "submission-events";
    public static final String SCORING_TOPIC = "scoring-events";
    public static final String CATALOGUE_TOPIC = "catalogue-events";

    public static final String SUBMISSION_SUBMITTED = "handinhand.submission.submitted";
    public static final String SUBMISSION_WITHDRAWN = "handinhand.submission.withdrawn";
    public static final String CALL_PUBLISHED = "handinhand.call.published";
    public static final String RESULTS_PUBLISHED = "handinhand.results.published";
    /** On {@link #SCORING_TOPIC}, key = submission id: who may read an entry (its assigned jurors). */
    public static final String ASSIGNMENTS_CHANGED = "handinhand.assignments.changed";
    public static final String OFFER_PUBLISHED = "handinhand.offer.published";

    private EventTypes() {
    }
}
