package de.handinhand.web.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the pages: German first, then the languages newcomers in the demo Kreise read
 * most. Arabic and Farsi are written right to left; the layout mirrors for them.
 */
public enum Lang {
    DE("de", false), EN("en", false), AR("ar", true), FA("fa", true), UK("uk", false), TR("tr", false);

    private final String code;
    private final boolean rtl;

    Lang(String code, boolean rtl) {
        this.code = code;
        this.rtl = rtl;
    }

    public String code() {
        return code;
    }

    public String dir() {
        return rtl ? "rtl" : "ltr";
    }

    public boolean rtl() {
        return rtl;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language's name in itself, as a language switch shows it (JDK's CLDR data). */
    public String nativeName() {
        String name = locale().getDisplayLanguage(locale());
        return name.isEmpty() ? code : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public static Optional<Lang> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        for (Lang l : values()) {
            if (l.code.equals(c)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The first supported language of an Accept-Language header, by its order (weights are rarely other). */
    public static Optional<Lang> fromAcceptLanguage(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String range : header.split(",")) {
            String tag = range.split(";")[0].strip();
            Optional<Lang> lang = of(tag.split("-")[0]);
            if (lang.isPresent()) {
                return lang;
            }
        }
        return Optional.empty();
    }
}
