package de.handinhand.submission.form;

/** How a question is answered (API.md): the JSON shape of its answer follows from the type. */
public enum QuestionType {
    /** One line of text, at most {@code maxLength} characters. */
    TEXT,
    /** Free text, at most {@code maxLength} characters. */
    LONG_TEXT,
    /** {@code YES} or {@code NO}. */
    YES_NO,
    /** {@code YES}, {@code NO} or {@code PLANNED}. */
    YES_NO_PLANNED,
    /** One option code. */
    SINGLE_CHOICE,
    /** An array of distinct option codes. */
    MULTI_CHOICE,
    /** A whole number. */
    NUMBER,
    /** An amount in euro cents (whole number, not negative). */
    MONEY,
    /** A date {@code YYYY-MM-DD}. */
    DATE
}
