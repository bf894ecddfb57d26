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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document of the services' build-time documents
 * ({@code ../<service>-service/target/openapi/openapi.json}, served by EchoBackends under this profile
 * where present; a full build makes them before the gateway's tests run). With all three present, the
 * merged document is written to {@code target/openapi-merged.json}, linted with Spectral (installed in
 * {@code src/test/node} by {@code npm ci}, else from PATH), and the access rules the gateway derives from
 * it are checked against what each service means.
 */
@QuarkusTest
@TestProfile(OpenApiTest.StoredDocuments.class)
class OpenApiTest {

    public static class StoredDocuments implements QuarkusTestProfile {
    }

    @BeforeEach
    void servicesDocumentsAreLoaded() {
        GatewayTest.documentsLoaded();
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

    /**
     * Every operationId appears once in the whole API (client generators name methods after them); the
     * operations that have none yet are counted and printed.
     */
    @Test
    void operationIdsAreUniqueAcrossTheMergedDocument() throws IOException {
        JsonNode merged = JSON.readTree(given().get("/q/openapi").then().statusCode(200).extract().asString());
        Map<String, List<String>> byId = new HashMap<>();
        List<String> without = new ArrayList<>();
        merged.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!op.getValue().isObject() || !op.getValue().has("responses")) {
                return;
            }
            String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode id = op.getValue().get("operationId");
            if (id == null || id.asText().isBlank()) {
                without.add(name);
            } else {
                byId.computeIfAbsent(id.asText(), k -> new ArrayList<>()).add(name);
            }
        }));
        Map<String, List<String>> duplicates = new TreeMap<>();
        byId.forEach((id, operations) -> {
            if (operations.size() > 1) {
                duplicates.put(id, operations);
            }
        });
        System.out.printf("operationIds: %d unique, %d operations without one%n", byId.size(), without.size());
        assertEquals(Map.of(), duplicates, "operationIds used by more than one operation");
    }

    /**
     * The rules the gateway derives from the services' own documents give the answers each service means,
     * where a path rule would have to special-case them: public reads next to a signed-in one under the
     * same prefix, any signed-in caller for published results, jurors on exactly the attachment reads.
     */
    @Test
    void theRulesDerivedFromTheServicesDocumentsAreTheServicesOwn() {
        Assumptions.assumeTrue(EchoBackends.STORED.size() == 3, "Skipped: the services' build-time OpenAPI "
                + "documents are not all there (build the services first). Stored: " + EchoBackends.STORED);
        String id = java.util.UUID.randomUUID().toString();
        String submitter = TestTokens.submitter("heilbronn", "08125");
        String juror = TestTokens.juror("juror1");
        String publisher = TestTokens.publisher("re-office", "05562");
        // Catalogue: offers and taxonomy are public, one's own proposals need a token, any token.
        given().get("/api/catalogue/offers").then().statusCode(200);
        given().get("/api/catalogue/offers/" + id).then().statusCode(200);
        given().get("/api/catalogue/taxonomy").then().statusCode(200);
        given().get("/api/catalogue/hsds/services").then().statusCode(200);
        given().get("/api/catalogue/offers/mine").then().statusCode(401);
        given().auth().oauth2(TestTokens.portal()).get("/api/catalogue/offers/mine").then().statusCode(200);
        given().auth().oauth2(submitter).get("/api/catalogue/offers/unconfirmed").then().statusCode(403);
        given().auth().oauth2(publisher).get("/api/catalogue/offers/unconfirmed").then().statusCode(200);
        // Scoring: ranking and results for any signed-in caller (the service refuses before publication).
        for (String path : List.of("/api/scoring/calls/" + id + "/ranking", "/api/scoring/calls/" + id + "/results")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TestTokens.portal()).get(path).then().statusCode(200);
            given().auth().oauth2(submitter).get(path).then().statusCode(200);
        }
        given().auth().oauth2(juror).contentType("application/json").body("{}")
                .post("/api/scoring/calls/" + id + "/results").then().statusCode(403);
        given().auth().oauth2(submitter).get("/api/scoring/cases").then().statusCode(403);
        given().auth().oauth2(juror).get("/api/scoring/cases").then().statusCode(200);
        // Submissions: jurors read exactly an entry's attachments.
        given().auth().oauth2(juror).get("/api/submissions/" + id + "/attachments").then().statusCode(200);
        given().auth().oauth2(juror).get("/api/submissions/" + id + "/attachments/" + id).then().statusCode(200);
        given().auth().oauth2(juror).get("/api/submissions/" + id).then().statusCode(403);
        given().auth().oauth2(juror).get("/api/submissions").then().statusCode(403);
        given().auth().oauth2(juror).delete("/api/submissions/" + id + "/attachments/" + id).then().statusCode(403);
        given().auth().oauth2(publisher).get("/api/submissions/" + id + "/attachments").then().statusCode(403);
        // Calls: public reads, organizer writes.
        given().get("/api/calls").then().statusCode(200);
        given().get("/api/calls/" + id + "/form").then().statusCode(200);
        given().auth().oauth2(submitter).contentType("application/json").body("{}").post("/api/calls")
                .then().statusCode(403);
        given().auth().oauth2(submitter).contentType("text/plain").body("x").post("/api/imports/legacy")
                .then().statusCode(403);
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
        Map<String, Integer> warningsByRule = new TreeMap<>();
        for (String line : output.split("\n")) {
            Matcher matcher = finding.matcher(line.strip());
            if (matcher.matches() && matcher.group(1).equals("error")) {
                errors.add(line.strip());
            } else if (matcher.matches() && matcher.group(1).equals("warning")) {
                warnings++;
                warningsByRule.merge(line.strip().split("\\s+")[2], 1, Integer::sum);
            }
        }
        System.out.printf("Spectral on the merged document: %d errors, %d warnings %s%n", errors.size(), warnings,
                warningsByRule);
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
