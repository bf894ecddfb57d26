package de.handinhand.common.web.problem;

import java.util.List;

/** 400: the request itself is malformed (unparseable body, bad query parameter). */
public class BadRequestException extends ApiException {

    private final List<FieldError> errors;

    public BadRequestException(String detail, List<FieldError> errors) {
        super(400, "bad-request", "Bad request", detail);
        this.errors = List.copyOf(errors);
    }

    public BadRequestException(String detail) {
        this(detail, List.of());
    }

    public static BadRequestException ofParameter(String name, String message) {
        return new BadRequestException("Query parameter '" + name + "' is invalid: " + message,
                List.of(new FieldError(name, message)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
