package de.handinhand.web.common;

/** The API is away or refused this server (5xx, 429, no connection): the 503 page, nothing half done. */
public class UnavailablePage extends RuntimeException {

    private final boolean signInAgain;

    public UnavailablePage() {
        this(false);
    }

    /** {@code signInAgain}: the gateway no longer accepts the session's token. */
    public UnavailablePage(boolean signInAgain) {
        super("unavailable", null, false, false);
        this.signInAgain = signInAgain;
    }

    public boolean signInAgain() {
        return signInAgain;
    }
}
