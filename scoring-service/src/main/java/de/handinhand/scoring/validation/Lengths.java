package de.handinhand.scoring.validation;

/**
 * The longest text each shared pattern of {@code Rules} lets through, for the {@code @Size} beside
 * it: a pattern alone bounds the length too, but only {@code maxLength} tells a client (and a linter
 * of the OpenAPI document) how much a field may hold. {@code LengthsTest} keeps each in step with
 * its pattern.
 */
public final class Lengths {

    /** {@code Rules.CODE}: a letter and up to 39 more. */
    public static final int CODE = 40;
    /** {@code Rules.AGS}: 5 or 8 digits. */
    public static final int AGS = 8;
    /** {@code Rules.KREIS_KEY}: 5 digits. */
    public static final int KREIS_KEY = 5;

    private Lengths() {
    }
}
