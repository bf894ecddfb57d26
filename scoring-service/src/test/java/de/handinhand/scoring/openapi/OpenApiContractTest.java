package de.handinhand.scoring.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What this service publishes in {@code /q/openapi} is what it enforces: every operation named,
 * every operation's callers declared (the gateway derives its coarse role checks from this), and
 * every field of every request body bounded: a string by maxLength, an enum or a format, a number by
 * a minimum and a maximum, a list by maxItems, the required fields marked.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OpenApiContractTest {

    /** Who may call what: roles, or an empty list for "any signed-in caller" (the service decides the rest). */
    static final Map<String, List<String>> CALLERS = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/scoring/calls/{callId}", List.of("organizer", "juror")),
            Map.entry("POST /api/scoring/calls/{callId}/allocation", List.of("organizer")),
            Map.entry("GET /api/scoring/calls/{callId}/assignments", List.of("organizer")),
            Map.entry("POST /api/scoring/calls/{callId}/assignments", List.of("organizer")),
            Map.entry("GET /api/scoring/calls/{callId}/criteria", List.of("organizer", "juror")),
            Map.entry("GET /api/scoring/calls/{callId}/decision", List.of("organizer")),
            Map.entry("PUT /api/scoring/calls/{callId}/decision", List.of("organizer")),
            Map.entry("PUT /api/scoring/calls/{callId}/criteria", List.of("organizer")),
            Map.entry("GET /api/scoring/calls/{callId}/jurors", List.of("organizer")),
            Map.entry("PUT /api/scoring/calls/{callId}/jurors", List.of("organizer")),
            // Any signed-in caller: published rankings and results are for everyone signed in, and
            // before publication the service lets only organizers and the call's jurors through.
            Map.entry("GET /api/scoring/calls/{callId}/ranking", List.of()),
            Map.entry("GET /api/scoring/calls/{callId}/results", List.of()),
            Map.entry("POST /api/scoring/calls/{callId}/results", List.of("organizer")),
            Map.entry("GET /api/scoring/cases", List.of("organizer", "juror")),
            Map.entry("GET /api/scoring/cases/{id}", List.of("organizer", "juror")),
            Map.entry("GET /api/scoring/cases/{id}/scores", List.of("organizer", "juror")),
            Map.entry("PUT /api/scoring/cases/{id}/scores", List.of("juror")),
            Map.entry("GET /api/scoring/changes", List.of("organizer", "juror")),
            Map.entry("GET /api/scoring/jurors/{username}/conflicts", List.of("organizer")),
            Map.entry("PUT /api/scoring/jurors/{username}/conflicts", List.of("organizer"))));

    /** Numbers whose whole range is valid: any 64-bit value seeds the assignment's random choices. */
    static final Set<String> UNBOUNDED_NUMBERS = Set.of("AssignmentRequest.seed");

    @Test
    void everyOperationHasAUniqueVerbNounOperationIdAndDeclaresItsCallers() {
        Map<String, Map<String, Object>> operations = operations(openapi());
        Set<String> ids = new HashSet<>();
        Map<String, List<String>> declared = new TreeMap<>();
        operations.forEach((operation, o) -> {
            Object id = o.get("operationId");
            assertTrue(id instanceof String s && s.matches("[a-z]+(?:[A-Z][a-z]+)+"),
                    operation + " has operationId " + id + ", not verb + noun in lowerCamelCase");
            assertTrue(ids.add((String) id), "operationId " + id + " is given twice");
            declared.put(operation, callers(operation, o));
        });
        assertEquals(CALLERS, declared);
    }

    @Test
    void everyRequestBodyFieldIsBoundedAsTheServiceEnforcesIt() {
        JsonPath doc = openapi();
        List<String> unbounded = new ArrayList<>();
        int bodies = 0;
        for (var entry : operations(doc).entrySet()) {
            Map<?, ?> body = (Map<?, ?>) entry.getValue().get("requestBody");
            if (body != null) {
                Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) body.get("content")).get("application/json"))
                        .get("schema");
                check(doc, schema, entry.getKey(), unbounded, new HashSet<>());
                bodies++;
            }
        }
        assertEquals(8, bodies, "request bodies found");
        assertEquals(List.of(), unbounded);
    }

    @Test
    void requiredFieldsAndRulesAreInTheSchemas() {
        JsonPath doc = openapi();
        String s = "components.schemas.";
        assertEquals(List.of("scores"), doc.getList(s + "ScoreRequest.required"));
        assertEquals(List.of("criterion"), doc.getList(s + "Mark.required"));
        assertEquals(4000, doc.getInt(s + "Mark.properties.comment.maxLength"));
        assertEquals(List.of("criteria"), doc.getList(s + "CriteriaRequest.required"));
        assertEquals(30, doc.getInt(s + "CriteriaRequest.properties.criteria.maxItems"));
        assertEquals(List.of("code"), doc.getList(s + "CriterionInput.required"));
        assertEquals("[A-Z][A-Z0-9_]{1,39}", doc.getString(s + "CriterionInput.properties.code.pattern"));
        assertEquals(1000, doc.getInt(s + "CriterionInput.properties.scaleMax.maximum"));
        assertEquals(List.of("mode"), doc.getList(s + "AssignmentRequest.required"));
        assertEquals(List.of("MANUAL", "AUTO"), doc.getList(s + "Mode.enum"));
        assertEquals(Set.of("juror", "submissionId"), Set.copyOf(doc.getList(s + "Pair.required")));
        assertEquals("[0-9]{5}|[0-9]{8}", doc.getString(s + "ConflictsRequest.properties.municipalities.items.pattern"));
        assertEquals(1000, doc.getInt(s + "ResultsRequest.properties.winnersPerCategory.maximum"));
        assertEquals(200, doc.getInt("paths.'/api/scoring/calls/{callId}/jurors'.put.requestBody.content."
                + "'application/json'.schema.maxItems"));
    }

    @Test
    void parametersAreTypedAndBounded() {
        JsonPath doc = openapi();
        Map<String, Map<String, Object>> changes = parameters(doc, "/api/scoring/changes");
        assertEquals(1, ((Number) schema(doc, changes.get("size")).get("minimum")).intValue());
        assertEquals(200, ((Number) schema(doc, changes.get("size")).get("maximum")).intValue());
        assertEquals("uuid", schema(doc, changes.get("callId")).get("format"));
        assertEquals("string", schema(doc, changes.get("since")).get("type"));
        for (String list : List.of("/api/scoring/cases", "/api/scoring/calls/{callId}/jurors",
                "/api/scoring/calls/{callId}/assignments")) {
            Map<String, Map<String, Object>> p = parameters(doc, list);
            assertEquals(200, ((Number) schema(doc, p.get("size")).get("maximum")).intValue(), list);
            assertEquals(0, ((Number) schema(doc, p.get("page")).get("minimum")).intValue(), list);
        }
        Map<String, Map<String, Object>> assignments = parameters(doc, "/api/scoring/calls/{callId}/assignments");
        assertEquals("uuid", schema(doc, assignments.get("submissionId")).get("format"));
        assertEquals(100, ((Number) schema(doc, assignments.get("juror")).get("maxLength")).intValue());
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void check(JsonPath doc, Map<?, ?> schema, String where, List<String> unbounded, Set<String> seen) {
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring("#/components/schemas/".length());
            if (seen.add(name)) {
                check(doc, doc.getMap("components.schemas." + name), name, unbounded, seen);
            }
            return;
        }
        // An optional property may also be null (common-web's NullableOptionals): ["string", "null"], or
        // anyOf [a $ref, {type: null}].
        if (schema.get("anyOf") instanceof List<?> alternatives) {
            for (Object alternative : alternatives) {
                if (alternative instanceof Map<?, ?> a && !"null".equals(String.valueOf(a.get("type")))) {
                    check(doc, a, where, unbounded, seen);
                }
            }
            return;
        }
        String type = schema.get("type") instanceof List<?> types
                ? types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null")
                : String.valueOf(schema.get("type"));
        switch (type) {
            case "string" -> {
                if (!schema.containsKey("maxLength") && !schema.containsKey("enum") && !schema.containsKey("format")) {
                    unbounded.add(where + ": a string without maxLength, enum or format");
                }
            }
            case "integer", "number" -> {
                boolean low = schema.containsKey("minimum") || schema.containsKey("exclusiveMinimum");
                boolean high = schema.containsKey("maximum") || schema.containsKey("exclusiveMaximum");
                if (!(low && high) && !UNBOUNDED_NUMBERS.contains(where)) {
                    unbounded.add(where + ": a number without minimum and maximum");
                }
            }
            case "array" -> {
                if (!schema.containsKey("maxItems")) {
                    unbounded.add(where + ": a list without maxItems");
                }
                check(doc, (Map<?, ?>) schema.get("items"), where + "[]", unbounded, seen);
            }
            case "object" -> {
                Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
                if (properties != null) {
                    properties.forEach((name, property) -> check(doc, (Map<?, ?>) property, where + "." + name,
                            unbounded, seen));
                }
                if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                    check(doc, values, where + ".*", unbounded, seen);
                }
            }
            case "boolean" -> {
                // nothing to bound
            }
            default -> unbounded.add(where + ": no type (" + schema + ")");
        }
    }

    private static List<String> callers(String operation, Map<String, Object> o) {
        @SuppressWarnings("unchecked")
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) o.get("security");
        assertTrue(security != null && security.size() == 1, operation + " declares who may call it: " + security);
        return security.get(0).values().iterator().next();
    }

    private static Map<String, Map<String, Object>> operations(JsonPath doc) {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, o) -> {
            if (!method.equals("parameters")) {
                operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, o);
            }
        }));
        assertEquals(CALLERS.keySet(), new java.util.TreeSet<>(operations.keySet()), "the operations of this service");
        return operations;
    }

    private static Map<String, Map<String, Object>> parameters(JsonPath doc, String path) {
        List<Map<String, Object>> list = doc.getList("paths.'" + path + "'.get.parameters");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        list.forEach(p -> byName.put((String) p.get("name"), p));
        return byName;
    }

    private static Map<?, ?> schema(JsonPath doc, Map<String, Object> parameter) {
        Map<?, ?> schema = (Map<?, ?>) parameter.get("schema");
        Object ref = schema.get("$ref");
        return ref == null ? schema
                : doc.getMap("components.schemas." + ref.toString().substring("#/components/schemas/".length()));
    }

    private static JsonPath openapi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
