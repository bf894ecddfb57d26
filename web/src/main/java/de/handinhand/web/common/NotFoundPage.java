package de.handinhand.web.common;

/** Shows the plain 404 page: no such thing, or nothing the person may see (the same answer for both). */
public class NotFoundPage extends RuntimeException {

    public NotFoundPage() {
        super("not found", null, false, false);
    }
}
