package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A schema-driven fuzzer through the gateway: for every operation of the merged OpenAPI document and
 * every role it admits (a real Keycloak token each; anonymous for public ones), invalid variants of
 * the request derived from the document — each path parameter, each query parameter and each body
 * property in turn given a value its schema forbids (wrong type, past its length or range, outside its
 * enum, not its format), each required property left out, no body, no JSON, the wrong root, a key
 * twice, nesting 100 deep, the wrong media type — while everything else is valid (real ids of existing
 * resources where a listing gives them). Every answer must be below 500 and a refusal (4xx), and the
 * row count of every table of every service's database must be the same after the run as before it.
 * The answers are also checked against the document ({@link ApiDocument}).
 *
 * <p>Deterministic (no random draw): a failure names the request, and the same run repeats it.
 */
@ExtendWith(LocalStackExtension.class)
class ApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^/{}]++)}");
    private static final List<String> DATABASES = List.of("submission", "scoring", "catalogue");
    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    /** One request the fuzzer sends: {@code path} already encoded. */
    record Variant(String what, String path, Map<String, String> query, String contentType, String body) {
    }

    record Sent(String role, String method, Variant variant, int status, String answer, List<String> violations) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + variant.path() + query() + " as " + role + " (" + variant.what() + ")"
                    + (variant.body() == null ? "" : " body " + Conformance.abbreviate(variant.body())) + " -> " + status
                    + " " + Conformance.abbreviate(answer);
        }

        private String query() {
            if (variant.query().isEmpty()) {
                return "";
            }
            StringBuilder q = new StringBuilder("?");
            variant.query().forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(k).append('=')
                    .append(v.length() > 60 ? v.substring(0, 60) + "…" : v));
            return q.toString();
        }
    }

    private final StackConfig config;
    private final Keycloak keycloak;
    private final ApiDocument document;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private int rateLimited;

    ApiFuzzIT(StackConfig config, Keycloak keycloak, Gateway gateway) {
        this.config = config;
        this.keycloak = keycloak;
        this.document = gateway.document();
    }

    @Test
    void invalidVariantsOfEveryOperationAreRefusedWithoutAServerErrorAndStoreNothing() throws Exception {
        Map<String, Long> before = quietRowCounts();
        List<Sent> sent = new ArrayList<>();
        for (ApiDocument.Operation op : document.operations()) {
            for (Map.Entry<String, String> caller : callers(op).entrySet()) {
                for (Variant variant : variants(op, caller.getValue())) {
                    sent.add(send(caller.getKey(), caller.getValue(), op.method(), variant));
                }
            }
        }
        Map<String, Long> after = quietRowCounts();

        List<Sent> serverErrors = sent.stream().filter(s -> s.status() >= 500).toList();
        List<Sent> accepted = sent.stream().filter(s -> s.status() < 400).toList();
        List<String> nonConforming = new ArrayList<>();
        for (Sent s : sent) {
            for (String violation : s.violations()) {
                nonConforming.add(violation + "\n      for " + s);
            }
        }
        Map<String, String> changed = new TreeMap<>();
        before.forEach((table, count) -> {
            long now = after.getOrDefault(table, -1L);
            if (now != count) {
                changed.put(table, count + " -> " + now);
            }
        });
        after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> changed.put(t, "new table"));

        System.out.printf("API fuzzer: %d requests over %d operations, %d answers >= 500, %d invalid variants accepted,"
                + " %d answers not as documented, %d tables changed (of %d), %d times waited for the rate limit%n",
                sent.size(), document.operations().size(), serverErrors.size(), accepted.size(), nonConforming.size(),
                changed.size(), before.size(), rateLimited);
        serverErrors.forEach(s -> System.out.println("  5xx: " + s));
        accepted.forEach(s -> System.out.println("  accepted: " + s));
        nonConforming.stream().limit(200).forEach(s -> System.out.println("  not as documented: " + s));
        changed.forEach((t, c) -> System.out.println("  rows changed: " + t + " " + c));

        assertTrue(sent.size() >= 500, "the fuzzer sent a real number of requests: " + sent.size());
        assertEquals(List.of(), serverErrors.stream().map(Sent::toString).toList(), "answers >= 500");
        assertEquals(Map.of(), changed, "row counts changed by refused requests");
        assertEquals(List.of(), accepted.stream().map(Sent::toString).toList(), "invalid requests accepted");
        assertEquals(List.of(), nonConforming, "answers not as the document describes them");
    }

    // ---- callers -------------------------------------------------------------------------------

    /** Role → token ("" for anonymous): anonymous for public operations, else each admitted role. */
    private Map<String, String> callers(ApiDocument.Operation op) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode security = op.node().path("security");
        List<String> roles = new ArrayList<>();
        security.forEach(requirement -> requirement.fields()
                .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
        if (!security.isArray() || security.isEmpty()) {
            out.put("anonymous", "");
            return out;
        }
        for (Map.Entry<String, String> caller : SecurityMatrix.CALLERS.entrySet()) {
            if (roles.isEmpty() || roles.contains(caller.getKey())) {
                out.put(caller.getKey(), "portal".equals(caller.getKey()) ? keycloak.portalToken()
                        : keycloak.token(caller.getValue()));
            }
        }
        return out;
    }

    // ---- sending -------------------------------------------------------------------------------

    private Sent send(String role, String token, String method, Variant v) {
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = given().config(NO_REDIRECTS).baseUri(config.gatewayUrl()).urlEncodingEnabled(false);
            if (!token.isEmpty()) {
                request = request.auth().oauth2(token);
            }
            for (Map.Entry<String, String> q : v.query().entrySet()) {
                request = request.queryParam(q.getKey(), URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8));
            }
            if (v.body() != null) {
                request = request.contentType(v.contentType()).body(v.body().getBytes(StandardCharsets.UTF_8));
            } else if (v.contentType() != null) {
                request = request.contentType(v.contentType());
            }
            Response response;
            try {
                response = request.request(method.toUpperCase(), v.path());
            } catch (Exception e) { // RestAssured throws IOExceptions unchecked
                // The connection closed without an answer: as bad as a 5xx for a client.
                return new Sent(role, method, v, 599, "no answer: " + e, List.of());
            }
            if (response.statusCode() == 429 && attempt < 10) {
                rateLimited++;
                waitFor(response);
                continue;
            }
            String answer = response.asString();
            return new Sent(role, method, v, response.statusCode(), answer,
                    document.violations(method, v.path(), response.statusCode(), response.contentType(), answer));
        }
    }

    /** Waits as long as the gateway's RateLimit-Reset (or Retry-After) says: pacing a client, not syncing. */
    private static void waitFor(Response limited) {
        String reset = Optional.ofNullable(limited.header("Retry-After")).orElse(limited.header("RateLimit-Reset"));
        long seconds = 1;
        try {
            seconds = Math.max(1, Math.min(10, Long.parseLong(reset == null ? "1" : reset.strip())));
        } catch (NumberFormatException e) {
            // keep the one second
        }
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- variants ------------------------------------------------------------------------------

    List<Variant> variants(ApiDocument.Operation op, String token) {
        List<Variant> out = new ArrayList<>();
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode p : op.node().path("parameters")) {
            JsonNode param = document.resolve(p);
            JsonNode schema = document.resolve(param.path("schema"));
            switch (param.path("in").asText()) {
                case "path" -> pathParams.put(param.path("name").asText(), schema);
                case "query" -> queryParams.put(param.path("name").asText(), schema);
                default -> { }
            }
        }
        Map<String, String> validPath = new LinkedHashMap<>();
        for (String name : parameters(op.path())) {
            validPath.put(name, validPathValue(op.path(), name, pathParams.get(name), token, validPath));
        }
        Map<String, String> validQuery = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> q : queryParams.entrySet()) {
            if (isRequired(op, q.getKey())) {
                validQuery.put(q.getKey(), scalar(q.getValue()));
            }
        }
        JsonNode bodySchema = null;
        String mediaType = null;
        JsonNode content = document.resolve(op.node().path("requestBody")).path("content");
        if (content.has("application/json")) {
            mediaType = "application/json";
            bodySchema = document.resolve(content.get("application/json").path("schema"));
        } else if (content.size() > 0) {
            mediaType = content.fieldNames().next();
        }
        String validBody = bodySchema == null ? null : validBody(content.get("application/json"), bodySchema);
        String path = fill(op.path(), validPath);

        // Path parameters, one at a time.
        for (String name : validPath.keySet()) {
            for (Map.Entry<String, String> bad : invalidScalars(pathParams.get(name), true).entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(validPath);
                values.put(name, URLEncoder.encode(bad.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
                out.add(new Variant("path " + name + ": " + bad.getKey(), fill(op.path(), values), validQuery,
                        validBody == null ? null : mediaType, validBody));
            }
        }
        // Query parameters, one at a time.
        for (Map.Entry<String, JsonNode> q : queryParams.entrySet()) {
            for (Map.Entry<String, String> bad : invalidScalars(q.getValue(), false).entrySet()) {
                Map<String, String> query = new LinkedHashMap<>(validQuery);
                query.put(q.getKey(), bad.getValue());
                out.add(new Variant("query " + q.getKey() + ": " + bad.getKey(), path, query,
                        validBody == null ? null : mediaType, validBody));
            }
        }
        // The body.
        if (bodySchema != null) {
            out.add(new Variant("no body", path, validQuery, "application/json", null));
            out.add(new Variant("not JSON", path, validQuery, "application/json", "{\"title\": "));
            out.add(new Variant("JSON null", path, validQuery, "application/json", "null"));
            out.add(new Variant("the wrong root", path, validQuery, "application/json",
                    "array".equals(type(bodySchema)) ? "{}" : "[]"));
            out.add(new Variant("nested 100 deep", path, validQuery, "application/json",
                    "{\"a\":".repeat(100) + "1" + "}".repeat(100)));
            out.add(new Variant("text/plain", path, validQuery, "text/plain", validBody));
            JsonNode base = parse(validBody);
            if (base instanceof ObjectNode object && "object".equals(type(bodySchema))) {
                if (object.size() > 0) {
                    String first = object.fieldNames().next();
                    String dup = "{\"" + first + "\": " + object.get(first) + ", " + validBody.strip().substring(1);
                    out.add(new Variant("key " + first + " twice", path, validQuery, "application/json", dup));
                }
                for (JsonNode required : bodySchema.path("required")) {
                    ObjectNode without = object.deepCopy();
                    without.remove(required.asText());
                    out.add(new Variant("without required " + required.asText(), path, validQuery, "application/json",
                            without.toString()));
                }
                if (bodySchema.path("additionalProperties").isBoolean() && !bodySchema.path("additionalProperties").asBoolean()) {
                    ObjectNode extra = object.deepCopy();
                    extra.put("noSuchProperty", 1);
                    out.add(new Variant("an undescribed property", path, validQuery, "application/json", extra.toString()));
                }
                Iterator<Map.Entry<String, JsonNode>> props = bodySchema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> prop = props.next();
                    JsonNode schema = document.resolve(prop.getValue());
                    if (schema.path("readOnly").asBoolean(false)) {
                        continue;
                    }
                    for (Map.Entry<String, JsonNode> bad : invalidValues(schema).entrySet()) {
                        ObjectNode mutated = object.deepCopy();
                        mutated.set(prop.getKey(), bad.getValue());
                        out.add(new Variant(prop.getKey() + ": " + bad.getKey(), path, validQuery, "application/json",
                                mutated.toString()));
                    }
                }
            } else if (base instanceof ArrayNode && "array".equals(type(bodySchema))) {
                JsonNode items = document.resolve(bodySchema.path("items"));
                for (Map.Entry<String, JsonNode> bad : invalidValues(items).entrySet()) {
                    out.add(new Variant("item: " + bad.getKey(), path, validQuery, "application/json",
                            NODES.arrayNode().add(bad.getValue()).toString()));
                }
            }
        } else if (mediaType != null) {
            // Uploads (multipart, a file): nothing, and the wrong media type.
            out.add(new Variant("no body", path, validQuery, mediaType, null));
            out.add(new Variant("JSON instead of " + mediaType, path, validQuery, "application/json", "{}"));
        }
        return out;
    }

    private static boolean isRequired(ApiDocument.Operation op, String name) {
        for (JsonNode p : op.node().path("parameters")) {
            if (name.equals(p.path("name").asText()) && p.path("required").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        return path;
    }

    /**
     * An existing resource's id where the listing before the parameter names one (so that refusals
     * come from the input, not from a 404), else a value of the right form.
     */
    private String validPathValue(String template, String name, JsonNode schema, String token, Map<String, String> earlier) {
        int at = template.indexOf("{" + name + "}");
        String listing = fill(template.substring(0, Math.max(0, at - 1)), earlier);
        String key = listing + " " + name + " " + token.hashCode();
        return ids.computeIfAbsent(key, k -> {
            if (!listing.isEmpty() && !listing.contains("{")) {
                RequestSpecification request = given().baseUri(config.gatewayUrl()).queryParam("size", 5);
                if (!token.isEmpty()) {
                    request = request.auth().oauth2(token);
                }
                Response r;
                try {
                    r = request.get(listing);
                } catch (Exception unreachable) { // RestAssured throws IOExceptions unchecked
                    return name.equals("version") ? "1" : name.equals("username") ? "juror1" : scalar(schema);
                }
                if (r.statusCode() == 200) {
                    JsonNode body = parse(r.asString());
                    JsonNode items = body == null ? null : body.isArray() ? body : body.path("items");
                    if (items != null && items.isArray()) {
                        for (JsonNode item : items) {
                            for (String field : List.of("id", "version", "username")) {
                                if (item.hasNonNull(field)) {
                                    return item.get(field).asText();
                                }
                            }
                        }
                    }
                }
            }
            return name.equals("version") ? "1" : name.equals("username") ? "juror1" : scalar(schema);
        });
    }

    // ---- values from schemas ---------------------------------------------------------------------

    private static String type(JsonNode schema) {
        JsonNode type = schema == null ? null : schema.get("type");
        if (type == null) {
            return schema != null && schema.has("properties") ? "object" : schema != null && schema.has("items") ? "array" : "";
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    private static boolean nullable(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if ("null".equals(t.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A valid value of a scalar schema, as text for a path or query parameter. */
    private String scalar(JsonNode schema) {
        JsonNode value = sample(schema, 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private String validBody(JsonNode media, JsonNode schema) {
        JsonNode example = media.path("example");
        if (example.isMissingNode() && media.path("examples").size() > 0) {
            example = document.resolve(media.path("examples").elements().next()).path("value");
        }
        if (!example.isMissingNode() && !example.isNull()) {
            return example.toString();
        }
        return sample(schema, 0).toString();
    }

    /** A valid instance of the schema: its example, else built from its type and constraints. */
    JsonNode sample(JsonNode raw, int depth) {
        JsonNode schema = document.resolve(raw == null ? NODES.objectNode() : raw);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combiner) && schema.get(combiner).size() > 0) {
                if ("allOf".equals(combiner)) {
                    ObjectNode merged = NODES.objectNode();
                    for (JsonNode part : schema.get(combiner)) {
                        JsonNode s = sample(part, depth + 1);
                        if (s instanceof ObjectNode o) {
                            merged.setAll(o);
                        }
                    }
                    return merged;
                }
                return sample(schema.get(combiner).get(0), depth + 1);
            }
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                for (JsonNode required : schema.path("required")) {
                    object.set(required.asText(), sample(schema.path("properties").path(required.asText()), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = 0; i < Math.max(0, schema.path("minItems").asInt(0)); i++) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1);
            }
            case "number" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                String format = schema.path("format").asText("");
                String text = switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-06-01";
                    case "date-time" -> "2026-06-01T10:00:00Z";
                    case "email" -> "info@example.org";
                    case "uri", "url" -> "https://example.org/";
                    default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(1)));
                };
                return NODES.textNode(text);
            }
        }
    }

    /** Values the schema forbids, by what is wrong with them. */
    private static Map<String, JsonNode> invalidValues(JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = type(schema);
        if (!nullable(schema) && !type.isEmpty()) {
            // null where a value is required to have a type: only wrong when null is not allowed.
            bad.put("null", NODES.nullNode());
        }
        switch (type) {
            case "string" -> {
                bad.put("a number", NODES.numberNode(4711));
                bad.put("an object", NODES.objectNode().put("a", 1));
                if (schema.has("maxLength")) {
                    bad.put("longer than " + schema.get("maxLength").asInt(),
                            NODES.textNode("x".repeat(schema.get("maxLength").asInt() + 1)));
                }
                if (schema.has("enum")) {
                    bad.put("not in the enum", NODES.textNode("NO_SUCH_VALUE"));
                }
                notMatching(schema).ifPresent(text -> bad.put("not the pattern", NODES.textNode(text)));
                switch (schema.path("format").asText("")) {
                    case "uuid" -> bad.put("not a uuid", NODES.textNode("not-a-uuid"));
                    case "date" -> bad.put("not a date", NODES.textNode("2026-13-45"));
                    case "date-time" -> bad.put("not a date-time", NODES.textNode("yesterday"));
                    default -> { }
                }
            }
            case "integer", "number" -> {
                bad.put("a string", NODES.textNode("12"));
                bad.put("a boolean", NODES.booleanNode(true));
                if ("integer".equals(type)) {
                    bad.put("a fraction", NODES.numberNode(1.5));
                    bad.put("past a long", NODES.numberNode(new java.math.BigInteger("9".repeat(30))));
                }
                if (schema.has("minimum")) {
                    bad.put("below the minimum", NODES.numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)));
                }
                if (schema.has("maximum")) {
                    bad.put("above the maximum", NODES.numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)));
                }
            }
            case "boolean" -> {
                bad.put("a string", NODES.textNode("yes"));
                bad.put("a number", NODES.numberNode(1));
            }
            case "array" -> {
                bad.put("an object", NODES.objectNode());
                bad.put("a string", NODES.textNode("x"));
                if (schema.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                        many.add(NODES.textNode("x" + i));
                    }
                    bad.put("more than " + schema.get("maxItems").asInt() + " items", many);
                }
            }
            case "object" -> {
                bad.put("an array", NODES.arrayNode());
                bad.put("a string", NODES.textNode("x"));
            }
            default -> { }
        }
        return bad;
    }

    /** Values a path or query parameter's schema forbids, as text. */
    private static Map<String, String> invalidScalars(JsonNode schema, boolean inPath) {
        Map<String, String> bad = new LinkedHashMap<>();
        if (schema == null) {
            if (inPath) {
                bad.put("300 characters", "x".repeat(300));
            }
            return bad;
        }
        String type = type(schema);
        switch (type) {
            case "integer", "number" -> {
                bad.put("not a number", "abc");
                bad.put("past a long", "9".repeat(30));
                if ("integer".equals(type)) {
                    bad.put("a fraction", "1.5");
                }
                if (schema.has("minimum")) {
                    bad.put("below the minimum", schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE).toPlainString());
                }
                if (schema.has("maximum")) {
                    bad.put("above the maximum", schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString());
                }
            }
            case "boolean" -> bad.put("not a boolean", "maybe");
            default -> {
                if (schema.has("enum")) {
                    bad.put("not in the enum", "NO_SUCH_VALUE");
                }
                notMatching(schema).ifPresent(text -> bad.put("not the pattern", text));
                if (schema.has("maxLength")) {
                    bad.put("longer than " + schema.get("maxLength").asInt(), "x".repeat(schema.get("maxLength").asInt() + 1));
                }
                switch (schema.path("format").asText("")) {
                    case "uuid" -> {
                        bad.put("not a uuid", "not-a-uuid");
                        bad.put("a uuid with a control character", "00000000-0000-0000-0000-00000000000\u0001");
                    }
                    case "date" -> bad.put("not a date", "2026-13-45");
                    case "date-time" -> bad.put("not a date-time", "yesterday");
                    default -> { }
                }
                if (inPath && bad.isEmpty()) {
                    bad.put("300 characters", "x".repeat(300));
                }
            }
        }
        return bad;
    }

    /**
     * A text the schema's pattern does not find (JSON Schema patterns are unanchored, so a text that the
     * search misses is also refused by an anchored {@code @Pattern}); none when every candidate matches.
     */
    private static Optional<String> notMatching(JsonNode schema) {
        if (!schema.has("pattern")) {
            return Optional.empty();
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(schema.get("pattern").asText());
        } catch (java.util.regex.PatternSyntaxException notJava) {
            return Optional.empty();
        }
        for (String candidate : List.of("\u00a7!", " ", "\t", "x", "-1")) {
            if (!pattern.matcher(candidate).find()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static JsonNode parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    // ---- row counts ----------------------------------------------------------------------------

    /** The row count of every table of every service, once two reads a second apart agree. */
    private Map<String, Long> quietRowCounts() {
        Map<String, Long>[] last = new Map[] {rowCounts()};
        Awaitility.await("the services' tables stop changing").atMost(Duration.ofSeconds(90))
                .pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Map<String, Long> now = rowCounts();
                    boolean same = now.equals(last[0]);
                    last[0] = now;
                    return same;
                });
        return last[0];
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String db : DATABASES) {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + db, db, db);
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                        rs.next();
                        counts.put(db + "." + table, rs.getLong(1));
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not count the rows of " + db, e);
            }
        }
        return counts;
    }
}
