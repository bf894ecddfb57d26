package de.handinhand.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.gateway.openapi.OpenApiMergerTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document with all three services up (EchoBackends starts a scoring backend under
 * this profile). With the services' build-time documents present, the merged document is written to
 * {@code target/openapi-merged.json} and linted with Spectral (installed in {@code src/test/node} by
 * {@code npm ci}, else from PATH).
 */
@QuarkusTest
@TestProfile(OpenApiTest.AllServicesUp.class)
class OpenApiTest {

    public static class AllServicesUp implements QuarkusTestProfile {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MERGED = Path.of("target", "openapi-merged.json");

    @Test
    void everyServicesPathsAreInOneDocumentWithNoDanglingRef() throws IOException {
        String body = given().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("RateLimit-Limit", nullValue())
                .body("info.title", equalTo("Hand in Hand API"))
                .body("'x-missing-services'", nullValue())
                .extract().asString();
        JsonNode merged = JSON.readTree(body);
        for (String service : List.of("submission", "catalogue", "scoring")) {
            JsonNode own = JSON.readTree(EchoBackends.DOCUMENTS.get(service));
            own.path("paths").fieldNames().forEachRemaining(path ->
                    assertTrue(merged.path("paths").has(path), service + "'s " + path + " is in the merged document"));
        }
        assertEquals(List.of(), OpenApiMergerTest.danglingRefs(merged));
        assertEquals(1, merged.path("components").path("securitySchemes").size());
        assertTrue(merged.at("/servers/0/url").asText().startsWith("http://localhost:"), merged.path("servers").toString());
        Files.createDirectories(MERGED.getParent());
        Files.writeString(MERGED, merged.toPrettyString());
    }

    @Test
    void yamlOnRequest() {
        given().get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(startsWith("openapi: "), containsString("title: Hand in Hand API"));
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml"));
        given().get("/q/openapi?format=json").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void noTokenIsNeededAndAnyTokenIsIgnored() {
        given().auth().oauth2("garbage").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Hand in Hand API"));
        given().auth().oauth2(TestTokens.organizer()).get("/q/openapi").then().statusCode(200);
    }

    /** Spectral's spectral:oas rules plus the project's (src/test/node/.spectral.yaml): no errors. */
    @Test
    void theMergedDocumentLintsWithoutErrors() throws Exception {
        Assumptions.assumeTrue(EchoBackends.STORED.size() == 3, "Skipped: the services' build-time OpenAPI documents "
                + "(../<service>-service/target/openapi/openapi.json) are not all there; build the services first. "
                + "Stored: " + EchoBackends.STORED);
        Path spectral = spectral();
        Assumptions.assumeTrue(spectral != null, "Skipped: Spectral is not installed; run "
                + "`npm ci --prefix gateway/src/test/node` (.ci/run does) or put spectral on PATH");
        Path merged = Files.createTempFile("openapi-merged", ".json");
        Files.writeString(merged, given().get("/q/openapi").then().statusCode(200).extract().asString());
        Path ruleset = Path.of("src", "test", "node", ".spectral.yaml");
        Process process = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", ruleset.toString(),
                "--format", "text", "--fail-severity", "error", merged.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "spectral finished");
        // --format text: one line per finding, "<file>:<line>:<column> <severity> <rule> <message>".
        Pattern finding = Pattern.compile(".*:\\d+:\\d+ (error|warning|information|hint) .*");
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        for (String line : output.split("\n")) {
            Matcher matcher = finding.matcher(line.strip());
            if (matcher.matches() && matcher.group(1).equals("error")) {
                errors.add(line.strip());
            } else if (matcher.matches() && matcher.group(1).equals("warning")) {
                warnings++;
            }
        }
        System.out.printf("Spectral on the merged document: %d errors, %d warnings%n", errors.size(), warnings);
        assertEquals(List.of(), errors, output);
        assertEquals(0, process.exitValue(), output);
    }

    /** This module's own Spectral CLI ({@code npm ci --prefix gateway/src/test/node}), else one on PATH. */
    private static Path spectral() {
        Path local = Path.of("src", "test", "node", "node_modules", ".bin", "spectral");
        if (Files.isExecutable(local)) {
            return local;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        String command = "spectral";
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
