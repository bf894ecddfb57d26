package de.handinhand.common.web.validation;

/**
 * Input rules that recur across services, each written once. Request records use them in the
 * standard Bean Validation annotations, e.g.
 * {@code @Pattern(regexp = Rules.KREIS_KEY, message = Rules.KREIS_KEY_MESSAGE) String kreisId}, so
 * the check and the published OpenAPI document ({@code pattern}, {@code maxLength}, {@code minimum})
 * come from the same constant. Composed constraint annotations ({@code @KreisKey}) would read
 * shorter, but SmallRye OpenAPI does not look through them and the document would lose the rule.
 * A rule used by one service only stays in that service's request record.
 */
public final class Rules {

    /** Kreis key: the first five digits of the AGS (Amtlicher Gemeindeschlüssel), e.g. 09174. */
    public static final String KREIS_KEY = "[0-9]{5}";
    public static final String KREIS_KEY_MESSAGE = "must be the 5-digit AGS key of a Kreis, such as 09174";

    /** A municipality's AGS: 5 digits for a Kreis (Landkreis, kreisfreie Stadt), 8 for a Gemeinde or Stadt. */
    public static final String AGS = "[0-9]{5}|[0-9]{8}";
    public static final String AGS_MESSAGE = "must be an AGS key of 5 or 8 digits, such as 09174 or 06636001";

    /** A language as the API names it: the ISO 639-1 (or 639-3 where there is no 639-1) code, lower case. */
    public static final String LANGUAGE = "[a-z]{2,3}";
    public static final String LANGUAGE_MESSAGE = "must be an ISO 639-1 code such as de or ar";

    /** A code the organizers define (criteria, categories): upper case, digits and underscores. */
    public static final String CODE = "[A-Z][A-Z0-9_]{1,39}";
    public static final String CODE_MESSAGE = "must be 2 to 40 upper-case letters, digits or _, starting with a letter";

    /** Latitude and longitude in degrees (WGS 84); strings because {@code @DecimalMin} takes text. */
    public static final String LAT_MIN = "-90";
    public static final String LAT_MAX = "90";
    public static final String LON_MIN = "-180";
    public static final String LON_MAX = "180";

    /**
     * Amounts in euro cents are whole, never negative, and at most 10^13 cents (100 billion euro):
     * far above any budget, far below where a {@code long} or a JSON number loses precision.
     */
    public static final long CENTS_MAX = 10_000_000_000_000L;
    public static final String CENTS_MAX_MESSAGE = "must be at most 10000000000000 cents";

    /**
     * The message of a text limit, as the services worded it before: {@code @Size(max = Rules.TITLE_MAX,
     * message = Rules.AT_MOST_CHARACTERS)}; Hibernate Validator fills in {@code {max}}.
     */
    public static final String AT_MOST_CHARACTERS = "must be at most {max} characters";

    /** A title, as entries, calls and offers have one. */
    public static final int TITLE_MAX = 300;
    /** A name of a person, an organisation or a place. */
    public static final int NAME_MAX = 200;

    private Rules() {
    }
}
