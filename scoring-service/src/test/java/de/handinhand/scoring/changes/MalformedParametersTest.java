package de.handinhand.scoring.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A parameter that is not what the operation declares is a 400 problem naming it, before the
 * service runs: the change feed's cursor, call and size, the filters of the assignment list, a
 * juror's name in the path. A path that cannot name a resource names none (404), and says which
 * parameter it was.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MalformedParametersTest {

    @Test
    void theChangeFeedNamesItsMalformedParameter() {
        Map<String, String> bad = Map.of(
                "size=0", "size", "size=201", "size", "size=viele", "size", "size=1.5", "size",
                "callId=nope", "callId", "since=bm9wZQ", "since", "since=chg2:1:2", "since");
        bad.forEach((query, field) -> given().auth().oauth2(TestTokens.organizer())
                .get("/api/scoring/changes?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:bad-request"))
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString("'" + field + "'")));
        given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/changes?size=1&callId=" + UUID.randomUUID())
                .then().statusCode(200).body("items", equalTo(List.of())).body("hasMore", equalTo(false));
    }

    @Test
    void listFiltersAndPathNamesAreChecked() {
        String organizer = TestTokens.organizer();
        UUID call = UUID.randomUUID();
        given().auth().oauth2(organizer).get("/api/scoring/calls/" + call + "/assignments?juror=" + "j".repeat(101))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("juror"));
        given().auth().oauth2(organizer).get("/api/scoring/jurors/bad%20name/conflicts").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("username"));
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(Map.of("kreise", List.of("05562")))
                .put("/api/scoring/jurors/bad%20name/conflicts").then().statusCode(400)
                .body("errors[0].field", equalTo("username"));
        given().auth().oauth2(organizer).get("/api/scoring/calls/not-a-call/criteria").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("callId"));
        given().auth().oauth2(organizer).get("/api/scoring/cases/not-a-case").then().statusCode(404)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void aMissingOrEmptyBodyIsRequiredWhereTheOperationNeedsOne() {
        String organizer = TestTokens.organizer();
        UUID call = UUID.randomUUID();
        given().auth().oauth2(organizer).contentType(ContentType.JSON).put("/api/scoring/calls/" + call + "/criteria")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body")).body("errors[0].message", equalTo("is required"));
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(Map.of("criteria", List.of()))
                .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(422)
                .body("errors[0].field", equalTo("criteria"));
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body(List.of("a", "b", "a", "a"))
                .put("/api/scoring/calls/" + call + "/jurors").then().statusCode(422)
                .body("errors.field", equalTo(List.of("[2]", "[3]")))
                .body("errors[0].message", equalTo("is given twice"));
    }
}
