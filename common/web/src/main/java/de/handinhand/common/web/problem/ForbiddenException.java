package de.handinhand.common.web.problem;

/** 403: the caller is known but this resource or action is not theirs. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        super(403, "forbidden", "Forbidden", detail);
    }
}
