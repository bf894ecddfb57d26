package de.handinhand.catalogue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The published OpenAPI document says what the service enforces: every operation has its id and
 * exactly the access its annotations grant (the gateway derives its coarse checks from this), every
 * string of a request body is bounded, every number has its range, required fields are marked, and
 * query parameters carry their types and bounds.
 */
@QuarkusTest
@WithPostgresAndOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {

    static final String PUBLIC = "public";
    static final String SIGNED_IN = "signed-in";
    static final String PUBLISHER = "publisher";
    static final String OFFERS = "/api/catalogue/offers";
    static final String HSDS = "/api/catalogue/hsds";

    /** operation → operationId and who may call it. */
    static final Map<String, List<String>> OPERATIONS = Map.ofEntries(
            Map.entry("GET " + OFFERS, List.of("searchOffers", PUBLIC)),
            Map.entry("POST " + OFFERS, List.of("createOffer", SIGNED_IN)),
            Map.entry("GET " + OFFERS + "/mine", List.of("listOwnProposals", SIGNED_IN)),
            Map.entry("GET " + OFFERS + "/unconfirmed", List.of("listUnconfirmedOffers", PUBLISHER)),
            Map.entry("GET " + OFFERS + "/{id}", List.of("getOffer", PUBLIC)),
            Map.entry("PUT " + OFFERS + "/{id}", List.of("updateOffer", PUBLISHER)),
            Map.entry("POST " + OFFERS + "/{id}/publish", List.of("publishOffer", PUBLISHER)),
            Map.entry("POST " + OFFERS + "/{id}/reject", List.of("rejectOffer", PUBLISHER)),
            Map.entry("POST " + OFFERS + "/{id}/archive", List.of("archiveOffer", PUBLISHER)),
            Map.entry("POST " + OFFERS + "/{id}/confirm", List.of("confirmOffer", PUBLISHER)),
            Map.entry("GET " + OFFERS + "/{id}/history", List.of("listOfferChanges", PUBLISHER)),
            Map.entry("GET /api/catalogue/taxonomy", List.of("getTaxonomy", PUBLIC)),
            Map.entry("GET " + HSDS, List.of("getHsdsInfo", PUBLIC)),
            Map.entry("GET " + HSDS + "/services", List.of("listHsdsServices", PUBLIC)),
            Map.entry("GET " + HSDS + "/services/{id}", List.of("getHsdsService", PUBLIC)),
            Map.entry("GET " + HSDS + "/organizations", List.of("listHsdsOrganizations", PUBLIC)),
            Map.entry("GET " + HSDS + "/organizations/{id}", List.of("getHsdsOrganization", PUBLIC)));

    JsonPath doc;

    /** Read once per class, when the first test runs (RestAssured knows the port only then). */
    @BeforeEach
    void read() {
        if (doc == null) {
            doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        }
    }

    @Test
    void everyOperationHasItsIdAndTheAccessItsAnnotationsGrant() {
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, o) -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                Map<?, ?> operation = (Map<?, ?>) o;
                found.put(method.toUpperCase() + " " + path, List.of(String.valueOf(operation.get("operationId")),
                        access((List<?>) operation.get("security"))));
            }
        }));
        assertEquals(new TreeMap<>(OPERATIONS), found);
    }

    @Test
    void everyOperationIsDescribedAndEveryComponentUsed() {
        List<String> undescribed = new ArrayList<>();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, o) -> {
            if (o instanceof Map<?, ?> operation && operation.containsKey("operationId")
                    && (operation.get("description") == null || operation.get("description").toString().isBlank())) {
                undescribed.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), undescribed);
        String text = doc.prettify();
        List<String> unused = new ArrayList<>();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        schemas.keySet().stream().filter(name -> !text.contains("#/components/schemas/" + name + "\""))
                .forEach(unused::add);
        assertEquals(List.of(), unused);
    }

    @Test
    void theBodiesAreTheValidatedRecordsAndRequired() {
        for (String operation : List.of("post:" + OFFERS, "put:" + OFFERS + "/{id}", "post:" + OFFERS + "/{id}/reject")) {
            String method = operation.substring(0, operation.indexOf(':'));
            String body = "paths.'" + operation.substring(operation.indexOf(':') + 1) + "'." + method + ".requestBody";
            assertEquals(Boolean.TRUE, doc.get(body + ".required"), operation);
        }
        assertEquals(List.of("kreisId", "title"), sorted(doc.getList("components.schemas.OfferRequest.required")));
        assertEquals(List.of("label", "url"), sorted(doc.getList("components.schemas.OfferLink.required")));
        assertEquals(List.of("reason"), doc.getList("components.schemas.Rejection.required"));
    }

    @Test
    void everyStringOfARequestBodyIsBoundedAndEveryNumberHasItsRange() {
        List<String> unbounded = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String root : List.of("OfferRequest", "Rejection")) {
            walk(Map.of("$ref", "#/components/schemas/" + root), root, seen, unbounded);
        }
        assertTrue(seen.containsAll(List.of("OfferRequest", "Location", "Contact", "OfferLink", "Rejection")), "walked " + seen);
        assertEquals(List.of(), unbounded);
        String request = "components.schemas.OfferRequest.properties.";
        assertEquals(300, doc.getInt(request + "title.additionalProperties.maxLength"));
        assertEquals(20, doc.getInt(request + "title.maxProperties"));
        assertEquals("[0-9]{5}", doc.getString(request + "kreisId.pattern"));
        assertEquals(10, doc.getInt(request + "links.maxItems"));
        assertTrue(enumOf(request + "fields.items").contains("SPRACHE"));
        assertTrue(enumOf(request + "languages.items").containsAll(List.of("de", "ar", "gsg")), "language codes");
        assertEquals(0, doc.getInt(request + "costCents.minimum"));
        assertEquals(-90, doc.getInt("components.schemas.Location.properties.lat.minimum"));
        assertEquals(180, doc.getInt("components.schemas.Location.properties.lon.maximum"));
        assertEquals(1000, doc.getInt("components.schemas.Rejection.properties.reason.maxLength"));
    }

    @Test
    void queryParametersCarryTheirTypesAndBounds() {
        Map<String, Map<String, Object>> search = parameters("get", OFFERS);
        assertEquals(200, search.get("size").get("maximum"));
        assertEquals(200, search.get("q").get("maxLength"));
        assertEquals("[0-9]{5}", search.get("kreis").get("pattern"));
        assertEquals(500, search.get("radiusKm").get("maximum"));
        assertEquals("date", search.get("validOn").get("format"));
        assertEquals("boolean", search.get("free").get("type"));
        assertTrue(((List<?>) search.get("field").get("enum")).contains("SPRACHE"));
        assertTrue(((List<?>) search.get("language").get("enum")).contains("gsg"));
        assertTrue(((List<?>) search.get("sort").get("enum")).contains("DISTANCE"));
        assertTrue(((List<?>) search.get("status").get("enum")).contains("PROPOSED"));
        assertNotNull(search.get("near").get("pattern"));
        assertEquals("[a-z]{2,3}", search.get("lang").get("pattern"));
        Map<String, Map<String, Object>> services = parameters("get", HSDS + "/services");
        assertEquals(1, services.get("page").get("minimum"));
        assertEquals(200, services.get("per_page").get("maximum"));
        assertEquals(120, parameters("get", OFFERS + "/unconfirmed").get("months").get("maximum"));
    }

    // --- reading the document --------------------------------------------------------------------

    private static String access(List<?> security) {
        if (security == null || security.isEmpty()) {
            return PUBLIC;
        }
        assertEquals(1, security.size(), "one security requirement");
        Map<?, ?> requirement = (Map<?, ?>) security.get(0);
        List<?> roles = (List<?>) requirement.values().iterator().next();
        return roles.isEmpty() ? SIGNED_IN : String.join(",", roles.stream().map(String::valueOf).toList());
    }

    /** Every string and number reachable from {@code schema}, followed through references, items and maps. */
    private void walk(Map<?, ?> schema, String at, Set<String> seen, List<String> unbounded) {
        Object ref = schema.get("$ref");
        if (ref != null) {
            String name = ref.toString().substring("#/components/schemas/".length());
            if (seen.add(name)) {
                walk(doc.getMap("components.schemas." + name), name, seen, unbounded);
            }
            return;
        }
        // An optional property may also be null (common-web's NullableOptionals): ["string", "null"], or
        // anyOf [a $ref, {type: null}].
        if (schema.get("anyOf") instanceof List<?> alternatives) {
            for (Object alternative : alternatives) {
                if (alternative instanceof Map<?, ?> a && !"null".equals(String.valueOf(a.get("type")))) {
                    walk(a, at, seen, unbounded);
                }
            }
            return;
        }
        String type = schema.get("type") instanceof List<?> types
                ? types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null")
                : String.valueOf(schema.get("type"));
        switch (type) {
            case "object" -> {
                Map<?, ?> properties = (Map<?, ?>) schema.get("properties");
                if (properties != null) {
                    properties.forEach((name, p) -> walk((Map<?, ?>) p, at + "." + name, seen, unbounded));
                }
                if (schema.get("additionalProperties") instanceof Map<?, ?> values) {
                    walk(values, at + ".*", seen, unbounded);
                }
            }
            case "array" -> {
                if (!schema.containsKey("maxItems")) {
                    unbounded.add(at + " (no maxItems)");
                }
                walk((Map<?, ?>) schema.get("items"), at + "[]", seen, unbounded);
            }
            case "string" -> {
                if (!schema.containsKey("maxLength") && !schema.containsKey("enum") && !schema.containsKey("format")
                        && !schema.containsKey("pattern")) {
                    unbounded.add(at + " (string)");
                }
            }
            case "integer", "number" -> {
                if (!schema.containsKey("minimum") || !(schema.containsKey("maximum")
                        || schema.containsKey("exclusiveMaximum"))) {
                    unbounded.add(at + " (" + type + ")");
                }
            }
            default -> {
                // booleans; enums of a referenced type were followed above
            }
        }
    }

    private List<?> enumOf(String path) {
        Map<?, ?> schema = doc.getMap(path);
        Object ref = schema.get("$ref");
        if (ref != null) {
            schema = doc.getMap("components.schemas." + ref.toString().substring("#/components/schemas/".length()));
        }
        return (List<?>) schema.get("enum");
    }

    /** An operation's parameters by name, each its schema with references resolved. */
    private Map<String, Map<String, Object>> parameters(String method, String path) {
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        List<Map<String, Object>> parameters = doc.getList("paths.'" + path + "'." + method + ".parameters");
        for (Map<String, Object> parameter : parameters) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
            Object ref = schema.get("$ref");
            if (ref != null) {
                schema = doc.getMap("components.schemas." + ref.toString().substring("#/components/schemas/".length()));
            }
            byName.put((String) parameter.get("name"), schema);
        }
        return byName;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
