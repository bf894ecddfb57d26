package de.handinhand.scoring.jury.api;

/**
 * A juror is named by their Keycloak user name wherever the jury API takes one (the jury, a pair,
 * a conflict declaration, a filter): one rule for all of them.
 */
public final class JurorNames {

    public static final int MAX_LENGTH = 100;
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0," + (MAX_LENGTH - 1) + "}";
    public static final String MESSAGE = "must be a user name (letters, digits, . _ @ -; at most " + MAX_LENGTH + ")";
    /** A call's jury at most. */
    public static final int MAX_JURORS = 200;

    private JurorNames() {
    }
}
