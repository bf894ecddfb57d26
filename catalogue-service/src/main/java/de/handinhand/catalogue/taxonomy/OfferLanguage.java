package de.handinhand.catalogue.taxonomy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * The languages an offer may be given in and its texts written in, with their German and English
 * names: the code list the catalogue accepts (ISO 639-1 where the language has a two-letter code,
 * ISO 639-3 otherwise) and the labels the taxonomy, the HSDS export and the web pages show. The
 * selection follows the languages of people who came to Germany in recent years and of the
 * neighbouring EU countries, plus German Sign Language. In JSON (and so in the OpenAPI document) a
 * language is its code.
 */
public enum OfferLanguage {
    DE("de", "Deutsch", "German"),
    EN("en", "Englisch", "English"),
    AR("ar", "Arabisch", "Arabic"),
    FA("fa", "Persisch (Farsi)", "Persian (Farsi)"),
    PRS("prs", "Dari", "Dari"),
    PS("ps", "Paschtu", "Pashto"),
    KU("ku", "Kurdisch", "Kurdish"),
    KMR("kmr", "Kurmandschi (Nordkurdisch)", "Kurmanji (Northern Kurdish)"),
    CKB("ckb", "Sorani (Zentralkurdisch)", "Sorani (Central Kurdish)"),
    TI("ti", "Tigrinya", "Tigrinya"),
    AM("am", "Amharisch", "Amharic"),
    SO("so", "Somali", "Somali"),
    UK("uk", "Ukrainisch", "Ukrainian"),
    RU("ru", "Russisch", "Russian"),
    TR("tr", "Türkisch", "Turkish"),
    FR("fr", "Französisch", "French"),
    ES("es", "Spanisch", "Spanish"),
    IT("it", "Italienisch", "Italian"),
    PT("pt", "Portugiesisch", "Portuguese"),
    PL("pl", "Polnisch", "Polish"),
    RO("ro", "Rumänisch", "Romanian"),
    BG("bg", "Bulgarisch", "Bulgarian"),
    EL("el", "Griechisch", "Greek"),
    HU("hu", "Ungarisch", "Hungarian"),
    SQ("sq", "Albanisch", "Albanian"),
    SR("sr", "Serbisch", "Serbian"),
    HR("hr", "Kroatisch", "Croatian"),
    BS("bs", "Bosnisch", "Bosnian"),
    MK("mk", "Mazedonisch", "Macedonian"),
    ROM("rom", "Romanes", "Romani"),
    KA("ka", "Georgisch", "Georgian"),
    HY("hy", "Armenisch", "Armenian"),
    AZ("az", "Aserbaidschanisch", "Azerbaijani"),
    UZ("uz", "Usbekisch", "Uzbek"),
    UR("ur", "Urdu", "Urdu"),
    HI("hi", "Hindi", "Hindi"),
    BN("bn", "Bengalisch", "Bengali"),
    TA("ta", "Tamil", "Tamil"),
    VI("vi", "Vietnamesisch", "Vietnamese"),
    ZH("zh", "Chinesisch", "Chinese"),
    GSG("gsg", "Deutsche Gebärdensprache", "German Sign Language");

    private final String code;
    private final String labelDe;
    private final String labelEn;

    OfferLanguage(String code, String labelDe, String labelEn) {
        this.code = code;
        this.labelDe = labelDe;
        this.labelEn = labelEn;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String labelDe() {
        return labelDe;
    }

    public String labelEn() {
        return labelEn;
    }

    public static Optional<OfferLanguage> of(String code) {
        for (OfferLanguage language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static boolean isCode(String code) {
        return of(code).isPresent();
    }
}
