package de.handinhand.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every list of the submission service has one shape, {@code {items, total, page, size}}, pages
 * 0-based with size 1…200 (default 20), and answers a bad page or size with a 400 naming it.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ListShapeTest {

    static final String DACHAU = TestTokens.submitter("dachau", "09174");

    @Test
    void everyListHasTheSameShapeAndRefusesBadPaging() {
        String call = Fixtures.openCall("Listen");
        String id = Fixtures.submitted(DACHAU, call, "Gelistet");
        Map<String, String> lists = Map.of(
                "/api/calls", "",
                "/api/municipalities", "",
                "/api/submissions?callId=" + call, DACHAU,
                "/api/submissions/" + id + "/versions", DACHAU,
                "/api/submissions/" + id + "/attachments", DACHAU,
                "/api/calls/" + call + "/reports", TestTokens.organizer());
        lists.forEach((path, token) -> {
            String sep = path.contains("?") ? "&" : "?";
            as(token).get(path).then().statusCode(200)
                    .body("items", notNullValue()).body("total", notNullValue())
                    .body("page", equalTo(0)).body("size", equalTo(20));
            as(token).get(path + sep + "page=1&size=200").then().statusCode(200)
                    .body("page", equalTo(1)).body("size", equalTo(200));
            for (String bad : List.of("page=-1", "page=x", "size=0", "size=201", "size=zwanzig")) {
                String parameter = bad.substring(0, bad.indexOf('='));
                as(token).get(path + sep + bad).then().statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo(parameter));
            }
        });
    }

    @Test
    void versionsAndAttachmentsArePagedOldestFirst() {
        String call = Fixtures.openCall("Seiten");
        String id = Fixtures.draft(DACHAU, call, "Drei Fassungen");
        String[] files = new String[3];
        for (int i = 0; i < 3; i++) {
            files[i] = given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", i + ".pdf")
                    .body(pdf(1_000 + i)).post("/api/submissions/" + id + "/attachments").then().statusCode(201)
                    .extract().path("id");
        }
        for (int version = 1; version <= 3; version++) {
            if (version > 1) {
                given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/reopen").then().statusCode(200);
            }
            given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/submit").then().statusCode(200);
        }
        String versions = "/api/submissions/" + id + "/versions";
        as(DACHAU).get(versions + "?size=2").then().body("total", equalTo(3)).body("items.version", contains(1, 2));
        as(DACHAU).get(versions + "?size=2&page=1").then().body("total", equalTo(3)).body("items.version", contains(3));
        as(DACHAU).get(versions + "?size=2&page=2").then().body("total", equalTo(3)).body("items", empty());

        String attachments = "/api/submissions/" + id + "/attachments";
        as(DACHAU).get(attachments + "?size=2").then().body("total", equalTo(3)).body("items.id",
                contains(files[0], files[1]));
        as(TestTokens.organizer()).get(attachments + "?size=2&page=1").then().body("total", equalTo(3))
                .body("items", hasSize(1)).body("items[0].id", equalTo(files[2]));
    }

    private static RequestSpecification as(String token) {
        return token.isEmpty() ? given() : given().auth().oauth2(token);
    }

    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
