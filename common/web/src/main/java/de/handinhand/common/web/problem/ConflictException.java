package de.handinhand.common.web.problem;

/** 409: the request is well-formed but the resource's current state does not allow it. */
public class ConflictException extends ApiException {

    public ConflictException(String slug, String detail) {
        super(409, slug, "Conflict", detail);
    }
}
