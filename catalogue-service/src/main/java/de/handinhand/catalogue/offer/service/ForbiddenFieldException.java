package de.handinhand.catalogue.offer.service;

import de.handinhand.common.web.problem.FieldError;
import de.handinhand.common.web.problem.ForbiddenException;
import java.util.List;

/** 403 for a field the caller may not set (the rest of the request would be allowed), naming the field. */
public class ForbiddenFieldException extends ForbiddenException {

    private final List<FieldError> errors;

    public ForbiddenFieldException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldError(field, message));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
