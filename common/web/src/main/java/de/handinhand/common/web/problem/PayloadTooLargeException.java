package de.handinhand.common.web.problem;

/** 413: the body (or the sum it would make) is larger than allowed. */
public class PayloadTooLargeException extends ApiException {

    public PayloadTooLargeException(String detail) {
        super(413, "payload-too-large", "Payload too large", detail);
    }
}
