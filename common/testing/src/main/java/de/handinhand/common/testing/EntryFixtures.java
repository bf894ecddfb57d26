package de.handinhand.common.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of complete competition entries ("Zusammenleben Hand in Hand" form): every
 * required question answered, follow-ups where the answers call for them. Plain maps, so tests,
 * the end-to-end run and the benchmarks can send them as JSON.
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
