package de.handinhand.common.web.problem;

import java.util.List;

/** 422: the body parsed, but fields or answers are invalid; every offending field is listed at once. */
public class ValidationException extends ApiException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        this("validation", "The request has invalid fields", errors);
    }

    public ValidationException(String slug, String detail, List<FieldError> errors) {
        super(422, slug, "Invalid input", detail);
        this.errors = List.copyOf(errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
