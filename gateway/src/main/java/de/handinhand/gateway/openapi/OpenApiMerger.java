package de.handinhand.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.jboss.logging.Logger;

/**
 * Folds the services' OpenAPI documents into the one the gateway publishes. Plain data in, plain
 * data out (no I/O), so the rules can be tested with small hand-made documents:
 * <ul>
 * <li>paths: every path of a service that the gateway routes to that service (a path it routes
 * elsewhere or not at all is logged and left out, so two services can never claim one path);</li>
 * <li>components: one entry per name when the services agree on its content; when they differ, each
 * service's copy is renamed {@code <Service>_<Name>} and every {@code $ref} in that service's part is
 * rewritten (repeated until stable, since a rename can make two referring components differ too);</li>
 * <li>security: every service's schemes become the one bearer-token scheme of the Keycloak realm,
 * {@value #SECURITY_SCHEME}; a requirement listing roles becomes one requirement per role, so that the
 * document says what the services mean ({@code @RolesAllowed}: any one of them);</li>
 * <li>tags: the union, the first description winning.</li>
 * </ul>
 */
public final class OpenApiMerger {

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String COMPONENTS_REF = "#/components/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** The name of the one security scheme in the merged document. */
    public static final String SECURITY_SCHEME = "keycloak";

    /** One service's document; {@code service} is its short name ({@code submission}). */
    public record Part(String service, JsonNode document) {
    }

    /** Who answers for the API ({@code info.contact}); url and email may be null. */
    public record Contact(String name, String url, String email) {
    }

    /** What the merged document says about itself; {@code issuer} is the Keycloak realm as callers reach it. */
    public record Settings(String title, String version, String description, String issuer, Contact contact) {
    }

    private final Settings settings;
    private final BiPredicate<String, String> routed;

    /** @param routed whether the gateway sends a path (template) to a service: (service, path) */
    public OpenApiMerger(Settings settings, BiPredicate<String, String> routed) {
        this.settings = settings;
        this.routed = routed;
    }

    /** An answer the gateway itself gives on every operation, whatever the service documents. */
    private record GatewayAnswer(String status, String name, String description) {
    }

    private static final List<GatewayAnswer> GATEWAY_ANSWERS = List.of(
            new GatewayAnswer("429", "GatewayTooManyRequests", "The caller's rate limit is used up; Retry-After says when to try again"),
            new GatewayAnswer("502", "GatewayBadGateway", "The service's answer could not be relayed"),
            new GatewayAnswer("503", "GatewayUnavailable", "The service (or the identity provider) is not reachable right now"),
            new GatewayAnswer("504", "GatewayTimeout", "The service did not answer in time"));

    /**
     * Adds the gateway's own answers (rate limit, service down, too slow) to every operation that does
     * not document them, as shared responses with the problem body; 429 and 503 with Retry-After.
     */
    private static void gatewayAnswers(ObjectNode paths, ObjectNode components) {
        ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas")
                : components.putObject("schemas");
        if (!schemas.has("Problem")) {
            schemas.putObject("Problem").put("type", "object").put("description", "RFC 9457 problem detail");
        }
        ObjectNode responses = components.has("responses") ? (ObjectNode) components.get("responses")
                : components.putObject("responses");
        GATEWAY_ANSWERS.forEach(answer -> {
            ObjectNode response = NODES.objectNode().put("description", answer.description());
            if (answer.status().equals("429") || answer.status().equals("503")) {
                response.putObject("headers").putObject("Retry-After").put("description", "Seconds to wait")
                        .putObject("schema").put("type", "integer");
            }
            response.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
            responses.set(answer.name(), response);
        });
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (METHODS.contains(op.getKey()) && op.getValue().path("responses") instanceof ObjectNode answers) {
                GATEWAY_ANSWERS.forEach(answer -> {
                    if (!answers.has(answer.status())) {
                        answers.putObject(answer.status()).put("$ref", "#/components/responses/" + answer.name());
                    }
                });
            }
        }));
    }

    /**
     * @param parts the services that answered
     * @param missing the services whose document is not available at all; named in {@code x-missing-services}
     */
    public ObjectNode merge(List<Part> parts, List<String> missing) {
        List<Part> copies = new ArrayList<>();
        for (Part part : parts) {
            if (part.document() instanceof ObjectNode document) {
                copies.add(new Part(part.service(), document.deepCopy()));
            } else {
                LOG.errorf("The OpenAPI document of %s is not a JSON object; left out", part.service());
            }
        }
        Map<String, Map<String, String>> renames = renames(copies);
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", version(copies));
        ObjectNode info = merged.putObject("info");
        info.put("title", settings.title());
        info.put("version", settings.version());
        if (settings.description() != null) {
            info.put("description", settings.description());
        }
        ObjectNode contact = info.putObject("contact");
        contact.put("name", settings.contact().name());
        if (settings.contact().url() != null) {
            contact.put("url", settings.contact().url());
        }
        if (settings.contact().email() != null) {
            contact.put("email", settings.contact().email());
        }
        merged.putArray("servers");
        ArrayList<String> missingServices = new ArrayList<>(missing);
        copies.stream().filter(p -> !(p.document().get("paths") instanceof ObjectNode))
                .forEach(p -> LOG.warnf("The OpenAPI document of %s has no paths", p.service()));
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        ObjectNode paths = NODES.objectNode();
        ObjectNode components = NODES.objectNode();
        for (Part part : copies) {
            ObjectNode document = (ObjectNode) part.document();
            Map<String, String> serviceRenames = renames.getOrDefault(part.service(), Map.of());
            Set<String> schemeNames = fieldNames(document.path("components").path("securitySchemes"));
            rewrite(document, serviceRenames, schemeNames);
            document.path("tags").forEach(tag -> {
                if (tag.hasNonNull("name")) {
                    tags.putIfAbsent(tag.get("name").asText(), (ObjectNode) tag);
                }
            });
            document.path("paths").properties().forEach(entry -> {
                String path = entry.getKey();
                if (!routed.test(part.service(), path)) {
                    LOG.warnf("%s documents %s, which the gateway does not route to it; left out", part.service(), path);
                } else {
                    paths.set(path, entry.getValue());
                    entry.getValue().properties().forEach(op -> {
                        if (METHODS.contains(op.getKey())) {
                            op.getValue().path("tags").forEach(tag -> tags.computeIfAbsent(tag.asText(),
                                    name -> NODES.objectNode().put("name", name)));
                        }
                    });
                }
            });
            document.path("components").properties().forEach(kind -> {
                if (kind.getKey().equals("securitySchemes") || !kind.getValue().isObject()) {
                    return;
                }
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().properties().forEach(component -> {
                    String name = serviceRenames.getOrDefault(kind.getKey() + "/" + component.getKey(),
                            component.getKey());
                    // Same name after renaming means the same content: renames() made sure of it.
                    target.putIfAbsent(name, component.getValue());
                });
            });
        }
        if (!tags.isEmpty()) {
            ArrayNode tagList = merged.putArray("tags");
            tags.values().forEach(tagList::add);
        }
        gatewayAnswers(paths, components);
        merged.set("paths", paths);
        ObjectNode schemes = components.putObject("securitySchemes");
        ObjectNode scheme = schemes.putObject(SECURITY_SCHEME);
        // Not "openIdConnect": there the names in a requirement are OAuth scopes, all of them required. The
        // services check realm roles, any one of which suffices; OpenAPI 3.1 lets the requirements of other
        // scheme types list role names, and alternatives are separate requirements.
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        scheme.put("description", "An access token of the Keycloak realm " + settings.issuer()
                + " (OpenID Connect discovery: " + settings.issuer() + "/.well-known/openid-configuration), "
                + "sent as `Authorization: Bearer <token>`. A name in an operation's security requirement is a "
                + "realm role (claim realm_access.roles) that admits the caller; a requirement without names "
                + "admits any valid token; an operation without requirements needs none.");
        merged.set("components", sortedKinds(components));
        if (!missingServices.isEmpty()) {
            ArrayNode note = merged.putArray("x-missing-services");
            missingServices.forEach(note::add);
        }
        return merged;
    }

    /**
     * Per service, {@code kind/name -> new name} for every component whose content differs from
     * another service's component of the same name. Renaming changes the {@code $ref}s inside other
     * components, so the comparison is repeated on the rewritten content until no new conflict appears.
     */
    static Map<String, Map<String, String>> renames(List<Part> parts) {
        Map<String, Map<String, String>> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            // kind/name -> service -> content, with the current renames applied to the content
            Map<String, Map<String, JsonNode>> seen = new LinkedHashMap<>();
            for (Part part : parts) {
                JsonNode components = part.document().path("components").deepCopy();
                rewriteRefs(components, renames.getOrDefault(part.service(), Map.of()));
                components.properties().forEach(kind -> {
                    if (!kind.getKey().equals("securitySchemes")) {
                        kind.getValue().properties().forEach(component -> seen
                                .computeIfAbsent(kind.getKey() + "/" + component.getKey(), k -> new LinkedHashMap<>())
                                .put(part.service(), component.getValue()));
                    }
                });
            }
            for (var entry : seen.entrySet()) {
                if (entry.getValue().values().stream().distinct().count() > 1) {
                    for (String service : entry.getValue().keySet()) {
                        Map<String, String> serviceRenames = renames.computeIfAbsent(service, s -> new HashMap<>());
                        if (!serviceRenames.containsKey(entry.getKey())) {
                            String name = entry.getKey().substring(entry.getKey().indexOf('/') + 1);
                            serviceRenames.put(entry.getKey(), prefix(service) + "_" + name);
                            changed = true;
                        }
                    }
                }
            }
        }
        renames.forEach((service, names) -> names.forEach((from, to) ->
                LOG.debugf("%s's %s differs from another service's; published as %s", service, from, to)));
        return renames;
    }

    private static String prefix(String service) {
        return service.isEmpty() ? service : service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    }

    /** Applies the component renames to every {@code $ref} and points every security requirement at the one scheme. */
    private static void rewrite(ObjectNode document, Map<String, String> renames, Set<String> schemeNames) {
        rewriteRefs(document, renames);
        rewriteSecurity(document.get("security"), schemeNames);
        document.path("paths").forEach(item -> item.properties().forEach(op -> {
            if (METHODS.contains(op.getKey())) {
                rewriteSecurity(op.getValue().get("security"), schemeNames);
            }
        }));
    }

    static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENTS_REF)) {
                String rewritten = renamedRef(ref.asText(), renames);
                if (rewritten != null) {
                    object.put("$ref", rewritten);
                }
            }
            object.forEach(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renames));
        }
    }

    /** {@code #/components/schemas/Page/properties/x} with {@code schemas/Page -> Submission_Page}; null if not renamed. */
    private static String renamedRef(String ref, Map<String, String> renames) {
        String[] segments = ref.substring(COMPONENTS_REF.length()).split("/", 3);
        if (segments.length < 2) {
            return null;
        }
        String name = segments[1].replace("~1", "/").replace("~0", "~");
        String renamed = renames.get(segments[0] + "/" + name);
        if (renamed == null) {
            return null;
        }
        return COMPONENTS_REF + segments[0] + "/" + renamed.replace("~", "~0").replace("/", "~1")
                + (segments.length == 3 ? "/" + segments[2] : "");
    }

    /**
     * Each requirement names the one scheme: a requirement without roles stays one (any valid token), one
     * with roles becomes one requirement per role (alternatives: any one role admits), and {@code {}}
     * ("no authentication needed") stays as it is. Duplicates are dropped.
     */
    private static void rewriteSecurity(JsonNode security, Set<String> schemeNames) {
        if (!(security instanceof ArrayNode requirements)) {
            return;
        }
        Set<JsonNode> unified = new LinkedHashSet<>();
        for (JsonNode requirement : requirements) {
            if (!(requirement instanceof ObjectNode object) || object.isEmpty()) {
                unified.add(requirement);
                continue;
            }
            Set<String> roles = new LinkedHashSet<>();
            object.properties().forEach(entry -> {
                if (!schemeNames.contains(entry.getKey())) {
                    LOG.warnf("A security requirement names %s, which its service does not define", entry.getKey());
                }
                entry.getValue().forEach(role -> roles.add(role.asText()));
            });
            if (roles.isEmpty()) {
                unified.add(requirement(null));
            }
            roles.forEach(role -> unified.add(requirement(role)));
        }
        requirements.removeAll();
        unified.forEach(requirements::add);
    }

    private static ObjectNode requirement(String role) {
        ObjectNode requirement = NODES.objectNode();
        ArrayNode roles = requirement.putArray(SECURITY_SCHEME);
        if (role != null) {
            roles.add(role);
        }
        return requirement;
    }

    private static String version(List<Part> parts) {
        String version = null;
        for (Part part : parts) {
            String v = part.document().path("openapi").asText("");
            if (v.isEmpty()) {
                continue;
            }
            if (version != null && !version.equals(v)) {
                LOG.warnf("The services' documents are OpenAPI %s and %s; the merged one says the higher", version, v);
            }
            if (version == null || v.compareTo(version) > 0) {
                version = v;
            }
        }
        return version == null ? "3.1.0" : version;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Components grouped by kind, each kind's names sorted, so that the document reads the same on every refresh. */
    private static ObjectNode sortedKinds(ObjectNode components) {
        ObjectNode sorted = NODES.objectNode();
        List<String> kinds = new ArrayList<>(fieldNames(components));
        kinds.sort(null);
        for (String kind : kinds) {
            JsonNode entries = components.get(kind);
            if (entries.isEmpty()) {
                continue;
            }
            ObjectNode target = sorted.putObject(kind);
            List<String> names = new ArrayList<>(fieldNames(entries));
            names.sort(null);
            names.forEach(name -> target.set(name, entries.get(name)));
        }
        return sorted;
    }
}
