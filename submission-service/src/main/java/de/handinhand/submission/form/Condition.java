package de.handinhand.submission.form;

import java.util.List;

/**
 * "Required when": the follow-up of a question depends on another question's answer, e.g. C25a
 * ("Wenn Weitere… Welche?") when C25 includes WEITERE, C37a when C37 is YES.
 */
public record Condition(String question, List<String> anyOf) {

    public static Condition when(String question, String... anyOf) {
        return new Condition(question, List.of(anyOf));
    }

    /** Whether {@code answer} (a code or a list of codes) selects any of {@link #anyOf}. */
    public boolean holdsFor(Object answer) {
        if (answer instanceof String code) {
            return anyOf.contains(code);
        }
        if (answer instanceof List<?> codes) {
            return codes.stream().anyMatch(anyOf::contains);
        }
        return false;
    }
}
