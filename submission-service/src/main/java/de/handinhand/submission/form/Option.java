package de.handinhand.submission.form;

/** A choice of a question: a stable code the API uses and the German label the form shows. */
public record Option(String code, String label) {
}
