package de.handinhand.common.web.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every validation failure of one request so the caller learns all of them at once,
 * then throws a single {@link ValidationException}.
 */
public final class Errors {

    private final List<FieldError> errors = new ArrayList<>();

    public Errors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Required text: present, not blank, at most {@code max} characters. */
    public Errors requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        } else if (value.length() > max) {
            add(field, "must be at most " + max + " characters (is " + value.length() + ")");
        }
        return this;
    }

    /** Optional text: absent or at most {@code max} characters. */
    public Errors optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters (is " + value.length() + ")");
        }
        return this;
    }

    public Errors require(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
