package de.handinhand.scoring.criteria;

import java.util.List;

/** The competition's Bewertungskriterien (API.md): scale 0–10, weight 1 each. */
public final class DefaultCriteria {

    public record Def(String code, String label) {
    }

    public static final List<Def> ALL = List.of(
            new Def("BEDARFSANALYSE", "Ausgangs- und Bedarfsanalyse"),
            new Def("ZIELE_KONZEPT", "Ziele und Konzept"),
            new Def("VERNETZUNG", "Vernetzung und verbindliche Kooperation"),
            new Def("BETEILIGUNG", "Beteiligung der Zugewanderten und der Bevölkerung vor Ort"),
            new Def("NACHHALTIGKEIT", "Nachhaltigkeit und Verstetigung"),
            new Def("VERANKERUNG", "Kommunalpolitische Verankerung"),
            new Def("GENDER_DIVERSITY", "Gender- und Diversity-Aspekte"),
            new Def("TRANSFER", "Übertragbarkeit und Wissenstransfer"),
            new Def("EVALUATION", "Evaluation"));

    /** The built-in label of a default code; null for any other code. */
    public static String label(String code) {
        return ALL.stream().filter(d -> d.code().equals(code)).map(Def::label).findFirst().orElse(null);
    }

    private DefaultCriteria() {
    }
}
