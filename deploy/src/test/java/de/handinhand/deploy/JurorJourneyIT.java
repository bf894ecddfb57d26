package de.handinhand.deploy;

import static de.handinhand.deploy.Gateway.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A juror's job (user {@code juror2}): list the cases assigned to them, open one with its
 * attachments, score it, finalise the sheet, then read the colleague's sheet and follow the change
 * feed. Four municipalities enter, each with a PDF; the organizer puts three jurors on the call and
 * assigns two per entry. Then the cases and files of entries assigned to others are refused.
 */
@Journey
class JurorJourneyIT {

    static final String ME = "juror2";
    static final List<String> JURY = List.of("juror1", "juror2", "juror3");
    static final List<String> MUNICIPALITIES = List.of("heilbronn", "recklinghausen", "heidenheim",
            "bad-sooden-allendorf");

    final Gateway gateway;
    final Steps steps;
    String call;
    /** Entry id → what its municipality submitted. */
    final Map<String, String> titles = new LinkedHashMap<>();
    final Map<String, String> projects = new LinkedHashMap<>();
    final Map<String, byte[]> files = new LinkedHashMap<>();
    List<String> mine;
    /** The case this journey scores, its entry, and the colleague assigned to it too. */
    String caseId;
    String entry;
    String colleague;

    JurorJourneyIT(Gateway gateway, Steps steps) {
        this.gateway = gateway;
        this.steps = steps;
    }

    @BeforeAll
    void municipalitiesEnterAndTheOrganizerAssignsTheJury() {
        String word = Steps.uniqueWord("");
        call = steps.openCall("Journey Jury " + word);
        for (String municipality : MUNICIPALITIES) {
            String title = "Beitrag " + municipality + " " + word;
            String project = "Projekt " + municipality + " " + word;
            String id = steps.draft(municipality, call, title, project);
            projects.put(id, project);
            byte[] pdf = Steps.pdf("Anlage von " + municipality + " " + word);
            steps.attach(municipality, id, "Anlage " + municipality + ".pdf", pdf);
            steps.submit(municipality, id);
            titles.put(id, title);
            files.put(id, pdf);
        }
        for (String id : titles.keySet()) {
            steps.awaitCase(call, id, 1);
        }
        steps.setJurors(call, JURY);
        gateway.as(Steps.ORGANIZER).contentType(ContentType.JSON)
                .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2, "seed", 2017))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                .body("understaffed.size()", equalTo(0));
    }

    @Test
    @Order(1)
    void listsExactlyTheCasesAssignedToIt() {
        mine = steps.assignedTo(call, ME);
        // Four entries, two jurors each, three jurors: loads of 3, 3 and 2.
        assertTrue(mine.size() == 2 || mine.size() == 3, "assigned: " + mine);

        JsonPath list = gateway.as(ME).queryParam("callId", call).get("/api/scoring/cases").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.copyOf(mine), Set.copyOf(list.getList("items.submissionId")));
        assertEquals(mine.size(), list.getInt("total"));
        assertEquals(mine.size(), list.getList("items").size());
        for (Map<String, Object> item : list.<Map<String, Object>>getList("items")) {
            assertEquals("NONE", item.get("sheet"), "own sheet of " + item.get("submissionId"));
            assertFalse(item.containsKey("sheets"), "jurors never see the sheets of others: " + item);
            assertEquals(titles.get((String) item.get("submissionId")), item.get("title"));
        }
        // In the order category, municipality.
        List<Map<String, Object>> items = list.getList("items");
        List<Map<String, Object>> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing((Map<String, Object> i) -> (String) i.get("category"))
                .thenComparing(i -> (String) i.get("municipalityName")));
        assertEquals(sorted, items);

        // Across all calls, the list holds these too.
        List<String> everywhere = gateway.as(ME).queryParam("size", 200).get("/api/scoring/cases").then()
                .statusCode(200).extract().jsonPath().getList("items.submissionId");
        assertTrue(everywhere.containsAll(mine), everywhere + " lacks some of " + mine);
    }

    @Test
    @Order(2)
    void opensACaseAndReadsItsAttachments() {
        entry = mine.get(0);
        caseId = steps.caseOf(call, entry).get("id").toString();
        gateway.as(ME).get("/api/scoring/cases/" + caseId).then().statusCode(200)
                .body("submissionId", equalTo(entry)).body("title", equalTo(titles.get(entry)))
                .body("version", equalTo(1)).body("status", equalTo("ACTIVE")).body("sheet", equalTo("NONE"))
                .body("answers.C10", equalTo("YES")).body("projects[0].D10", equalTo(projects.get(entry)))
                .body("precheck", notNullValue()).body("sheets", nullValue());

        // The submission service learns who may read the entry's files from the assignments event.
        JsonPath attachments = eventually("juror " + ME + " may read the attachments of " + entry,
                () -> gateway.as(ME).get("/api/submissions/" + entry + "/attachments").then().extract(),
                r -> r.statusCode() == 200).jsonPath();
        byte[] uploaded = files.get(entry);
        assertEquals(1, attachments.getInt("total"));
        assertEquals(Steps.sha256(uploaded), attachments.getString("items[0].sha256"));
        Response download = gateway.as(ME)
                .get("/api/submissions/" + entry + "/attachments/" + attachments.getString("items[0].id"));
        download.then().statusCode(200).contentType("application/pdf");
        assertArrayEquals(uploaded, download.asByteArray());
        assertEquals(Steps.sha256(uploaded), Steps.sha256(download.asByteArray()));
    }

    @Test
    @Order(3)
    void savesADraftSheetOnceTheJuryPhaseOpens() {
        // Before the deadline nobody scores.
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.sheet(6, false))
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(409)
                .body("errors[0].field", equalTo("phase"));

        steps.openJuryPhase(call);
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.sheet(6, false))
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200)
                .body("mine.final", equalTo(false)).body("mine.juror", equalTo(ME))
                .body("mine.scores.size()", equalTo(Steps.CRITERIA.size()));
        assertEquals("DRAFT", sheetStates().get(entry));

        // The colleague finalises first; with a draft of its own, this juror does not see it yet.
        colleague = gateway.as(Steps.ORGANIZER).queryParam("submissionId", entry)
                .get("/api/scoring/calls/" + call + "/assignments").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.juror").stream().filter(j -> !j.equals(ME)).findFirst().orElseThrow();
        steps.finalSheet(colleague, caseId, 8);
        gateway.as(ME).get("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200)
                .body("othersVisible", equalTo(false)).body("sheets", nullValue()).body("result", nullValue());
    }

    @Test
    @Order(4)
    void finalisesTheSheet() {
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.sheet(7, true))
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200)
                .body("mine.final", equalTo(true)).body("mine.total", equalTo(70.0f))
                .body("mine.entryVersion", equalTo(1));
        Map<String, String> states = sheetStates();
        assertEquals("FINAL", states.get(entry));
        mine.stream().filter(id -> !id.equals(entry)).forEach(id -> assertEquals("NONE", states.get(id), id));
        gateway.as(ME).get("/api/scoring/cases/" + caseId).then().body("sheet", equalTo("FINAL"));
    }

    @Test
    @Order(5)
    void seesTheColleaguesSheetAndTheResultOnceItsOwnIsFinal() {
        JsonPath scores = gateway.as(ME).get("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200)
                .body("othersVisible", equalTo(true)).extract().jsonPath();
        Map<String, Float> totals = new LinkedHashMap<>();
        for (Map<String, Object> sheet : scores.<Map<String, Object>>getList("sheets")) {
            assertEquals(true, sheet.get("final"), "only final sheets count: " + sheet);
            totals.put((String) sheet.get("juror"), ((Number) sheet.get("total")).floatValue());
        }
        assertEquals(Map.of(ME, 70.0f, colleague, 80.0f), totals);
        assertEquals(2, scores.getInt("result.jurorCount"));
        assertEquals(75.0f, scores.getFloat("result.mean"));

        // Before publication a juror's ranking holds exactly the entries it has finalised.
        JsonPath ranking = gateway.as(ME).get("/api/scoring/calls/" + call + "/ranking").then().statusCode(200)
                .extract().jsonPath();
        List<String> ranked = new ArrayList<>();
        ranking.<Map<String, Object>>getList("categories").forEach(c -> ((List<?>) c.get("entries"))
                .forEach(e -> ranked.add((String) ((Map<?, ?>) e).get("submissionId"))));
        assertEquals(List.of(entry), ranked);
    }

    @Test
    @Order(6)
    void followsItsChangeFeed() {
        List<Map<String, Object>> feed = eventually("the sheet's changes in the feed of " + ME, this::wholeFeed,
                changes -> changes.stream().anyMatch(c -> "SHEET_FINALISED".equals(c.get("kind"))));
        Set<String> assignedInFeed = new HashSet<>();
        for (Map<String, Object> change : feed) {
            Object juror = change.get("juror");
            assertTrue(juror == null || ME.equals(juror), "another juror's name in the feed: " + change);
            String kind = (String) change.get("kind");
            if (kind.startsWith("SHEET_")) {
                assertEquals(ME, juror, "a colleague's sheet change in the feed: " + change);
                assertEquals(caseId, change.get("caseId"));
            }
            if (kind.equals("ASSIGNMENT_ADDED")) {
                assignedInFeed.add((String) change.get("submissionId"));
            }
            assertTrue(change.get("submissionId") == null || mine.contains(change.get("submissionId")),
                    "a change of an entry not assigned to " + ME + ": " + change);
        }
        assertEquals(Set.copyOf(mine), assignedInFeed);
        assertEquals(List.of("SHEET_SAVED", "SHEET_FINALISED"), feed.stream()
                .map(c -> (String) c.get("kind")).filter(k -> k.startsWith("SHEET_")).toList());

        // From the cursor on, the feed brings exactly what happens next.
        String cursor = gateway.as(ME).queryParam("callId", call).queryParam("size", 200)
                .get("/api/scoring/changes").then().statusCode(200).body("hasMore", equalTo(false))
                .extract().path("next");
        String other = mine.get(1);
        String otherCase = steps.caseOf(call, other).get("id").toString();
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.sheet(5, false))
                .put("/api/scoring/cases/" + otherCase + "/scores").then().statusCode(200);
        List<Map<String, Object>> next = eventually("the new draft in the feed after the cursor",
                () -> gateway.as(ME).queryParam("callId", call).queryParam("since", cursor)
                        .get("/api/scoring/changes").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("items"),
                items -> !items.isEmpty());
        assertEquals(1, next.size(), "after the cursor: " + next);
        assertEquals("SHEET_SAVED", next.get(0).get("kind"));
        assertEquals(otherCase, next.get(0).get("caseId"));
        assertEquals(ME, next.get(0).get("juror"));
    }

    @Test
    @Order(7)
    void theCasesAndFilesOfOthersAndTheOrganizersWorkAreRefused() {
        List<String> others = titles.keySet().stream().filter(id -> !mine.contains(id)).toList();
        assertFalse(others.isEmpty(), "every entry is assigned to " + ME);
        for (String foreign : others) {
            String foreignCase = steps.caseOf(call, foreign).get("id").toString();
            gateway.as(ME).get("/api/scoring/cases/" + foreignCase).then().statusCode(404)
                    .contentType("application/problem+json");
            gateway.as(ME).get("/api/scoring/cases/" + foreignCase + "/scores").then().statusCode(404);
            gateway.as(ME).contentType(ContentType.JSON).body(Steps.sheet(10, true))
                    .put("/api/scoring/cases/" + foreignCase + "/scores").then().statusCode(404);
            gateway.as(ME).get("/api/submissions/" + foreign + "/attachments").then().statusCode(404)
                    .contentType("application/problem+json");
            String file = gateway.as(Steps.ORGANIZER).get("/api/submissions/" + foreign + "/attachments").then()
                    .statusCode(200).extract().path("items[0].id");
            gateway.as(ME).get("/api/submissions/" + foreign + "/attachments/" + file).then().statusCode(404);
        }
        // The entry itself is not a juror's to read, only the files of an assigned one.
        gateway.as(ME).get("/api/submissions/" + entry).then().statusCode(403).contentType("application/problem+json");

        // Bad sheets: points off the scale, a final sheet changed again.
        Map<String, Object> offScale = Map.of("scores", List.of(Map.of("criterion", "BEDARFSANALYSE", "points", 11)),
                "final", false);
        String otherCase = steps.caseOf(call, mine.get(1)).get("id").toString();
        gateway.as(ME).contentType(ContentType.JSON).body(offScale).put("/api/scoring/cases/" + otherCase + "/scores")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("scores[0].points"));
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.sheet(3, true))
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(409)
                .body("errors[0].field", equalTo("final"));
        gateway.as(ME).get("/api/scoring/cases/" + caseId + "/scores").then().body("mine.total", equalTo(70.0f));

        // The organizer's work.
        gateway.as(ME).contentType(ContentType.JSON).body(Map.of("winnersPerCategory", 1))
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);
        gateway.as(ME).contentType(ContentType.JSON).body(List.of(ME))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(403);
        gateway.as(ME).get("/api/scoring/calls/" + call + "/assignments").then().statusCode(403);
        gateway.as(ME).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 3))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(403);
        gateway.anonymous().get("/api/scoring/cases").then().statusCode(401).contentType("application/problem+json");
    }

    /** The caller's own sheet state per entry, from the juror's case list. */
    private Map<String, String> sheetStates() {
        Map<String, String> states = new LinkedHashMap<>();
        gateway.as(ME).queryParam("callId", call).get("/api/scoring/cases").then().statusCode(200).extract()
                .jsonPath().<Map<String, Object>>getList("items")
                .forEach(i -> states.put((String) i.get("submissionId"), (String) i.get("sheet")));
        return states;
    }

    /** The juror's whole feed of the call, page after page. */
    private List<Map<String, Object>> wholeFeed() {
        List<Map<String, Object>> all = new ArrayList<>();
        String since = null;
        boolean more = true;
        while (more) {
            var request = gateway.as(ME).queryParam("callId", call).queryParam("size", 50);
            if (since != null) {
                request = request.queryParam("since", since);
            }
            JsonPath page = request.get("/api/scoring/changes").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            since = page.getString("next");
            more = page.getBoolean("hasMore");
        }
        return all;
    }
}
