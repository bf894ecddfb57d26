package de.handinhand.submission.municipality;

import java.util.Locale;
import java.util.Optional;

/**
 * The 16 Länder: ISO 3166-2:DE code (without "DE-"), name, and the first two digits of the
 * official municipality key (AGS) of every Kommune in it.
 */
public enum Bundesland {
    SH("Schleswig-Holstein", "01"),
    HH("Hamburg", "02"),
    NI("Niedersachsen", "03"),
    HB("Bremen", "04"),
    NW("Nordrhein-Westfalen", "05"),
    HE("Hessen", "06"),
    RP("Rheinland-Pfalz", "07"),
    BW("Baden-Württemberg", "08"),
    BY("Bayern", "09"),
    SL("Saarland", "10"),
    BE("Berlin", "11"),
    BB("Brandenburg", "12"),
    MV("Mecklenburg-Vorpommern", "13"),
    SN("Sachsen", "14"),
    ST("Sachsen-Anhalt", "15"),
    TH("Thüringen", "16");

    private final String label;
    private final String agsPrefix;

    Bundesland(String label, String agsPrefix) {
        this.label = label;
        this.agsPrefix = agsPrefix;
    }

    public String label() {
        return label;
    }

    public String agsPrefix() {
        return agsPrefix;
    }

    public static Optional<Bundesland> ofCode(String code) {
        for (Bundesland land : values()) {
            if (land.name().equals(code)) {
                return Optional.of(land);
            }
        }
        return Optional.empty();
    }

    /** By name as people write it ("Nordrhein-Westfalen", "Baden-Wuerttemberg", "bayern"). */
    public static Optional<Bundesland> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = fold(name);
        for (Bundesland land : values()) {
            if (fold(land.label).equals(wanted) || land.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(land);
            }
        }
        return Optional.empty();
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.GERMAN).replace("ü", "ue").replace("ä", "ae").replace("ö", "oe")
                .replace(" ", "-");
    }
}
