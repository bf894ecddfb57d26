package de.handinhand.submission;

import static io.restassured.RestAssured.given;

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

    /** Creates an open call through the API and returns its id. */
    public static String openCall(String title) {
        Instant now = Instant.now();
        return given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON)
                .body(call(title, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))))
                .post("/api/calls")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static Map<String, Object> entry(String callId, String title) {
        return Map.of(
                "callId", callId,
                "title", title,
                "summary", "Kurzfassung: " + title,
                "description", "Ausgangssituation und Vorgehen",
                "answers", Map.of("C10", "YES", "C23", List.of("ERWACHSENE", "NEUZUGEWANDERTE"),
                        "C26f", List.of("PROJEKT")),
                "projects", List.of(
                        Map.of("answers", Map.of("D10", "Integrationscafé", "D15", "Wöchentlicher Treffpunkt")),
                        Map.of("answers", Map.of("D10", "Sport verbindet", "D15", "Fußball für alle"))));
    }

    /** Creates a draft as the given submitter and returns its id. */
    public static String draft(String token, String callId, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(entry(callId, title))
                .post("/api/submissions")
                .then().statusCode(201)
                .extract().path("id");
    }
}
