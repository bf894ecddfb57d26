package de.handinhand.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations an OpenAPI document names: per path template and method, who may call it
 * ({@link Access}) and what kind of request body it takes. Built from the document the gateway publishes,
 * so what the gateway enforces is what it documents. Immutable; a new table replaces the old one when a
 * service's document changes.
 *
 * <p>A concrete path is matched as JAX-RS matches it: a template parameter stands for one whole, non-empty
 * segment, and where several templates match, the one with a literal segment at the first place where
 * they differ wins ({@code /offers/mine} before {@code /offers/{id}}). One trailing slash is ignored.
 */
public final class OperationTable {

    /** What an operation's request body is, from the media types it accepts. */
    public enum Body {
        /** No body, JSON or a form. */
        NONE,
        /** A file: any media type that is neither JSON nor text ({@code application/pdf}, {@code *}{@code /*}, ...). */
        FILE,
        /** Plain text, such as an import ({@code text/plain}, {@code text/csv}). */
        TEXT
    }

    public record Operation(String method, String template, Access access, Body body) {
    }

    /**
     * The operation a request names; or, when the path is known but not the method, the methods the path
     * allows; neither: no such path.
     */
    public record Lookup(Operation operation, Set<String> allowed) {

        static final Lookup NONE = new Lookup(null, Set.of());
    }

    public static final OperationTable EMPTY = new OperationTable(List.of());

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");

    /**
     * A path template, its operations by upper-case method, and how specific each of its segments is;
     * {@code literal} is the template up to its first parameter, which every path it matches starts with
     * (checked first, so a request runs the pattern of the few templates that can match, not of all).
     */
    private record Template(String path, String literal, Pattern pattern, int[] rank, Map<String, Operation> operations) {
    }

    private final List<Template> templates;

    private OperationTable(List<Template> templates) {
        List<Template> sorted = new ArrayList<>(templates);
        // Most specific first, so the first match is the one JAX-RS would pick.
        sorted.sort(Comparator.<Template, int[]>comparing(Template::rank, Arrays::compare)
                .thenComparing(Template::path));
        this.templates = List.copyOf(sorted);
    }

    /** Every operation of the document's {@code paths}. */
    public static OperationTable of(JsonNode document) {
        JsonNode documentSecurity = document.get("security");
        List<Template> templates = new ArrayList<>();
        document.path("paths").properties().forEach(item -> {
            Map<String, Operation> operations = new LinkedHashMap<>();
            item.getValue().properties().forEach(entry -> {
                if (METHODS.contains(entry.getKey())) {
                    String method = entry.getKey().toUpperCase(Locale.ROOT);
                    JsonNode operation = entry.getValue();
                    operations.put(method, new Operation(method, item.getKey(),
                            Access.of(operation.get("security"), documentSecurity),
                            body(document, operation.path("requestBody"))));
                }
            });
            if (!operations.isEmpty()) {
                templates.add(template(item.getKey(), operations));
            }
        });
        return new OperationTable(templates);
    }

    /**
     * The operation for a request. HEAD is answered by the GET operation where no HEAD is documented (as
     * JAX-RS does); OPTIONS on a known path is public (the service answers it with the allowed methods).
     */
    public Lookup find(String method, String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Template template : templates) {
            if (normalized.startsWith(template.literal()) && template.pattern().matcher(normalized).matches()) {
                Operation operation = template.operations().get(method);
                if (operation == null && method.equals("HEAD")) {
                    operation = template.operations().get("GET");
                }
                if (operation == null && method.equals("OPTIONS")) {
                    operation = new Operation("OPTIONS", template.path(), Access.PUBLIC, Body.NONE);
                }
                return operation != null ? new Lookup(operation, Set.of()) : new Lookup(null, allowed(template));
            }
        }
        return Lookup.NONE;
    }

    /** Every operation, for tests and logs. */
    public List<Operation> operations() {
        return templates.stream().flatMap(template -> template.operations().values().stream()).toList();
    }

    private static Set<String> allowed(Template template) {
        Set<String> allowed = new TreeSet<>(template.operations().keySet());
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return allowed;
    }

    private static Template template(String path, Map<String, Operation> operations) {
        String[] segments = path.split("/", -1);
        int[] rank = new int[segments.length];
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                regex.append('/');
            }
            Matcher parameter = PARAMETER.matcher(segment);
            int last = 0;
            boolean parameters = false;
            while (parameter.find()) {
                parameters = true;
                regex.append(Pattern.quote(segment.substring(last, parameter.start()))).append("[^/]+");
                last = parameter.end();
            }
            regex.append(Pattern.quote(segment.substring(last)));
            // A literal segment outranks one with a parameter in it, which outranks a bare parameter.
            rank[i] = !parameters ? 0 : PARAMETER.matcher(segment).matches() ? 2 : 1;
        }
        int parameter = path.indexOf('{');
        String literal = parameter < 0 ? path : path.substring(0, parameter);
        return new Template(path, literal, Pattern.compile(regex.toString()), rank, Map.copyOf(operations));
    }

    /** The kind of body the request body's media types describe; a {@code $ref} to a shared request body is followed. */
    private static Body body(JsonNode document, JsonNode requestBody) {
        JsonNode ref = requestBody.get("$ref");
        JsonNode resolved = ref != null && ref.isTextual() && ref.asText().startsWith("#/")
                ? document.at(ref.asText().substring(1)) : requestBody;
        Body body = Body.NONE;
        for (String type : (Iterable<String>) () -> resolved.path("content").fieldNames()) {
            String mediaType = type.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
            if (mediaType.startsWith("text/")) {
                body = body == Body.FILE ? body : Body.TEXT;
            } else if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")
                    && !mediaType.equals("application/x-www-form-urlencoded")) {
                body = Body.FILE;
            }
        }
        return body;
    }
}
