package de.handinhand.web.gemeinde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.web.common.FormValues;
import de.handinhand.web.i18n.FormMsg;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry form against a form with every question type, as GET /api/calls/{id}/form sends it. */
class EntryFormTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final FormMsg MSG = (FormMsg) Proxy.newProxyInstance(FormMsg.class.getClassLoader(), new Class<?>[] {FormMsg.class},
            (proxy, method, args) -> method.getName());

    static final String FORM = """
            {"template": "T", "sections": [
              {"code": "A", "title": "Kontakt", "questions": [
                {"code": "A1", "label": "Name", "type": "TEXT", "required": true, "readOnly": true},
                {"code": "B1", "label": "Titel", "type": "TEXT", "required": true, "maxLength": 300, "field": "title"}]},
              {"code": "C", "title": "Fragen", "questions": [
                {"code": "C10", "label": "Konzept?", "type": "YES_NO", "required": true,
                 "options": [{"code": "YES", "label": "ja"}, {"code": "NO", "label": "nein"}]},
                {"code": "C23", "label": "Gruppen", "type": "MULTI_CHOICE", "required": true,
                 "options": [{"code": "ERWACHSENE", "label": "Erwachsene"}, {"code": "WEITERE", "label": "Weitere"}]},
                {"code": "C25a", "label": "Welche?", "type": "TEXT", "required": false,
                 "requiredWhen": {"question": "C23", "anyOf": ["WEITERE"]}},
                {"code": "C30", "label": "Anzahl", "type": "NUMBER"},
                {"code": "C31", "label": "Kosten", "type": "MONEY"},
                {"code": "C32", "label": "Beginn", "type": "DATE"},
                {"code": "C33", "label": "Text", "type": "LONG_TEXT", "maxLength": 5000}]}],
             "projectGroup": {"maxProjects": 2, "questions": [
                {"code": "D10", "label": "Titel des Einzelprojekts", "type": "TEXT", "required": true},
                {"code": "D15", "label": "Beschreibung", "type": "LONG_TEXT"}]}}""";

    final EntryForm form;

    EntryFormTest() throws Exception {
        form = new EntryForm(MAPPER.readTree(FORM));
    }

    @Test
    void everyQuestionBecomesAControlNamedLikeTheApisField() {
        var sections = form.sections(MAPPER.createObjectNode().put("A1", "Landkreis Dachau"));
        assertEquals(2, sections.size());
        var a1 = sections.get(0).questions().get(0);
        assertTrue(a1.readOnly());
        assertEquals("Landkreis Dachau", a1.readOnlyValue());
        assertEquals("title", sections.get(0).questions().get(1).name());
        var c25a = sections.get(1).questions().get(2);
        assertEquals("answers.C25a", c25a.name());
        assertEquals("answers.C23", c25a.showWhenCode());
        assertEquals("WEITERE", c25a.showWhenValues());
        assertEquals("C23: Weitere", c25a.showWhenText());
        assertEquals(2, sections.get(1).questions().get(0).options().size());
    }

    @Test
    void projectsAreThoseThereAndOneMoreUpToTheMaximum() {
        assertEquals(1, form.projects(0).size());
        assertEquals(2, form.projects(1).size());
        assertEquals(2, form.projects(5).size());
        assertEquals("projects[1].answers.D10", form.projects(1).get(1).questions().get(0).name());
    }

    @Test
    void whatWasTypedBecomesTheApisBody() throws Exception {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        typed.put("title", List.of("  Integration mit Augenmaß "));
        typed.put("answers.A1", List.of("forged"));
        typed.put("answers.C10", List.of("YES"));
        typed.put("answers.C23", List.of("ERWACHSENE", "WEITERE"));
        typed.put("answers.C25a", List.of("Senioren"));
        typed.put("answers.C30", List.of("1,5"));
        typed.put("answers.C31", List.of("1.250,50"));
        typed.put("answers.C32", List.of("2026-05-01"));
        typed.put("answers.C33", List.of(""));
        typed.put("projects[0].answers.D10", List.of("Sprachcafé"));
        typed.put("projects[1].answers.D10", List.of(" "));
        ObjectNode body = form.toJson(new FormValues(typed), "call-1", MAPPER, MSG);
        assertEquals("call-1", body.path("callId").asText());
        assertEquals("Integration mit Augenmaß", body.path("title").asText());
        JsonNode answers = body.path("answers");
        assertFalse(answers.has("A1"), "read-only answers are the server's");
        assertFalse(answers.has("B1"));
        assertEquals("YES", answers.path("C10").asText());
        assertEquals(List.of("ERWACHSENE", "WEITERE"), MAPPER.convertValue(answers.path("C23"), List.class));
        assertEquals(1.5, answers.path("C30").asDouble());
        assertEquals(125050, answers.path("C31").asLong());
        assertEquals("2026-05-01", answers.path("C32").asText());
        assertFalse(answers.has("C33"), "an empty answer is no answer");
        assertEquals(1, body.path("projects").size(), "an empty single project is left out");
        assertEquals("Sprachcafé", body.path("projects").get(0).path("answers").path("D10").asText());
    }

    @Test
    void aStoredEntryFillsTheFormAgain() throws Exception {
        JsonNode entry = MAPPER.readTree("""
                {"title": "T", "answers": {"C23": ["WEITERE"], "C31": 125050, "C10": "NO"},
                 "projects": [{"answers": {"D10": "P1"}}]}""");
        FormValues v = form.values(entry);
        assertEquals("T", v.value("title"));
        assertEquals(List.of("WEITERE"), v.values("answers.C23"));
        assertEquals("1250,50", v.value("answers.C31"));
        assertTrue(v.checked("answers.C10", "NO"));
        assertEquals("P1", v.value("projects[0].answers.D10"));
    }

    @Test
    void amountsInEitherNotationAndRefusedNumbers() throws Exception {
        assertEquals(125000, EntryForm.cents("1.250,00", "x", MSG));
        assertEquals(125000, EntryForm.cents("1250", "x", MSG));
        assertEquals(1250, EntryForm.cents("12.50", "x", MSG));
        assertEquals(1250, EntryForm.cents("12,5 €", "x", MSG));
        EntryForm.LocalError e = assertThrows(EntryForm.LocalError.class, () -> EntryForm.cents("zwölf", "x", MSG));
        assertEquals("x", e.control);
        assertEquals("money_invalid", e.getMessage());
        Map<String, List<String>> typed = Map.of("answers.C30", List.of("viele"));
        EntryForm.LocalError n = assertThrows(EntryForm.LocalError.class,
                () -> form.toJson(new FormValues(new LinkedHashMap<>(typed)), "c", MAPPER, MSG));
        assertEquals("answers.C30", n.control);
    }

    @Test
    void everyControlIsKnownForPlacingErrors() {
        var controls = form.controls(1);
        assertTrue(controls.containsAll(List.of("title", "answers.C23", "projects[0].answers.D10",
                "projects[1].answers.D15", "projects")));
    }
}
