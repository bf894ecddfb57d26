package de.handinhand.common.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every 4xx/5xx answer of every service.
 * {@code errors} lists each offending field or question code of a validation failure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are stable URNs; clients switch on them, never on {@code title} or {@code detail}. */
    public static String type(String slug) {
        return "urn:handinhand:problem:" + slug;
    }
}
