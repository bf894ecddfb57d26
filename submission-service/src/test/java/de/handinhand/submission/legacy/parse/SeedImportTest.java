package de.handinhand.submission.legacy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.handinhand.submission.form.templates.ZusammenlebenForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser on the real 2017 entry forms in ../shared/seeds. They are not part of this
 * repository; without them these tests are skipped (LegacyParserTest covers the same shapes on
 * the project's own fixtures).
 */
class SeedImportTest {

    static final Path SEEDS = Path.of("").toAbsolutePath().getParent().resolve("../shared/seeds").normalize();

    static String seed(String name) throws IOException {
        assumeTrue(Files.isDirectory(SEEDS), "../shared/seeds is absent (" + SEEDS + "): seed import tests skipped");
        return Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void recklinghausen() throws IOException {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(seed("recklinghausen-kreis.txt"));
        assertEquals("Kreis Recklinghausen", e.municipalityName());
        assertEquals("Kreisweite Handlungsstrategie für Neuzugewanderte im Kreis Recklinghausen", e.title());
        assertTrue(e.summary().startsWith("Der Kreis RE lebt von seiner Vielfalt."));
        assertTrue(e.description().startsWith("Ausgangssituation in der Kommune:"));
        assertTrue(e.description().contains("Handlungsfeld Wohnen: Eine der zentralen Fragen"));
        assertEquals("Sabine Fischer", e.answers().get("A5"));
        assertEquals("Kommunales Integrationszentrum", e.answers().get("A4"));
        assertEquals("+49 2361 532-020", e.answers().get("A9"));
        assertEquals("Sprachförderprogramme, Programm \"Sport und Spracherwerb\", Fortbildung von Ehrenamtlichen in der "
                + "Flüchtlingshilfe, Good Practice Beispiele aus den Städten", e.answers().get("C37a"));
        assertEquals(List.of("SELBSTEVALUATION"), e.answers().get("C36a"));
        assertEquals("Einrichtungen der Wohlfahrtsverbände, Vereine, Kirchen und andere Institutionen",
                e.answers().get("C25a"));
        assertTrue(((String) e.answers().get("C26k")).contains("Sicherheit und Rassimus"));
        assertFalse(e.answers().containsKey("C10"), "both options printed: no answer to read");
        assertEquals(2, e.projects().size());
        assertEquals("kreisweite Fortbildugnsreihen für Ehren- und Hauptamtliche in der Flüchtlingshilfe",
                e.projects().get(0).get("D10"));
        assertEquals("Integrations durch Sport - Integrationsstrukturen im Sport aufzeigen und vernetzen",
                e.projects().get(1).get("D10"));
        assertTrue(((String) e.projects().get(0).get("D15")).startsWith("• In einem halbjährlichen Fortbildungsprogramm"));
        assertTrue(((String) e.projects().get(1).get("D15")).startsWith("Gemeinsam mit dem Kreissportbund"));
        assertEquals(List.of(), e.unplaced(), "every line of this form has its place");
        assertEquals(List.of(), e.derived(), "both projects have their own titles");
    }

    @Test
    void dachau() throws IOException {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(seed("dachau-landkreis.txt"));
        assertNull(e.municipalityName(), "no contact block");
        assertNull(e.title(), "the title label has no value");
        assertTrue(e.summary().startsWith("Das Projekt IMA fördert und begleitet Integrationsideen"));
        assertTrue(e.summary().endsWith("Ausführlichere Beschreibungen siehe Anlage."));
        assertTrue(e.description().startsWith("„Ich habe nie gedacht, dass Integration so viel Spaß"));
        assertTrue(e.answers().isEmpty(), "the C sections are empty");
        assertEquals(1, e.projects().size(), "the second single project is empty");
        String project = (String) e.projects().get(0).get("D15");
        assertTrue(project.startsWith("Die ganze Gemeinde Hebertshausen feierte am 01. Oktober 2017 den Tag der Regionen"));
        assertTrue(project.contains("Mehr als 70 Aussteller"));
        assertEquals("WAS MACHT REICH", e.projects().get(0).get("D10"), "the quoted motto near the start");
        assertEquals(List.of("projects[0].answers.D10"), e.derived());
        assertEquals(List.of(), e.unplaced());
    }

    @Test
    void heilbronn() throws IOException {
        ParsedEntry e = new LegacyParser(ZusammenlebenForm.build()).parse(seed("heilbronn-landkreis.txt"));
        assertNull(e.title());
        assertEquals("Dezentrale Verteilung und Projektförderung mit dem Ziel die Integration von Geflüchteten im "
                + "Landkreis Heilbronn zu fördern.\nGemeinsam sollte entwickelt werden wie Integration vor Ort "
                + "gelingen kann.", e.summary());
        assertTrue(e.description().startsWith("1. Projektpartner\nProjektpartner des Landratsamts Heilbronn"));
        assertTrue(e.description().endsWith("zur Bürgerbeteiligung!"));
        assertEquals(2, e.projects().size());
        assertTrue(((String) e.projects().get(0).get("D15")).startsWith("Insgesamt gab es 24 Projekte im Landkreis."));
        assertTrue(((String) e.projects().get(0).get("D15")).contains("Mit dem Integrationscafé ist es gelungen"));
        assertTrue(((String) e.projects().get(1).get("D15")).contains("Jobbörse"));
        assertEquals("Insgesamt gab es 24 Projekte im Landkreis", e.projects().get(0).get("D10"),
                "\"GIV\" is too short for a name: the first sentence");
        assertEquals(List.of("projects[0].answers.D10", "projects[1].answers.D10"), e.derived());
        assertEquals(List.of(), e.unplaced());
    }
}
