package de.handinhand.common.web.problem;

import java.util.List;

/**
 * The base of the exceptions a service throws on purpose; {@link ProblemMappers} turns each into
 * problem+json with the exception's status, type and message. Anything else is an unexpected
 * failure and is answered with a bare 500.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    protected ApiException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return List.of();
    }

    /** Extra response headers, e.g. Retry-After. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }
}
