package de.handinhand.common.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of complete entries: competition entries ("Zusammenleben Hand in Hand" form) with
 * every required question answered and follow-ups where the answers call for them; a local
 * project's application (PROJEKTFOERDERUNG) and its final report (PROJEKTBERICHT). Plain maps, so
 * tests, the end-to-end run and the benchmarks can send them as JSON.
 */
public final class EntryFixtures {

    private EntryFixtures() {
    }

    /** The questionnaire answers of a complete entry (sections A and C). */
    public static Map<String, Object> answers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("A4", "Kommunales Integrationszentrum");
        a.put("A5", "Sabine Fischer");
        a.put("A6", "Kurt-Schumacher-Allee 1");
        a.put("A7", "45657");
        a.put("A8", "Recklinghausen");
        a.put("A9", "+49 2361 532-020");
        a.put("C10", "YES");
        a.put("C11", "YES");
        a.put("C12", "YES");
        a.put("C20", "YES");
        a.put("C21", "YES");
        a.put("C22", "YES");
        a.put("C23", List.of("ERWACHSENE", "NEUZUGEWANDERTE"));
        a.put("C24", List.of("GESAMTSTADT"));
        a.put("C25", List.of("SCHULEN", "WEITERE"));
        a.put("C25a", "Kirchengemeinden");
        a.put("C26f", List.of("PROJEKT"));
        a.put("C26k", "Sprache");
        a.put("C27a", "YES");
        a.put("C27b", "NO");
        a.put("C30", List.of("SOZIALES", "INTEGRATIONSBEAUFTRAGTE"));
        a.put("C31", List.of("KIRCHEN", "SPORTVEREINE"));
        a.put("C32", "YES");
        a.put("C33", "DAUERANGEBOT");
        a.put("C34", List.of("KOMMUNAL", "LAND"));
        a.put("C35", "BIS_ZWEI_JAHRE");
        a.put("C36", "PLANNED");
        a.put("C36a", List.of("SELBSTEVALUATION"));
        a.put("C37", "NO");
        a.put("C38", "NO");
        return a;
    }

    /** A complete single project. */
    public static Map<String, Object> project(String title, String description) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("D10", title);
        d.put("D11", "BIS_ZWEI_JAHRE");
        d.put("D12", "OFFEN");
        d.put("D13", List.of("KOMMUNAL"));
        d.put("D14", "NO");
        d.put("D15", description);
        return d;
    }

    /** A complete entry with two single projects, ready to be posted and submitted. */
    public static Map<String, Object> entry(String callId, String title) {
        return entry(callId, title, List.of(project("Integrationscafé", "Wöchentlicher Treffpunkt"),
                project("Sport verbindet", "Fußball für alle")));
    }

    /**
     * A complete PROJEKTFOERDERUNG application: a tandem, target groups, the period {@code start} to
     * {@code end} (YYYY-MM-DD), a cost plan of 1.850 € in three lines, 350 € co-funding, and 1.500 €
     * asked for (all the total less the co-funding allows).
     */
    public static Map<String, Object> projectApplication(String callId, String title, String start, String end) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("P14", "kontakt@ak-eppingen.example");
        a.put("P20", "Amal Haddad");
        a.put("P21", "Idee, Rezepte und Einladungen in der Unterkunft");
        a.put("P22", "Jürgen Weber");
        a.put("P23", "Räume, Einkauf und Abrechnung");
        a.put("P31", "Geflüchtete und Alteingesessene kochen und essen gemeinsam; Begegnung auf Augenhöhe.");
        a.put("P32", List.of("NEUZUGEWANDERTE", "BEVOELKERUNG_VOR_ORT"));
        a.put("P33", List.of("KULTUR", "ENGAGEMENT"));
        a.put("P34", "Jugendhaus, Kaiserstraße 1, 75031 Eppingen");
        a.put("P40", start);
        a.put("P41", end);
        a.put("P50", 60_000);
        a.put("P51", 45_000);
        a.put("P54", 80_000);
        a.put("P58", 185_000);
        a.put("P61", 35_000);
        a.put("P62", "Stadt Eppingen");
        Map<String, Object> body = new HashMap<>();
        body.put("callId", callId);
        body.put("title", title);
        body.put("summary", "Monatliche Kochabende von Geflüchteten und Einheimischen");
        body.put("description", "Ein Jahr lang kochen Geflüchtete und Einheimische einmal im Monat gemeinsam.");
        body.put("answers", a);
        body.put("requestedCents", 150_000);
        return body;
    }

    /** A complete PROJEKTBERICHT body: spent lines adding up to the total, participants, what continues. */
    public static Map<String, Object> finalReport() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("R10", "Zwölf Kochabende im Jugendhaus, abwechselnd syrisch, afghanisch und schwäbisch.");
        r.put("R20", 86);
        r.put("R21", 41);
        r.put("R22", 9);
        r.put("R23", 12);
        r.put("R30", 60_000);
        r.put("R31", 45_000);
        r.put("R34", 80_000);
        r.put("R38", 185_000);
        r.put("R40", "YES");
        r.put("R41", "Der Kochabend bleibt; das Jugendhaus stellt die Küche weiter.");
        return Map.of("answers", r);
    }

    public static Map<String, Object> entry(String callId, String title, List<Map<String, Object>> projects) {
        Map<String, Object> body = new HashMap<>();
        body.put("callId", callId);
        body.put("title", title);
        body.put("summary", "Kurzfassung: " + title);
        body.put("description", "Ausgangssituation, Ziele, Vorgehen und Ergebnisse von " + title);
        body.put("answers", answers());
        body.put("projects", projects.stream().map(p -> Map.of("answers", p)).toList());
        return body;
    }
}
