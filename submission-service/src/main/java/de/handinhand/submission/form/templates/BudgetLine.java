package de.handinhand.submission.form.templates;

import java.util.Arrays;
import java.util.List;

/**
 * The cost lines of a locally funded project, as small programmes such as "Gemeinsam in Vielfalt"
 * ask for them: a fixed set of typed lines rather than free rows, so that the plan of the
 * application ({@code P50}–{@code P56}) and the money spent in the final report
 * ({@code R30}–{@code R36}) compare line by line, and a committee reads every application the same
 * way. Codes only ever get added at the end, so stored answers keep their meaning.
 */
public enum BudgetLine {
    HONORARE("Honorare und Aufwandsentschädigungen"),
    SACHKOSTEN("Sachkosten und Material"),
    RAUMKOSTEN("Raum- und Mietkosten"),
    FAHRTKOSTEN("Fahrtkosten"),
    VERPFLEGUNG("Verpflegung"),
    OEFFENTLICHKEITSARBEIT("Öffentlichkeitsarbeit und Dokumentation"),
    SONSTIGES("Sonstige Kosten");

    private final String label;

    BudgetLine(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The line's question code under {@code prefix}: P5 → P50…P56, R3 → R30…R36. */
    public String code(String prefix) {
        return prefix + ordinal();
    }

    /** Every line's code under {@code prefix}, in order. */
    public static List<String> codes(String prefix) {
        return Arrays.stream(values()).map(line -> line.code(prefix)).toList();
    }
}
