package de.handinhand.common.web.problem;

/** One offending input: a JSON path such as {@code title} or a question code such as {@code answers.C23}. */
public record FieldError(String field, String message) {
}
