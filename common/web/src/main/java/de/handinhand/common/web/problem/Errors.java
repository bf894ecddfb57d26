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

    /** Instants a database stores and a person means: from 1970 up to the end of year 9999. */
    public Errors plausibleInstant(String field, java.time.Instant value) {
        if (value != null && (value.isBefore(java.time.Instant.EPOCH) || !value.isBefore(LATEST))) {
            add(field, "must lie between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        }
        return this;
    }

    private static final java.time.Instant LATEST = java.time.Instant.parse("+10000-01-01T00:00:00Z");

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
