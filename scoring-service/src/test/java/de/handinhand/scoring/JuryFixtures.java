package de.handinhand.scoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.CallPublished;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Calls, entries and jury set-up through events and the REST API, for the jury's tests. */
public final class JuryFixtures {

    public enum Phase { SUBMISSION, JURY, CLOSED }

    private final InMemoryConnector connector;

    public JuryFixtures(InMemoryConnector connector) {
        this.connector = connector;
    }

    public static String organizer() {
        return TestTokens.organizer();
    }

    /** A juror name no other test uses: conflicts are per juror across calls. */
    public static String newJuror(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A municipality of its own Kreis (a Landkreis) in the given Land, with a fresh key. */
    public static MunicipalityRef municipality(String land) {
        String kreis = String.format("%05d", ThreadLocalRandom.current().nextInt(10_000, 99_999));
        return new MunicipalityRef(kreis, "Landkreis " + kreis, "LANDKREIS", land, kreis, 100_000);
    }

    public UUID call(Phase phase, String kind, Long budget) {
        UUID id = UUID.randomUUID();
        publishCall(id, phase, kind, budget);
        return id;
    }

    public void publishCall(UUID id, Phase phase, String kind, Long budget) {
        Instant now = Instant.now();
        Instant deadline = switch (phase) {
            case SUBMISSION -> now.plus(Duration.ofDays(10));
            case JURY -> now.minus(Duration.ofDays(1));
            case CLOSED -> now.minus(Duration.ofDays(30));
        };
        Instant juryEnds = phase == Phase.CLOSED ? now.minus(Duration.ofDays(1)) : deadline.plus(Duration.ofDays(20));
        CallPublished call = new CallPublished(id, "Jury " + phase, kind, "ZUSAMMENLEBEN_HAND_IN_HAND",
                deadline.minus(Duration.ofDays(30)), deadline, juryEnds, null,
                List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"), budget, null);
        connector.<String>source("submission-events").send(EventFixtures.event(EventTypes.CALL_PUBLISHED, id.toString(), call));
    }

    public UUID call(Phase phase) {
        return call(phase, "COMPETITION", null);
    }

    public UUID submit(UUID call, MunicipalityRef m, String category, Long requestedCents, Map<String, Object> answers,
            int version, UUID submissionId) {
        SubmissionSubmitted s = new SubmissionSubmitted(submissionId, call, requestedCents == null ? "COMPETITION" : "FUNDING",
                version, category, "Beitrag " + m.name() + " v" + version, "Kurzfassung", "Beschreibung", answers,
                List.of(), List.of(), List.of(), requestedCents, m, Instant.now(), false, "ZUSAMMENLEBEN_HAND_IN_HAND",
                List.of(), List.of(), null, null, null);
        connector.<String>source("submission-events").send(EventFixtures.submittedEvent(s));
        return submissionId;
    }

    /** An entry an organizer imported from a legacy text export, with the lines the parser could not place. */
    public UUID submitImported(UUID call, MunicipalityRef m, List<String> unplaced) {
        UUID id = UUID.randomUUID();
        SubmissionSubmitted s = new SubmissionSubmitted(id, call, "COMPETITION", 1, "LANDKREIS", "Import " + m.name(),
                null, "Beschreibung", Map.of("C10", "YES"), List.of(), List.of(), List.of(), null, m, Instant.now(), true,
                "ZUSAMMENLEBEN_HAND_IN_HAND", List.of(), unplaced, null, null, null);
        connector.<String>source("submission-events").send(EventFixtures.submittedEvent(s));
        return id;
    }

    public UUID submit(UUID call, MunicipalityRef m) {
        return submit(call, m, "LANDKREIS", null, Map.of("C10", "YES", "C12", "NO", "C36", "PLANNED"), 1,
                UUID.randomUUID());
    }

    public void withdraw(UUID call, UUID submission, MunicipalityRef m) {
        connector.<String>source("submission-events").send(EventFixtures.event(EventTypes.SUBMISSION_WITHDRAWN,
                submission.toString(), EventFixtures.withdrawn(submission, call, m, 1)));
    }

    /** Waits until the organizer sees {@code n} cases of the call; returns submissionId → caseId order of the list. */
    public JsonPath awaitCases(UUID call, int n) {
        await().atMost(Duration.ofSeconds(15)).until(() -> cases(call).getInt("total") == n);
        return cases(call);
    }

    public JsonPath cases(UUID call) {
        return given().auth().oauth2(organizer()).get("/api/scoring/cases?size=200&callId=" + call).then()
                .statusCode(200).extract().jsonPath();
    }

    public String caseId(UUID call, UUID submission) {
        return cases(call).getString("items.find { it.submissionId == '" + submission + "' }.id");
    }

    /** Waits until the call's latest dates are applied and it is in the given phase. */
    public void awaitPhase(UUID call, String phase) {
        await().atMost(Duration.ofSeconds(15)).until(() -> phase.equals(given().auth().oauth2(organizer())
                .get("/api/scoring/calls/" + call).then().extract().path("phase")));
    }

    public void jurors(UUID call, String... jurors) {
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(List.of(jurors))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(200);
    }

    public void assign(UUID call, String juror, UUID submission) {
        given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "MANUAL", "pairs", List.of(Map.of("juror", juror, "submissionId", submission.toString()))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200);
    }

    /** AUTO assignment with k jurors per entry and a fixed seed; the answer. */
    public JsonPath auto(UUID call, int k, long seed) {
        return given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                .body(Map.of("mode", "AUTO", "jurorsPerSubmission", k, "seed", seed))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200).extract().jsonPath();
    }

    /** One page of a juror's own case list; call null for all calls. */
    public static JsonPath ownCases(String juror, UUID call, int page, int size) {
        return given().auth().oauth2(TestTokens.juror(juror))
                .get("/api/scoring/cases?page=" + page + "&size=" + size + (call == null ? "" : "&callId=" + call))
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    /** The submission ids of a juror's pairs of the call, as the organizer's assignment list has them. */
    public static java.util.Set<String> assignedTo(String juror, UUID call) {
        JsonPath page = given().auth().oauth2(organizer())
                .get("/api/scoring/calls/" + call + "/assignments?size=200&juror=" + juror).then().statusCode(200)
                .extract().jsonPath();
        return new java.util.HashSet<>(page.getList("items.submissionId", String.class));
    }

    /** Resubmits an entry as the given version (same municipality unless another is given). */
    public UUID resubmit(UUID call, MunicipalityRef m, UUID submission, int version) {
        return submit(call, m, "LANDKREIS", null, Map.of("C10", "YES"), version, submission);
    }

    /** Each criterion gets the same points; returns the response. */
    public static Map<String, Object> sheet(boolean fin, Object... codeAndPoints) {
        List<Map<String, Object>> marks = new java.util.ArrayList<>();
        for (int i = 0; i < codeAndPoints.length; i += 2) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("criterion", codeAndPoints[i]);
            if ("n/a".equals(codeAndPoints[i + 1])) {
                m.put("notApplicable", true);
            } else {
                m.put("points", codeAndPoints[i + 1]);
            }
            marks.add(m);
        }
        return Map.of("scores", marks, "final", fin);
    }

    public static io.restassured.response.ValidatableResponse score(String juror, String caseId, Object body) {
        return given().auth().oauth2(TestTokens.juror(juror)).contentType(ContentType.JSON).body(body)
                .put("/api/scoring/cases/" + caseId + "/scores").then();
    }
}
