package de.handinhand.submission.form;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import de.handinhand.submission.demo.DemoData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class FormResourceTest {

    @Test
    void theCompetitionFormAsThe2017FormsHaveIt() {
        JsonPath form = given().get("/api/calls/" + DemoData.DEMO_CALL_ID + "/form")
                .then().statusCode(200).body("template", equalTo("ZUSAMMENLEBEN_HAND_IN_HAND"))
                .body("sections.code", contains("A", "B", "C1", "C2", "C3"))
                .extract().jsonPath();
        assertEquals(List.of("C10", "C11", "C12"), form.getList("sections.find { it.code == 'C1' }.questions.code"));
        assertEquals(List.of("C20", "C21", "C22", "C23", "C24", "C25", "C25a", "C26a", "C26b", "C26c", "C26d", "C26e",
                "C26f", "C26g", "C26h", "C26i", "C26j", "C26k", "C27a", "C27b"),
                form.getList("sections.find { it.code == 'C2' }.questions.code"));
        assertEquals(List.of("C30", "C30a", "C31", "C31a", "C32", "C33", "C34", "C35", "C36", "C36a", "C37", "C37a",
                "C38", "C38a"), form.getList("sections.find { it.code == 'C3' }.questions.code"));

        Map<String, Object> c23 = question(form, "C2", "C23");
        assertEquals("An welche Gruppen richtet sich Ihr Wettbewerbsbeitrag?", c23.get("label"));
        assertEquals("MULTI_CHOICE", c23.get("type"));
        assertEquals(true, c23.get("required"));
        List<String> groups = form.getList("sections.find { it.code == 'C2' }.questions.find { it.code == 'C23' }"
                + ".options.code");
        assertEquals(13, groups.size());
        assertEquals("KINDER_KITA", groups.get(0));
        Map<String, Object> c25a = question(form, "C2", "C25a");
        assertEquals("Wenn \"Weitere\"... Welche?", c25a.get("label"));
        assertEquals(Map.of("question", "C25", "anyOf", List.of("WEITERE")), c25a.get("requiredWhen"));
        assertEquals(500, c25a.get("maxLength"));
        Map<String, Object> c26a = question(form, "C2", "C26a");
        assertEquals("Handlungsfeld Wohnen und Wohnumfeld", c26a.get("label"));
        assertEquals("C26", ((Map<?, ?>) c26a.get("group")).get("code"));
        assertEquals(3, ((List<?>) c26a.get("options")).size());
        Map<String, Object> c10 = question(form, "C1", "C10");
        assertEquals("YES_NO", c10.get("type"));
        assertEquals(List.of("YES", "NO"), ((List<Map<String, Object>>) c10.get("options")).stream()
                .map(o -> o.get("code")).toList());
        assertEquals("YES_NO_PLANNED", question(form, "C3", "C36").get("type"));
        assertEquals("title", question(form, "B", "B1").get("field"));
        assertEquals(true, question(form, "A", "A1").get("readOnly"));

        assertEquals(5, form.getInt("projectGroup.maxProjects"));
        assertEquals(List.of("D10", "D11", "D12", "D13", "D14", "D14a", "D15"), form.getList("projectGroup.questions.code"));
        assertEquals(List.of("C26"), form.getList("atLeastOneOf.code"));
    }

    @Test
    void theDialogueReportHasTypedNumbersMoneyAndDates() {
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call("Flüchtlingsdialog 2026", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        body.put("kind", "DIALOG_REPORT");
        body.put("formTemplate", "FLUECHTLINGSDIALOG");
        String id = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/calls").then().statusCode(201).extract().path("id");
        JsonPath form = given().get("/api/calls/" + id + "/form").then().statusCode(200)
                .body("template", equalTo("FLUECHTLINGSDIALOG"))
                .body("projectGroup", nullValue())
                .extract().jsonPath();
        assertEquals("NUMBER", question(form, "F1", "F11").get("type"));
        assertEquals("Einwohnerzahl", question(form, "F1", "F11").get("label"));
        assertEquals("DATE", question(form, "F2", "F21").get("type"));
        assertEquals("NUMBER", question(form, "F6", "F61").get("type"));
        assertEquals("MONEY", question(form, "F9", "F90").get("type"));
        given().get("/api/calls/" + id + "/form").then()
                .body("sections.title", hasItems("Angaben zur Kommune", "Veranstaltungskonzept",
                        "Ausgangssituation/Anlass", "Beratung und Moderation", "Themenfelder", "Beteiligte Akteure",
                        "Bewertung des Ablaufs und der Ergebnisse",
                        "Konkrete Ergebnisse, Maßnahmen und nächste Schritte", "Kosten und Effizienz", "Empfehlungen"));
    }

    @Test
    void unknownCallHasNoForm() {
        given().get("/api/calls/5b7d0e0e-0000-4000-8000-000000000001/form").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> question(JsonPath form, String section, String code) {
        return form.getMap("sections.find { it.code == '" + section + "' }.questions.find { it.code == '" + code + "' }");
    }
}
