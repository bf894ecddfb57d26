package de.handinhand.common.messaging.codes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shared taxonomy of fields of action (Handlungsfelder, API.md): C26a–j of the competition
 * form plus the fields the entries name beyond it. {@code question} is the C26 question standing
 * for the field; {@code keywords} find it in free text such as C26k ("Weitere Handlungsfelder").
 */
public enum FieldOfAction {
    WOHNEN("C26a", "Wohnen und Wohnumfeld", "Housing and neighbourhood", "wohnen", "wohnraum", "unterbringung"),
    SOZIALE_INFRASTRUKTUR("C26b", "Soziale Infrastrukturen", "Social infrastructure", "soziale infrastruktur",
            "kindergarten", "kita"),
    BILDUNG("C26c", "Bildung, Qualifizierung, Ausbildung", "Education and training", "bildung", "qualifizierung",
            "schule"),
    BESCHAEFTIGUNG("C26d", "Beschäftigung, lokale Wirtschaftsförderung", "Employment and local economy",
            "beschaeftigung", "arbeit und ausbildung", "arbeitsmarkt", "integration in arbeit", "wirtschaft"),
    KULTUR("C26e", "Kultur", "Culture", "kultur"),
    SPORT("C26f", "Sport", "Sport", "sport"),
    GESUNDHEIT("C26g", "Gesundheit", "Health", "gesundheit"),
    UMWELT("C26h", "Umwelt, Grün", "Environment and green spaces", "umwelt", "gruen"),
    BETEILIGUNG("C26i", "Beteiligung", "Participation", "beteiligung", "partizipation"),
    ENGAGEMENT("C26j", "Engagementförderung", "Civic engagement", "engagement", "ehrenamt"),
    SPRACHE(null, "Sprache", "Language", "sprache", "sprachfoerderung", "spracherwerb", "sprachkurs"),
    SICHERHEIT_RASSISMUS(null, "Sicherheit und Rassismus", "Safety and racism", "sicherheit", "rassismus",
            "rassimus"),
    FAMILIE(null, "Familie, Frauen, Kinder und Jugendliche", "Family, women, children and youth", "familie",
            "frauen", "jugendliche");

    private final String question;
    private final String labelDe;
    private final String labelEn;
    private final List<String> keywords;

    FieldOfAction(String question, String labelDe, String labelEn, String... keywords) {
        this.question = question;
        this.labelDe = labelDe;
        this.labelEn = labelEn;
        this.keywords = List.of(keywords);
    }

    /** The C26 question that stands for this field, or null for the fields beyond C26a–j. */
    public String question() {
        return question;
    }

    public String labelDe() {
        return labelDe;
    }

    public String labelEn() {
        return labelEn;
    }

    public static FieldOfAction ofQuestion(String code) {
        for (FieldOfAction field : values()) {
            if (code.equals(field.question)) {
                return field;
            }
        }
        return null;
    }

    /** The fields a free text names, in taxonomy order ("Sicherheit und Rassismus …" → SICHERHEIT_RASSISMUS). */
    public static List<FieldOfAction> mentionedIn(String text) {
        List<FieldOfAction> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        String folded = fold(text);
        for (FieldOfAction field : values()) {
            if (field.keywords.stream().anyMatch(folded::contains)) {
                found.add(field);
            }
        }
        return found;
    }

    /** Lower case with umlauts spelled out, so "Grün" and "Gruen" match alike. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        return Normalizer.normalize(lower, Normalizer.Form.NFKC);
    }
}
