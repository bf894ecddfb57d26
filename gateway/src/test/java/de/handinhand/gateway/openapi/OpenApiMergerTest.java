package de.handinhand.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.handinhand.gateway.openapi.OpenApiMerger.Part;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Routes /api/scoring/... to scoring and every other /api/... path to submission. */
    private static final OpenApiMerger MERGER = new OpenApiMerger(new OpenApiMerger.Settings("Hand in Hand API", "1.0",
            "All of it", "http://keycloak.example/realms/handinhand",
            new OpenApiMerger.Contact("Operations", null, "api@example.org")),
            (service, path) -> path.startsWith("/api/") && service.equals(
                    path.startsWith("/api/scoring/") ? "scoring" : "submission"));

    private static Part part(String service, String json) {
        try {
            return new Part(service, JSON.readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final Part SUBMISSION = part("submission", """
            {'openapi': '3.1.0', 'info': {'title': 'submission', 'version': '1'},
             'tags': [{'name': 'Calls', 'description': 'Calls of the submission service'}],
             'paths': {
               '/api/calls': {'get': {'tags': ['Calls'], 'security': [{'SecurityScheme': ['organizer']}],
                 'responses': {'200': {'description': 'OK', 'content': {'application/json': {'schema':
                   {'$ref': '#/components/schemas/PageOfCalls'}}}},
                  '404': {'$ref': '#/components/responses/NotFound'}}}},
               '/api/shared': {'get': {'responses': {'200': {'description': 'submission keeps it'}}}},
               '/q/health': {'get': {'responses': {'200': {'description': 'not routed'}}}}},
             'components': {
               'schemas': {
                 'Page': {'type': 'object', 'properties': {'total': {'type': 'integer'}}},
                 'PageOfCalls': {'allOf': [{'$ref': '#/components/schemas/Page'}]},
                 'Problem': {'type': 'object'}},
               'responses': {'NotFound': {'description': 'No such thing', 'content': {'application/problem+json':
                 {'schema': {'$ref': '#/components/schemas/Problem'}}}}},
               'securitySchemes': {'SecurityScheme': {'type': 'openIdConnect', 'openIdConnectUrl': 'http://a/x'}}}}
            """);

    private static final Part SCORING = part("scoring", """
            {'openapi': '3.1.0', 'info': {'title': 'scoring', 'version': '1'},
             'tags': [{'name': 'Calls', 'description': 'another description'}, {'name': 'Ranking'}],
             'paths': {
               '/api/scoring/cases': {'get': {'tags': ['Cases'], 'security': [{'Bearer': ['juror'], 'Other': ['organizer']}],
                 'responses': {'200': {'description': 'OK', 'content': {'application/json': {'schema':
                   {'$ref': '#/components/schemas/PageOfCalls'}}}},
                  '400': {'description': 'Bad', 'content': {'application/json': {'schema':
                   {'$ref': '#/components/schemas/Page/properties/total'}}}}}},
                 'post': {'security': [{'Bearer': []}], 'responses': {'204': {'description': 'Done'}}},
                 'put': {'security': [{}, {'Bearer': ['juror']}], 'responses': {'204': {'description': 'Done'}}}},
               '/api/scoring/unsecured': {'get': {'tags': ['Cases'],
                 'responses': {'200': {'description': 'OK', 'content': {'application/json': {'schema':
                   {'$ref': '#/components/schemas/PageOfCalls'}}}},
                  '400': {'description': 'Bad', 'content': {'application/json': {'schema':
                   {'$ref': '#/components/schemas/Page/properties/total'}}}}}}},
               '/api/shared': {'get': {'responses': {'200': {'description': 'scoring loses it'}}}}},
             'components': {
               'schemas': {
                 'Page': {'type': 'object', 'properties': {'total': {'type': 'number'}}},
                 'PageOfCalls': {'allOf': [{'$ref': '#/components/schemas/Page'}]},
                 'Problem': {'type': 'object'}},
               'securitySchemes': {'Bearer': {'type': 'http', 'scheme': 'bearer'}, 'Other': {'type': 'openIdConnect'}}}}
            """);

    @Test
    void sameNameDifferentContentIsRenamedPerServiceAndEveryRefFollows() {
        ObjectNode merged = MERGER.merge(List.of(SUBMISSION, SCORING), List.of());
        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("integer", schemas.path("Submission_Page").path("properties").path("total").path("type").asText());
        assertEquals("number", schemas.path("Scoring_Page").path("properties").path("total").path("type").asText());
        assertFalse(schemas.has("Page"), "no unprefixed copy left behind");
        // Textually equal, but each points at its own Page: renamed as well, each to its own.
        assertEquals("#/components/schemas/Submission_Page",
                schemas.path("Submission_PageOfCalls").path("allOf").path(0).path("$ref").asText());
        assertEquals("#/components/schemas/Scoring_Page",
                schemas.path("Scoring_PageOfCalls").path("allOf").path(0).path("$ref").asText());
        JsonNode paths = merged.path("paths");
        assertEquals("#/components/schemas/Submission_PageOfCalls", paths.at("/~1api~1calls/get/responses/200/content")
                .path("application/json").path("schema").path("$ref").asText());
        assertEquals("#/components/schemas/Scoring_Page/properties/total", paths.at("/~1api~1scoring~1cases/get/responses/400/content")
                .path("application/json").path("schema").path("$ref").asText(), "a pointer into a renamed component");
        // Identical content under the same name: one entry, its refs untouched.
        assertTrue(schemas.has("Problem"));
        assertFalse(schemas.has("Submission_Problem"));
        assertEquals("#/components/schemas/Problem", merged.at("/components/responses/NotFound/content")
                .path("application/problem+json").path("schema").path("$ref").asText());
        assertEquals(List.of(), danglingRefs(merged));
    }

    @Test
    void everySecurityRequirementNamesTheOneBearerSchemeWithOneRequirementPerRole() {
        ObjectNode merged = MERGER.merge(List.of(SUBMISSION, SCORING), List.of());
        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertEquals(List.of("keycloak"), names(schemes));
        assertEquals("http", schemes.path("keycloak").path("type").asText());
        assertEquals("bearer", schemes.path("keycloak").path("scheme").asText());
        assertEquals("JWT", schemes.path("keycloak").path("bearerFormat").asText());
        assertTrue(schemes.path("keycloak").path("description").asText()
                .contains("http://keycloak.example/realms/handinhand/.well-known/openid-configuration"));
        assertEquals("[{\"keycloak\":[\"organizer\"]}]", merged.at("/paths/~1api~1calls/get/security").toString());
        // Roles of one requirement, and of several schemes, are alternatives: one requirement each.
        assertEquals("[{\"keycloak\":[\"juror\"]},{\"keycloak\":[\"organizer\"]}]",
                merged.at("/paths/~1api~1scoring~1cases/get/security").toString());
        assertEquals("[{\"keycloak\":[]}]", merged.at("/paths/~1api~1scoring~1cases/post/security").toString(),
                "any signed-in caller");
        assertEquals("[{},{\"keycloak\":[\"juror\"]}]", merged.at("/paths/~1api~1scoring~1cases/put/security").toString(),
                "optional authentication stays optional");
        assertTrue(merged.at("/paths/~1api~1scoring~1unsecured/get/security").isMissingNode());
    }

    @Test
    void onlyPathsTheGatewayRoutesToTheServiceAreKept() {
        ObjectNode merged = MERGER.merge(List.of(SUBMISSION, SCORING), List.of("catalogue"));
        assertEquals(List.of("/api/calls", "/api/shared", "/api/scoring/cases", "/api/scoring/unsecured"),
                names(merged.path("paths")));
        assertEquals("submission keeps it", merged.at("/paths/~1api~1shared/get/responses/200/description").asText(),
                "a path the gateway routes to submission is submission's, whoever else documents it");
        assertFalse(merged.path("paths").has("/q/health"));
    }

    @Test
    void tagsAndInfoAreTheGatewaysOwn() {
        ObjectNode merged = MERGER.merge(List.of(SUBMISSION, SCORING), List.of("catalogue"));
        assertEquals("Hand in Hand API", merged.at("/info/title").asText());
        assertEquals("{\"name\":\"Operations\",\"email\":\"api@example.org\"}", merged.at("/info/contact").toString());
        assertEquals("3.1.0", merged.path("openapi").asText());
        List<String> tags = new ArrayList<>();
        merged.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertEquals(List.of("Calls", "Ranking", "Cases"), tags, "union, plus tags operations use undeclared");
        assertEquals("Calls of the submission service", merged.at("/tags/0/description").asText());
        assertEquals("[\"catalogue\"]", merged.path("x-missing-services").toString());
        assertFalse(MERGER.merge(List.of(SUBMISSION), List.of()).has("x-missing-services"));
    }

    @Test
    void theInputsAreLeftAsTheyWere() {
        String before = SCORING.document().toString();
        MERGER.merge(List.of(SUBMISSION, SCORING), List.of());
        assertEquals(before, SCORING.document().toString());
    }

    @Test
    void everyOperationDocumentsTheGatewaysOwnAnswers() {
        ObjectNode merged = MERGER.merge(List.of(SUBMISSION, SCORING), List.of());
        int operations = 0;
        for (var path : merged.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                for (String status : List.of("429", "502", "503", "504")) {
                    String ref = op.getValue().path("responses").path(status).path("$ref").asText();
                    assertTrue(ref.startsWith("#/components/responses/Gateway"), path.getKey() + " " + status + ": " + ref);
                }
            }
        }
        assertTrue(operations >= 4, "operations seen: " + operations);
        assertTrue(merged.at("/components/responses/GatewayTooManyRequests/headers/Retry-After").isObject());
        assertEquals("#/components/schemas/Problem", merged.at(
                "/components/responses/GatewayUnavailable/content/application~1problem+json/schema/$ref").asText());
        assertEquals(List.of(), danglingRefs(merged));
    }

    @Test
    void noServiceAtAllStillGivesAValidDocument() {
        ObjectNode merged = MERGER.merge(List.of(), List.of("submission", "catalogue", "scoring"));
        assertEquals(0, merged.path("paths").size());
        assertEquals(3, merged.path("x-missing-services").size());
        assertTrue(merged.at("/components/securitySchemes/keycloak").isObject());
    }

    /** Every local {@code $ref} that does not resolve in the document. */
    public static List<String> danglingRefs(JsonNode document) {
        List<String> dangling = new ArrayList<>();
        collect(document, document, dangling);
        return dangling;
    }

    private static void collect(JsonNode root, JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")
                    && root.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
        }
        node.forEach(child -> collect(root, child, dangling));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
