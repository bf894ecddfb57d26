package de.handinhand.web.common;

/** A request no page of ours makes (a form field of the wrong kind, a forged id): 400 page. */
public class BadRequestPage extends RuntimeException {

    public BadRequestPage() {
        super("bad request", null, false, false);
    }
}
