package de.handinhand.submission.form;

import java.util.List;

/** An ordered section of a form (A, B, C1, C2, …). */
public record Section(String code, String title, List<Question> questions) {
}
