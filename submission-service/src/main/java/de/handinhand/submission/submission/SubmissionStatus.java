package de.handinhand.submission.submission;

public enum SubmissionStatus {
    DRAFT,
    SUBMITTED,
    WITHDRAWN
}
