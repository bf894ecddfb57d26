package de.handinhand.submission.legacy.parse;

import static de.handinhand.submission.legacy.parse.LegacyParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.form.templates.FluechtlingsdialogForm;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Flüchtlingsdialog report reader on this project's own fixtures in the layouts real exports
 * have (label, often the form's question, answer, blank lines between) and variants of them.
 * Each test asserts the complete answer map, so a field that lands elsewhere or not at all fails,
 * and the exact leftovers.
 */
public class DialogReportParserTest {

    static final Form FORM = FluechtlingsdialogForm.build();

    static ParsedEntry parse(String text) {
        return new LegacyParser(FORM).parse(text);
    }

    /** The layout of the issue: each label on its own line, question texts, bullets, cost lines, "Ja! …". */
    public static Map<String, Object> weidensteinAnswers() {
        Map<String, Object> a = new HashMap<>();
        a.put("F11", 98_765L);
        a.put("F18", "2016-12-31");
        a.put("F12", "Weidenstein");
        a.put("F13", "Nordhessen-Mitte");
        a.put("F19", "www.landkreis-weidenstein.example");
        a.put("F14", "Erika Beispiel");
        a.put("F15", "Integrationsbüro Weidenstein, Hauptstraße 1, 12345 Weidenstein");
        a.put("F16", "01234 5678-90");
        a.put("F17", "erika.beispiel@landkreis-weidenstein.example");
        a.put("F21", "2017-03-04");
        a.put("F25", "09:30");
        a.put("F26", "15:00");
        a.put("F30", "Viele Helferkreise arbeiteten nebeneinander her, ohne voneinander zu wissen. Der Landkreis wollte sie "
                + "zusammenbringen.");
        a.put("F40", "Die Moderation übernahm ein externes Büro für Bürgerbeteiligung, das auch bei der Vorbereitung beriet.");
        a.put("F50", List.of("WOHNEN", "BILDUNG", "BESCHAEFTIGUNG", "SPRACHE"));
        a.put("F51", "Mobilität im ländlichen Raum");
        a.put("F60", """
                • Ehrenamtliche aus den Helferkreisen
                • Mitarbeitende der Städte und Gemeinden
                • Wohlfahrtsverbände und Kirchen
                • Jobcenter und Agentur für Arbeit
                Insg. 95 Personen, kreisweit.""");
        a.put("F61", 95L);
        a.put("F62", 20L);
        a.put("F71", "Sehr zufrieden. Die Thementische waren gut besucht, die Zeit reichte knapp.");
        a.put("F72", "Überwiegend zufrieden. Nicht jedes Vorhaben hat schon jemanden, der es trägt.");
        a.put("F80", "Ein kreisweites Netzwerktreffen findet künftig zweimal im Jahr statt. Unter Teilnahme von 20 "
                + "Geflüchteten wurde eine Arbeitsgruppe Mobilität gegründet.");
        a.put("F93", 312_000L);
        a.put("F94", 180_000L);
        a.put("F90", 492_000L);
        a.put("F97", "YES");
        a.put("F98", "Für knapp 5.000 Euro sind die Helferkreise des ganzen Kreises ins Gespräch gekommen.");
        a.put("F100", "Mehr Zeit für die Vorstellung der Ergebnisse einplanen.");
        return a;
    }

    @Test
    void theRealLayoutLandsInTypedFields() throws IOException {
        ParsedEntry e = parse(fixture("fluechtlingsdialog-landkreis-weidenstein.txt"));

        assertEquals("Landkreis Weidenstein", e.municipalityName(), "without the arrow and the web address");
        assertNull(e.title(), "the report names no title; the import derives one");
        assertNull(e.summary());
        assertEquals("Nach einer Begrüßung durch den Landrat arbeiteten die Teilnehmenden an fünf Thementischen im "
                + "Wechsel.\n\nAm Nachmittag stellten die Tische ihre Ergebnisse im Plenum vor; daraus entstand eine "
                + "Liste von Vorhaben für das Kreisgebiet.", e.description(),
                "the concept without the form's instruction and without the line that only gives date and times");
        assertEquals(weidensteinAnswers(), e.answers());
        assertEquals(List.of("answers.F90"), e.derived(), "the total is the sum of the cost lines");
        assertEquals(List.of(), e.unplaced());
        assertFits(e);
    }

    @Test
    void aTownsReportWithInlineValuesCrlfAndOtherSpellings() throws IOException {
        String text = fixture("fluechtlingsdialog-stadt-hohenried.txt");
        assertTrue(text.contains("\r\n") && text.contains("\u00a0"), "the fixture has CRLF and non-breaking spaces");
        ParsedEntry e = parse(text);

        assertEquals("Hohenried", e.municipalityName());
        assertEquals("Hohenrieder Dialogtag „Gut ankommen“", e.title());
        assertEquals("Am Vormittag Workshops in drei Gruppen, am Nachmittag ein Marktplatz der Initiativen.\n"
                + "Für Kinder gab es eine Betreuung, Dolmetscher übersetzten ins Arabische und ins Dari.", e.description());
        Map<String, Object> a = new HashMap<>();
        a.put("F11", 21_400L);
        a.put("F12", "Landkreis Hohenried");
        a.put("F13", "Oberland-Süd");
        a.put("F19", "https://www.hohenried.example/buergerservice");
        a.put("F14", "Herr Jonas Mustermann");
        a.put("F15", "Stadtverwaltung Hohenried, Fachbereich Soziales, Am Rathausplatz 3, 98765 Hohenried");
        a.put("F16", "09876 / 54 32-1");
        a.put("F17", "j.mustermann@hohenried.example");
        a.put("F21", "2017-03-04");
        a.put("F25", "09:30");
        a.put("F26", "15:00");
        a.put("F22", "Aula der Mittelschule");
        a.put("F30", "In unserer Stadt leben seit 2016 rund 300 Geflüchtete, davon viele Familien; die Angebote waren "
                + "kaum bekannt.");
        a.put("F40", "Die Moderation übernahm die Volkshochschule.");
        a.put("F50", List.of("WOHNEN", "SOZIALE_INFRASTRUKTUR", "BILDUNG", "SPORT", "GESUNDHEIT"));
        a.put("F51", "Freizeit");
        a.put("F60", "Vereine, Kirchengemeinden, Schulen, Geflüchtete und Nachbarn. Es nahmen 64 Personen teil, darunter "
                + "23 Geflüchtete.");
        a.put("F61", 64L);
        a.put("F62", 23L);
        a.put("F71", "Zufrieden; die Gruppen hätten kleiner sein können.");
        a.put("F72", "Sehr zufrieden: drei neue Patenschaften sind entstanden.");
        a.put("F80", "Ein Wegweiser für Neuzugewanderte wird bis Herbst gedruckt.");
        a.put("F93", 45_000L);
        a.put("F94", 180_000L);
        a.put("F95", 25_000L);
        a.put("F96", "Dolmetscher");
        a.put("F90", 250_000L);
        a.put("F91", 200_000L);
        a.put("F97", "NO");
        a.put("F98", "Der Aufwand für die Dolmetscher war höher als gedacht.");
        a.put("F100", "Dolmetscher frühzeitig buchen.");
        assertEquals(a, e.answers());
        assertEquals(List.of(), e.derived(), "the total is given");
        assertEquals(List.of(), e.unplaced());
        assertFits(e);
    }

    @Test
    void aReportWithoutNameWithAContactBlockAndOneAnswerToBothSatisfactionQuestions() throws IOException {
        ParsedEntry e = parse(fixture("fluechtlingsdialog-gemeinde-kleinmoorbach.txt"));

        assertNull(e.municipalityName(), "no name label: the service finds the municipality in the text");
        assertEquals("Ein Dialogabend am 12. Mai 2017 von 18 bis 21 Uhr im Dorfgemeinschaftshaus.\n"
                + "Nach einem Imbiss sprachen Alteingesessene und Neuzugewanderte an Tischen über ihren Alltag in "
                + "unserer Gemeinde.", e.description(), "a date line with more in it stays part of the concept");
        Map<String, Object> a = new HashMap<>();
        a.put("F11", 3_100L);
        a.put("F14", "Frau Dr. Petra Probst");
        a.put("F15", "Gemeindeverwaltung Kleinmoorbach, Schulstraße 7, 34567 Kleinmoorbach");
        a.put("F16", "05678 123-45");
        a.put("F17", "petra.probst@kleinmoorbach.example");
        a.put("F21", "2017-05-12");
        a.put("F25", "18:00");
        a.put("F26", "21:00");
        a.put("F30", "Die Gemeinde Kleinmoorbach hat 2016 erstmals Familien aus Syrien und Eritrea aufgenommen.");
        a.put("F40", "Zwei Ehrenamtliche aus dem Helferkreis, geschult von der Ehrenamtsagentur des Landkreises "
                + "Weidenstein.");
        a.put("F50", List.of("SPRACHE"));
        a.put("F51", "Busverbindungen\nVereinsleben");
        a.put("F61", 42L);
        a.put("F70", "Mit beidem sehr zufrieden, es war ein herzlicher Abend.");
        a.put("F80", "Ein monatlicher Stammtisch im Dorfgemeinschaftshaus.");
        a.put("F94", 18_000L);
        a.put("F95", 3_550L);
        a.put("F96", "Fahrtkosten Dolmetscherin");
        a.put("F90", 21_550L);
        a.put("F92", "Die Räume stellte die Gemeinde kostenlos zur Verfügung.");
        a.put("F97", "YES");
        assertEquals(a, e.answers());
        assertEquals(List.of("answers.F90"), e.derived());
        assertEquals(List.of(), e.unplaced());
        assertFits(e);
    }

    @Test
    void labelsWithOrWithoutColonQuestionTextOrNotAndOtherBulletsReadAlike() throws IOException {
        String text = fixture("fluechtlingsdialog-landkreis-weidenstein.txt");
        String variant = text
                // labels with a colon, without the form's question, a label with its value on the same line
                .replace("Einwohnerzahl\n98.765 (Stand: 31.12.2016)", "Einwohnerzahl:\n\n98.765 (Stand: 31.12.2016)")
                .replace("Landkreis\nWeidenstein", "Landkreis: Weidenstein")
                .replace("Ausgangssituation / Anlass\nWas war der Anlass für den Flüchtlingsdialog?\n",
                        "Ausgangssituation/Anlass:\n\n")
                .replace("Beratung und Moderation\nWer hat Sie beraten, wer hat moderiert?\n", "Beratung und Moderation\n")
                .replace("Telefon der Kontaktperson\n", "Telefon der Kontaktperson:\n")
                // other bullets and indentation
                .replace("    • Sprache und Bildung", "- Sprache und Bildung")
                .replace("    • Arbeit und Ausbildung", "\t* Arbeit und Ausbildung")
                .replace("    • Wohnen", "  – Wohnen")
                // other spellings of date, time and amounts
                .replace("Durchführung am 04.03.2017, 9:30 Uhr – 15:00 Uhr", "Termin: 4.3.2017, 9.30-15 Uhr")
                .replace("Beratung und Moderation: 3,120,00 €", "Beratung und Moderation: EUR 3.120")
                .replace("Sachmittel f. Ausrichtung: ca. 1.800,00 €", "Sachmittel f. Ausrichtung: ca. 1.800 €")
                // each satisfaction answer right after its question
                .replace("""
                        Wie zufrieden sind Sie mit dem Ablauf der Veranstaltung?

                        Wie zufrieden sind Sie mit den Ergebnissen der Veranstaltung?

                        Sehr zufrieden. Die Thementische waren gut besucht, die Zeit reichte knapp.

                        """, """
                        Wie zufrieden sind Sie mit dem Ablauf der Veranstaltung?
                        Sehr zufrieden. Die Thementische waren gut besucht, die Zeit reichte knapp.

                        Wie zufrieden sind Sie mit den Ergebnissen der Veranstaltung?
                        """);
        assertFalse(variant.equals(text));
        for (String form : List.of(variant, variant.replace("\n", "\r\n"), variant.replace(" ", "\u00a0"))) {
            ParsedEntry e = parse(form);
            Map<String, Object> expected = weidensteinAnswers();
            expected.put("F60", ((String) expected.get("F60")).replace('\u00a0', ' '));
            assertEquals(expected, normalise(e.answers()), "variant:\n" + form);
            assertEquals(List.of(), e.unplaced(), "variant:\n" + form);
        }
    }

    @Test
    void numberedLabelsTableCellsQuestionsOnTheLabelLineTickedBoxesAndPageFooters() throws IOException {
        String variant = fixture("fluechtlingsdialog-landkreis-weidenstein.txt")
                .replace("Name der Stadt oder Gemeinde\n", "1. Name der Stadt oder Gemeinde\n")
                .replace("Regierungsbezirk\nNordhessen-Mitte", "Regierungsbezirk\tNordhessen-Mitte")
                .replace("Themenfelder\nWelche Themen standen im Mittelpunkt?",
                        "5. Themenfelder: Welche Themen standen im Mittelpunkt?")
                .replace("Beteiligte Akteure\nWer hat teilgenommen?", "Teilnehmende / Zielgruppen")
                .replace("Ja! Für knapp", "☒ Ja   ☐ Nein\nFür knapp")
                .replace("Ausgangssituation / Anlass", "Seite 2 von 4\n\nAusgangssituation / Anlass");
        ParsedEntry e = parse(variant);
        assertEquals(weidensteinAnswers(), e.answers());
        assertEquals(List.of(), e.unplaced());

        String headings = fixture("fluechtlingsdialog-landkreis-weidenstein.txt")
                .replace("Beteiligte Akteure\nWer hat teilgenommen?", "Beteiligte Akteure und Teilnehmende\n\n"
                        + "Wer hat teilgenommen?\n")
                .replace("Themenfelder\nWelche Themen standen im Mittelpunkt?",
                        "Themenfelder – Welche Themen standen im Mittelpunkt?");
        assertEquals(weidensteinAnswers(), parse(headings).answers());
        assertEquals(List.of(), parse(headings).unplaced());

        // Blank lines between label and answer everywhere: a value line is never taken for a label.
        String spaced = fixture("fluechtlingsdialog-landkreis-weidenstein.txt")
                .replace("Name der Stadt oder Gemeinde\n", "Name der Stadt oder Gemeinde\n\n")
                .replace("Landkreis\nWeidenstein\n", "Landkreis\n\nWeidenstein\n")
                .replace("Regierungsbezirk\n", "Regierungsbezirk\n\n");
        assertEquals(weidensteinAnswers(), parse(spaced).answers());
        assertEquals("Landkreis Weidenstein", parse(spaced).municipalityName());

        ParsedEntry emptyField = parse("Regierungsbezirk\n\nWas war der Anlass für den Flüchtlingsdialog?\n"
                + "Viele Helferkreise arbeiteten nebeneinander her.\n");
        assertEquals(Map.of("F30", "Viele Helferkreise arbeiteten nebeneinander her."), emptyField.answers(),
                "a question of another part after an empty one-line field opens that part");

        ParsedEntry no = parse("Stehen Aufwand und Ergebnis in einem guten Verhältnis?\n[ ] ja   [x] nein\n");
        assertEquals("NO", no.answers().get("F97"));
        assertFalse(no.answers().containsKey("F98"), "the boxes say all there is");
    }

    @Test
    void textTheFormHasNoPlaceForStaysUnplacedWithItsLabel() throws IOException {
        String text = fixture("fluechtlingsdialog-landkreis-weidenstein.txt")
                .replace("Einwohnerzahl\n98.765 (Stand: 31.12.2016)", "Einwohnerzahl\nkeine Angabe")
                .replace("Regierungsbezirk\nNordhessen-Mitte\n", "Regierungsbezirk\nNordhessen-Mitte\n\nPressespiegel\n"
                        + "Zwei Artikel in der Kreiszeitung.\n")
                .replace("01234 5678-90\n", "01234 5678-90\n\nUnterschrift: gez. Erika Beispiel\n");
        ParsedEntry e = parse(text);
        assertEquals(List.of("Einwohnerzahl\nkeine Angabe", "Pressespiegel\nZwei Artikel in der Kreiszeitung.",
                "Unterschrift: gez. Erika Beispiel"), e.unplaced());
        assertFalse(e.answers().containsKey("F11"));
        assertEquals("Nordhessen-Mitte", e.answers().get("F13"), "the rest still parses");
        assertEquals(List.of("WOHNEN", "BILDUNG", "BESCHAEFTIGUNG", "SPRACHE"), e.answers().get("F50"));
    }

    @Test
    void theFormsPrintedTopicListIsNoAnswer() {
        StringBuilder all = new StringBuilder("Themenfelder\n");
        FluechtlingsdialogForm.build().questionsByCode().get("F50").options()
                .forEach(o -> all.append("  • ").append(o.label()).append('\n'));
        ParsedEntry e = parse(all.toString());
        assertFalse(e.answers().containsKey("F50"), "every field listed: the form's echo, nothing ticked");
        assertEquals(List.of(), e.unplaced());
    }

    @Test
    void anAnswerOverTheFormsLimitStaysUnplacedAndAHugeLineDoesNotHang() {
        String longAnswer = "Sehr lang. ".repeat(2_000);
        String oddLine = "Telefon" + " ".repeat(50_000) + "x" + "9.".repeat(50_000);
        ParsedEntry e = parse("Beratung und Moderation\n" + longAnswer + "\n\n" + oddLine + "\n\nEmpfehlungen\nMehr davon.\n");
        assertFalse(e.answers().containsKey("F40"));
        // One run: leftovers are split by placed lines, not by blank ones.
        assertTrue(List.of("Beratung und Moderation\n" + longAnswer.strip() + "\n" + oddLine).equals(e.unplaced()),
                "the long answer with its label and the odd line, verbatim");
        assertEquals("Mehr davon.", e.answers().get("F100"));
    }

    /** Everything the reader placed passes the form's shape check, so the import keeps it. */
    static void assertFits(ParsedEntry e) {
        de.handinhand.common.web.problem.Errors errors = new de.handinhand.common.web.problem.Errors();
        FormValidator.normalise(FORM, new FormValidator.Content(e.title() == null ? "x" : e.title(), e.summary(),
                e.description(), e.answers(), e.projects()), errors);
        assertTrue(errors.isEmpty(), errors.list().toString());
    }

    private static Map<String, Object> normalise(Map<String, Object> answers) {
        Map<String, Object> copy = new HashMap<>();
        answers.forEach((k, v) -> copy.put(k, v instanceof String s ? s.replace('\u00a0', ' ') : v));
        return copy;
    }
}
