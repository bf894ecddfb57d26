package de.handinhand.submission.legacy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.submission.form.templates.FluechtlingsdialogForm;
import de.handinhand.submission.form.templates.ZusammenlebenForm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parser on this project's own fixtures in the seeds' export format (always run). */
class LegacyParserTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = LegacyParserTest.class.getResourceAsStream("/legacy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void competitionExportWithContactBlockTicksAndStrayText() throws IOException {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(fixture("wettbewerb-bad-sooden-allendorf.txt"));

        assertEquals("Bad Sooden-Allendorf", e.municipalityName());
        assertEquals("Stadt", e.municipalityType());
        assertEquals("Hessen", e.bundesland());
        assertEquals("Ankommen in der Kurstadt", e.title());
        assertEquals("Die Stadt begleitet Neuzugewanderte mit Patenschaften, einem Sprachcafé und einer "
                + "Fahrradwerkstatt.", e.summary());
        assertTrue(e.description().startsWith("Ausgangssituation\n\nSeit 2015 leben rund 150 Geflüchtete"));
        assertTrue(e.description().endsWith("• Fahrradwerkstatt am Bahnhof"), e.description());

        Map<String, Object> a = e.answers();
        assertEquals("Fachbereich Soziales", a.get("A4"));
        assertEquals("Maria Beispiel", a.get("A5"));
        assertEquals("37242", a.get("A7"));
        assertEquals("05652 958-100", a.get("A10"));
        assertFalse(a.containsKey("C10"), "ja/nein both printed: the export cannot tell, so no answer");
        assertEquals("YES", a.get("C12"));
        assertEquals(List.of("ERWACHSENE", "BEVOELKERUNG_VOR_ORT"), a.get("C23"));
        assertEquals(List.of("PROJEKT"), a.get("C24"));
        assertEquals("Freiwillige Feuerwehr", a.get("C25a"));
        assertEquals(List.of("PROJEKT"), a.get("C26f"));
        assertEquals("Sprache und Begegnung", a.get("C26k"));
        assertEquals("DAUERANGEBOT", a.get("C33"));
        assertEquals("PLANNED", a.get("C36"));
        assertEquals("Patenschaftsmodell des Nachbarkreises", a.get("C37a"));

        assertEquals(2, e.projects().size());
        assertEquals("Fahrradwerkstatt am Bahnhof", e.projects().get(0).get("D10"));
        assertEquals("NO", e.projects().get(0).get("D14"));
        assertEquals("• Jeden Samstag reparieren Ehrenamtliche und Geflüchtete gemeinsam Fahrräder.\n"
                + "• Die Räder gehen an Familien ohne Auto.", e.projects().get(0).get("D15"));
        assertEquals("Im Sprachcafé treffen sich jeden Mittwoch Alteingesessene …", e.projects().get(1).get("D10"),
                "a project without D labels gets the first words of its text as title");
        assertEquals("Im Sprachcafé treffen sich jeden Mittwoch Alteingesessene und Neuzugewanderte.",
                e.projects().get(1).get("D15"));
        assertEquals(List.of("projects[1].answers.D10"), e.derived(), "only that title is derived");

        assertEquals(List.of("Diese Zeile steht ohne Frage im Formular.",
                "C 99 Sonderfrage der Stadt:\nEine Antwort auf eine Frage, die das Formular nicht kennt.",
                "Konzept_Patenschaften.pdf"), e.unplaced());
    }

    @Test
    void dialogueReportWithNumbersAmountsDatesAndTopics() throws IOException {
        ParsedEntry e = new LegacyParser(FluechtlingsdialogForm.build())
                .parse(fixture("fluechtlingsdialog-bad-sooden-allendorf.txt"));

        assertEquals("Bad Sooden-Allendorf", e.municipalityName());
        assertEquals("Dialogabend „Ankommen in der Kurstadt“", e.title());
        assertEquals("Ein Abend, an dem Neuzugewanderte, Ehrenamtliche und Verwaltung gemeinsam Prioritäten setzten.",
                e.summary());
        assertEquals("Vier Thementische im Weltcafé-Format, danach eine Abschlussrunde im Plenum.\n"
                + "Dolmetscherinnen für Arabisch und Tigrinya waren an jedem Tisch.", e.description());
        Map<String, Object> a = e.answers();
        assertEquals(8300L, a.get("F11"));
        assertEquals("Werra-Meißner-Kreis", a.get("F12"));
        assertEquals("Kassel", a.get("F13"));
        assertEquals("integration@bad-sooden-allendorf.example", a.get("F17"));
        assertEquals("2017-02-18", a.get("F21"));
        assertEquals("Nach der Schließung der Gemeinschaftsunterkunft fehlten Treffpunkte.", a.get("F30"));
        assertEquals(List.of("WOHNEN", "BILDUNG", "BESCHAEFTIGUNG", "SPRACHE"), a.get("F50"));
        assertEquals("Mobilität im ländlichen Raum\nHeimatkunde", a.get("F51"), "a topic of no field of action is text");
        assertEquals(180L, a.get("F61"));
        assertEquals(416_000L, a.get("F90"));
        assertEquals(300_000L, a.get("F91"));
        assertEquals("Mehr Zeit für die Abschlussrunde einplanen.", a.get("F100"));
        assertEquals("Marktplatz 1, 37242 Bad Sooden-Allendorf", a.get("F15"));
        assertEquals("05652 958-0", a.get("F16"));
        assertEquals("Maria Beispiel", a.get("F14"));
        assertEquals("Bürgerhaus", a.get("F22"));
        assertEquals("Die Thementische waren voll; die Abschlussrunde war zu kurz.", a.get("F70"));
        assertEquals("Honorare für Moderation und Dolmetschen machten den größten Teil aus.", a.get("F92"));
        assertTrue(e.projects().isEmpty());
        assertEquals(List.of(), e.unplaced());
        assertEquals(List.of(), e.derived());
    }

    @Test
    void nothingIsDroppedWhatTheParserCannotPlaceIsKeptVerbatim() throws IOException {
        String text = fixture("wettbewerb-bad-sooden-allendorf.txt");
        String[] strays = {"§§ völlig unerwartete Zeile 1 §§", "Tabelle: Spalte A | Spalte B", "   ~~~ 42 ~~~"};
        // Stray lines in every part of the form: contact block, after the projects, at the very end.
        text = text.replace("Typ: \nStadt\n", "Typ: \nStadt\n\n" + strays[0] + "\n")
                .replace("Einzelprojekte\n", "Einzelprojekte\n" + strays[1] + "\n")
                + strays[2] + "\n";
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(text);
        String unplaced = String.join("\n", e.unplaced());
        for (String stray : strays) {
            assertTrue(unplaced.contains(stray.stripTrailing()), "lost: " + stray + " in " + e.unplaced());
        }
        assertEquals("Maria Beispiel", e.answers().get("A5"), "the rest still parses");
    }

    @Test
    void textOfAnotherKindEndsUpUnplaced() {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse("Liebe Jury,\n\nanbei unser Beitrag.\n");
        assertNull(e.title());
        assertTrue(e.answers().isEmpty());
        assertEquals(List.of("Liebe Jury,\nanbei unser Beitrag."), e.unplaced());
    }

    @Test
    void competitionExportWithoutContactBlockGetsDerivedProjectTitles() throws IOException {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(fixture("wettbewerb-lindenbrunn-ohne-kontakt.txt"));

        assertNull(e.municipalityName(), "no contact block: the service finds the municipality in the text");
        assertNull(e.title(), "the title label has no value");
        assertTrue(e.summary().startsWith("Unsere Stadt hat seit 2015 ein Netz"));
        assertTrue(e.description().startsWith("1. Ausgangslage\nIm Landkreis Weidenstein nahm Lindenbrunn"));
        assertTrue(e.description().endsWith("im Haushalt abgesichert."));
        assertTrue(e.answers().isEmpty(), "the C sections are empty");
        assertEquals(2, e.projects().size(), "the third single project is empty");
        assertEquals("Nachbarschaftscafé Mitte", e.projects().get(0).get("D10"), "a quoted name is the title");
        assertTrue(((String) e.projects().get(0).get("D15")).startsWith("Seit Herbst 2016 öffnet das „Nachbarschaftscafé"));
        assertEquals("Ehrenamtliche Patinnen und Paten begleiten Familien …", e.projects().get(1).get("D10"),
                "else the first words");
        assertEquals(List.of("projects[0].answers.D10", "projects[1].answers.D10"), e.derived());
        assertEquals(List.of(), e.unplaced());
    }

    @Test
    void aProjectWithItsOwnTitleKeepsItAndNothingIsDerived() throws IOException {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(fixture("wettbewerb-landkreis-weidenstein.txt"));

        assertEquals("Gemeinsam im Kreis: Integration in Stadt und Land", e.title());
        assertEquals("YES", e.answers().get("C10"));
        assertEquals(List.of(Map.of("D10", "Fahrdienst zu den Sprachkursen", "D15",
                "Ehrenamtliche fahren Familien aus Kleinmoorbach zu den Sprachkursen nach Lindenbrunn.")), e.projects());
        assertEquals(List.of(), e.derived());
        assertEquals(List.of("Landkreis Weidenstein"), e.unplaced(),
                "the header line names the municipality; the import, which knows the registry, places it");
    }
}
