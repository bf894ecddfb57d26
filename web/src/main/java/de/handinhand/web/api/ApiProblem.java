package de.handinhand.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An application/problem+json answer of the API (RFC 9457); {@code errors} name the offending
 * fields or question codes ({@code title.de}, {@code answers.C23}, {@code projects[0].answers.D10}).
 */
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public List<FieldError> fieldErrors() {
        return errors == null ? List.of() : errors;
    }

    /** Messages per field, several joined, in the API's order. */
    public Map<String, String> byField() {
        Map<String, String> map = new LinkedHashMap<>();
        for (FieldError e : fieldErrors()) {
            if (e.field() != null) {
                map.merge(e.field(), e.message() == null ? "" : e.message(), (a, b) -> a + "; " + b);
            }
        }
        return map;
    }

    /** What to show above a form: the detail, else the title. */
    public String summary() {
        return detail != null && !detail.isBlank() ? detail : title == null ? "" : title;
    }
}
