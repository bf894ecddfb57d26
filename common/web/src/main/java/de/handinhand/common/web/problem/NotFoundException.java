package de.handinhand.common.web.problem;

/** 404: the resource does not exist, or the caller may not know that it exists. */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        super(404, "not-found", "Not found", detail);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }
}
