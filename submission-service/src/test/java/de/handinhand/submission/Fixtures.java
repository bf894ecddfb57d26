package de.handinhand.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.EntryFixtures;
import de.handinhand.common.testing.TestTokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders for request bodies the tests share. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Map<String, Object> call(String title, Instant opensAt, Instant deadline) {
        return new java.util.HashMap<>(Map.of(
                "title", title,
                "kind", "COMPETITION",
                "formTemplate", "ZUSAMMENLEBEN_HAND_IN_HAND",
                "opensAt", opensAt.toString(),
                "deadline", deadline.toString(),
                "juryEndsAt", deadline.plus(Duration.ofDays(30)).toString(),
                "categories", List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN")));
    }

    /**
     * An open project-funding call (PROJEKTFOERDERUNG, FUNDING, 50.000 €, one category) run by
     * {@code kreisId} (null: no Kreis), created by {@code organizer}; returns its id.
     */
    public static String projectCall(String organizer, String kreisId, String title) {
        Instant now = Instant.now();
        Map<String, Object> body = call(title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        body.put("kind", "FUNDING");
        body.put("formTemplate", "PROJEKTFOERDERUNG");
        body.put("budgetCents", 5_000_000);
        body.put("categories", List.of("PROJEKT"));
        if (kreisId != null) {
            body.put("kreisId", kreisId);
        }
        return given().auth().oauth2(organizer).contentType(ContentType.JSON).body(body).post("/api/calls")
                .then().statusCode(201).extract().path("id");
    }

    /** A complete project application for the period {@code start}–{@code end} (YYYY-MM-DD), as a mutable map. */
    public static Map<String, Object> application(String callId, String title, String start, String end) {
        return EntryFixtures.projectApplication(callId, title, start, end);
    }

    /** Creates an open call through the API and returns its id. */
    public static String openCall(String title) {
        Instant now = Instant.now();
        return given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(call(title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))))
                .post("/api/calls")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Moves the call's deadline an hour into the past (an organizer's change), so it is in its jury phase. */
    public static void passDeadline(String callId) {
        Instant now = Instant.now();
        Map<String, Object> body = call("Frist abgelaufen", now.minus(Duration.ofDays(10)), now.minus(Duration.ofHours(1)));
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .put("/api/calls/" + callId).then().statusCode(200).body("phase", equalTo("JURY"));
    }

    /** Creates and submits a complete entry; returns its id. */
    public static String submitted(String token, String callId, String title) {
        String id = draft(token, callId, title);
        given().auth().oauth2(token).post("/api/submissions/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** A complete competition entry (every required answer), as a mutable map. */
    public static Map<String, Object> entry(String callId, String title) {
        return EntryFixtures.entry(callId, title);
    }

    /** Creates a draft as the given submitter and returns its id. */
    public static String draft(String token, String callId, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(entry(callId, title))
                .post("/api/submissions")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** The call an entry belongs to, as its owner reads it. */
    public static String callOf(String token, String submissionId) {
        return given().auth().oauth2(token).get("/api/submissions/" + submissionId).then().statusCode(200)
                .extract().path("callId");
    }
}
