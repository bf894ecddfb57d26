package de.handinhand.submission;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document says what the service enforces, and the gateway relies on it:
 * every operation has a unique operationId, its security names exactly the roles of its resource
 * method (none for a public one), and every string a request body carries has a limit (maxLength,
 * enum, format or pattern), every number its bounds. And what the document promises is checked:
 * every request record arrives with {@code @Valid @NotNull}.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OpenApiContractTest {

    private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete");

    @Test
    void everyOperationHasAUniqueVerbNounOperationId() {
        Map<String, Map<String, Object>> operations = operations(openapi());
        List<String> ids = new ArrayList<>();
        operations.forEach((where, op) -> {
            String id = (String) op.get("operationId");
            assertTrue(id != null && id.matches("[a-z]+(?:[A-Z][a-z]+)+"), where + " has operationId " + id);
            ids.add(id);
        });
        assertEquals(ids.size(), new HashSet<>(ids).size(), "operationIds are unique: " + ids);
        assertTrue(ids.size() >= 25, "the scan found the operations: " + ids);
    }

    @Test
    void everyOperationsSecurityNamesExactlyTheRolesOfItsResourceMethod() {
        Map<String, Map<String, Object>> operations = operations(openapi());
        Map<String, Set<String>> declared = declaredRoles();
        assertEquals(new TreeSet<>(declared.keySet()), new TreeSet<>(operations.keySet()),
                "every resource method is in the document, and nothing else");
        declared.forEach((where, roles) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operations.get(where)
                    .get("security");
            Set<String> documented = new TreeSet<>();
            if (security != null) {
                assertEquals(1, security.size(), where + ": one requirement, " + security);
                security.get(0).values().forEach(documented::addAll);
            }
            assertEquals(roles, documented, where + " (security " + security + ")");
            assertEquals(roles.isEmpty(), security == null || security.isEmpty(),
                    where + ": a public operation has no requirement, every other one has one");
        });
    }

    @Test
    void everyStringOfARequestBodyHasALimitAndEveryNumberItsBounds() {
        JsonPath doc = openapi();
        List<String> unbounded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        operations(doc).forEach((where, op) -> {
            if (op.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content) {
                content.forEach((type, media) -> check(doc, where + " " + type, ((Map<?, ?>) media).get("schema"), seen,
                        unbounded));
            }
        });
        assertEquals(List.of(), unbounded);
        assertTrue(seen.containsAll(List.of("SubmissionRequest", "SubmissionUpdateRequest", "CallRequest",
                "MunicipalityRequest", "ExtensionRequest", "ReportRequest")), "the request schemas were checked: " + seen);
    }

    @Test
    void everyRequestRecordIsValidatedWhereItArrives() {
        List<String> unchecked = new ArrayList<>();
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                    boolean record = parameter.getType().isRecord()
                            && parameter.getType().getPackageName().endsWith(".api");
                    if (record && !(parameter.isAnnotationPresent(jakarta.validation.Valid.class)
                            && parameter.isAnnotationPresent(jakarta.validation.constraints.NotNull.class))) {
                        unchecked.add(resource.getSimpleName() + "." + method.getName() + "(" + parameter.getType()
                                .getSimpleName() + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), unchecked, "a body without @Valid @NotNull would reach the service unchecked");
    }

    @Test
    void requiredFieldsAndCodesAreMarked() {
        JsonPath doc = openapi();
        assertEquals(Set.of("callId", "title"), Set.copyOf(doc.getList("components.schemas.SubmissionRequest.required")));
        assertEquals(Set.of("title"), Set.copyOf(doc.getList("components.schemas.SubmissionUpdateRequest.required")));
        assertEquals(Set.of("title", "kind", "formTemplate", "opensAt", "deadline", "juryEndsAt", "categories"),
                Set.copyOf(doc.getList("components.schemas.CallRequest.required")));
        assertEquals(Set.of("name", "type", "bundesland", "kreisId"),
                Set.copyOf(doc.getList("components.schemas.MunicipalityRequest.required")));
        assertEquals(Set.of("until"), Set.copyOf(doc.getList("components.schemas.ExtensionRequest.required")));
        assertEquals(300, doc.getInt("components.schemas.SubmissionRequest.properties.title.maxLength"));
        assertEquals("[0-9]{5}", doc.getString("components.schemas.CallRequest.properties.kreisId.pattern"));
        // The Länder's codes come from the Bundesland enum, not from a copy of them.
        String bundesland = "components.schemas.MunicipalityRequest.properties.bundesland";
        assertEquals("string", doc.getString(bundesland + ".type"));
        assertEquals(16, doc.getList(bundesland + ".enum").size());
    }

    /** A schema and everything it contains: strings need a limit, numbers both bounds. */
    @SuppressWarnings("unchecked")
    private static void check(JsonPath doc, String where, Object node, Set<String> seen, List<String> unbounded) {
        if (!(node instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> schema = (Map<String, Object>) raw;
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
            Map<String, Object> target = doc.getMap("components.schemas." + name);
            if (seen.add(name)) {
                check(doc, name, target, seen, unbounded);
            } else if (isScalar(target)) {
                check(doc, where, target, seen, unbounded);
            }
            return;
        }
        for (String combined : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combined) instanceof List<?> parts) {
                parts.forEach(part -> check(doc, where, part, seen, unbounded));
            }
        }
        String type = type(schema);
        if ("string".equals(type) && Stream.of("maxLength", "enum", "format", "pattern").noneMatch(schema::containsKey)
                && !(schema.get("allOf") instanceof List<?>)) {
            unbounded.add(where + ": a string without maxLength, enum, format or pattern");
        }
        if (("integer".equals(type) || "number".equals(type))
                && (Stream.of("minimum", "exclusiveMinimum").noneMatch(schema::containsKey)
                        || Stream.of("maximum", "exclusiveMaximum").noneMatch(schema::containsKey))) {
            unbounded.add(where + ": a number without minimum and maximum");
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            ((Map<String, Object>) properties).forEach((name, property) ->
                    check(doc, where + "." + name, property, seen, unbounded));
        }
        check(doc, where + "[]", schema.get("items"), seen, unbounded);
        check(doc, where + ".*", schema.get("additionalProperties"), seen, unbounded);
    }

    private static boolean isScalar(Map<String, Object> schema) {
        return schema != null && !schema.containsKey("properties");
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as [string, "null"]. */
    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse(null);
        }
        return type == null ? null : type.toString();
    }

    /** Every operation of the document as "verb /path". */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(JsonPath doc) {
        Map<String, Map<String, Object>> operations = new TreeMap<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, item) -> item.forEach((verb, op) -> {
            if (VERBS.containsValue(verb)) {
                operations.put(verb + " " + path, (Map<String, Object>) op);
            }
        }));
        return operations;
    }

    /** Every resource method of the service as "verb /path", with the roles its annotations allow. */
    private static Map<String, Set<String>> declaredRoles() {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = VERBS.entrySet().stream().filter(v -> method.isAnnotationPresent(v.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : base + (sub.value().startsWith("/") ? "" : "/") + sub.value();
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                assertTrue(allowed != null ^ method.isAnnotationPresent(PermitAll.class),
                        resource.getSimpleName() + "." + method.getName() + " declares who may call it, once");
                roles.put(verb + " " + path, allowed == null ? Set.of() : new TreeSet<>(List.of(allowed.value())));
            }
        }
        return roles;
    }

    /** The resource classes, found by their sources: a new one is checked without being listed here. */
    private static List<Class<?>> resources() {
        try (Stream<java.nio.file.Path> files = Files.walk(java.nio.file.Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().matches(".*/rest/[A-Za-z]+Resource\\.java"))
                    .map(f -> java.nio.file.Path.of("src/main/java").relativize(f).toString())
                    .map(f -> f.substring(0, f.length() - ".java".length()).replace('/', '.'))
                    .map(OpenApiContractTest::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath openapi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
