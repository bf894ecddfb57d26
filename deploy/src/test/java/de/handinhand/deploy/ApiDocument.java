package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The gateway's merged OpenAPI 3.1 document as a judge of answers: which operation a request hit,
 * whether the answer's status is one the operation describes, whether its media type is, and
 * whether its body validates against the described schema. The schemas are JSON Schema 2020-12 (the
 * dialect of OpenAPI 3.1) and are checked by networknt's validator, with formats asserted;
 * {@code $ref}s resolve inside the document.
 *
 * <p>Why not swagger-request-validator: its 2.x line (Java 8) validates OpenAPI 3.0 with a draft-4
 * validator and does not read 3.1's schemas (type arrays, {@code const}, {@code $defs}); its 3.x line
 * needs Java 21, and the project is on 17.
 */
final class ApiDocument {

    static final String LOCATION = "https://handinhand.invalid/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    record Template(String path, Pattern pattern, int literals) {
    }

    /** One operation of the document: its path template and method, and its description. */
    record Operation(String path, String method, JsonNode node) {

        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    ApiDocument(String text) {
        try {
            this.document = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(LOCATION, text))));
        document.path("paths").fieldNames().forEachRemaining(path -> {
            String regex = Pattern.quote(path).replaceAll("\\{[^/{}]++}", "\\\\E[^/]++\\\\Q");
            int literals = path.replaceAll("\\{[^/{}]++}", "").length();
            templates.add(new Template(path, Pattern.compile(regex), literals));
        });
        // The most literal template first: /api/catalogue/offers/mine before /api/catalogue/offers/{id}.
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** The document the gateway serves now. */
    /**
     * The gateway's merged document once it holds every service's part: right after a start the gateway
     * may not have fetched a service's document yet (it names such services in {@code x-missing-services}
     * and fetches again), and a document without, say, the catalogue would judge every catalogue answer
     * as undocumented.
     */
    static ApiDocument of(String gatewayUrl) {
        String[] text = new String[1];
        await("the gateway's document with every service's part")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    text[0] = given().baseUri(gatewayUrl).accept("application/json").get("/q/openapi")
                            .then().statusCode(200).extract().asString();
                    return !JSON.readTree(text[0]).has("x-missing-services");
                });
        return new ApiDocument(text[0]);
    }

    JsonNode node() {
        return document;
    }

    /** Every operation under {@code /api/}, in the document's order. */
    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        out.add(new Operation(path.getKey(), op.getKey(), op.getValue()));
                    }
                });
            }
        }
        return out;
    }

    /** The operation a request of this method on this path (no query) hits, if the document has it. */
    Optional<Operation> operation(String method, String path) {
        String m = method.toLowerCase(Locale.ROOT);
        for (Template template : templates) {
            if (template.pattern().matcher(path).matches()) {
                JsonNode op = document.path("paths").path(template.path()).path(m);
                if (!op.isMissingNode()) {
                    return Optional.of(new Operation(template.path(), m, op));
                }
            }
        }
        return Optional.empty();
    }

    /** Resolves a {@code $ref} inside the document; the node itself when it is none. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 20 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return current;
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /**
     * What is wrong with an answer of {@code status} and {@code contentType} (may be null) carrying
     * {@code body} (empty for none) to a request of {@code method} on {@code path}; empty when it
     * conforms. Paths outside {@code /api/} (health, metrics, the document itself) are not judged.
     */
    List<String> violations(String method, String path, int status, String contentType, String body) {
        List<String> found = new ArrayList<>();
        if (!path.startsWith("/api/")) {
            return found;
        }
        Optional<Operation> hit = operation(method, path);
        if (hit.isEmpty()) {
            // No such operation: the gateway's 404/405 (or 401 before it) is the right answer.
            if (status != 404 && status != 405 && status != 401 && status != 429) {
                found.add(method + " " + path + " is no operation of the document but answered " + status);
            }
            return found;
        }
        Operation op = hit.get();
        JsonNode responses = op.node().path("responses");
        String code = Integer.toString(status);
        JsonNode response = responses.has(code) ? responses.get(code)
                : responses.has(code.charAt(0) + "XX") ? responses.get(code.charAt(0) + "XX") : responses.get("default");
        if (response == null) {
            found.add(op.name() + " answered " + status + ", which the document does not describe (it has "
                    + iterable(responses.fieldNames()) + ")");
            return found;
        }
        response = resolve(response);
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty() && !"head".equalsIgnoreCase(method);
        if (!hasBody) {
            return found;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            found.add(op.name() + " " + status + " has a body (" + contentType + ") where the document describes none");
            return found;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String key = content.has(mediaType) ? mediaType : content.has("*/*") ? "*/*" : null;
        if (key == null) {
            found.add(op.name() + " " + status + " answered " + mediaType + ", the document describes "
                    + iterable(content.fieldNames()));
            return found;
        }
        JsonNode schema = content.get(key).path("schema");
        if (schema.isMissingNode() || !(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return found;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            found.add(op.name() + " " + status + " answered " + mediaType + " that is not JSON: " + e.getOriginalMessage());
            return found;
        }
        String pointer = "/paths/" + escape(op.path()) + "/" + op.method() + "/responses/"
                + escape(responses.has(code) ? code : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX" : "default")
                + "/content/" + escape(key) + "/schema";
        if (op.node().path("responses").path(code).has("$ref")) {
            // A shared response component: its schema lives there.
            pointer = op.node().path("responses").path(code).get("$ref").asText().substring(1) + "/content/" + escape(key)
                    + "/schema";
        }
        JsonSchema validator = schemas.computeIfAbsent(pointer,
                p -> factory.getSchema(SchemaLocation.of(LOCATION + "#" + p), config));
        for (ValidationMessage message : validator.validate(answer)) {
            found.add(op.name() + " " + status + ": " + message.getMessage());
        }
        return found;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
