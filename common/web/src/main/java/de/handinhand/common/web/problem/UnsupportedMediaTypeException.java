package de.handinhand.common.web.problem;

/** 415: the content is of a type this endpoint does not take. */
public class UnsupportedMediaTypeException extends ApiException {

    public UnsupportedMediaTypeException(String detail) {
        super(415, "unsupported-media-type", "Unsupported media type", detail);
    }
}
