package de.handinhand.common.web.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Documents what every service answers on failure: each 4xx and 5xx response without a body of
 * its own gets {@code application/problem+json} with the shared {@code Problem} schema (RFC 9457,
 * with the request id and the list of offending fields). Enabled with
 * {@code mp.openapi.filter=de.handinhand.common.web.openapi.ProblemResponses}.
 *
 * <p>It also describes every optional property as nullable ({@link NullableOptionals}), and gives numeric parameters their defaults as numbers: SmallRye OpenAPI copies a
 * {@code @DefaultValue("20")} into the document as the string {@code "20"}, which is not a valid
 * value of an integer schema (Spectral's {@code oas3-valid-schema-example} refuses it, and
 * generated clients would send the wrong type).
 */
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        NullableOptionals.apply(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Map<?, Operation> operations = item.getOperations();
            if (operations != null) {
                boolean pathParameters = path.contains("{");
                boolean itemParameters = item.getParameters() != null && !item.getParameters().isEmpty();
                operations.values().forEach(operation -> {
                    refusals(operation, pathParameters, itemParameters);
                    problems(operation);
                });
            }
        });
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getDefaultValue() instanceof String text && schema.getType() != null) {
            try {
                if (schema.getType().contains(SchemaType.INTEGER) || schema.getType().contains(SchemaType.NUMBER)) {
                    BigDecimal number = new BigDecimal(text.trim());
                    schema.setDefaultValue(schema.getType().contains(SchemaType.INTEGER) ? number.toBigIntegerExact() : number);
                } else if (schema.getType().contains(SchemaType.BOOLEAN)) {
                    schema.setDefaultValue(Boolean.valueOf(text.trim()));
                }
            } catch (ArithmeticException | NumberFormatException notANumber) {
                // left as written: the document then shows the mistake instead of hiding it
            }
        }
        return parameter;
    }

    /**
     * The refusals that common-web and the framework give every operation of a kind, whether or not its
     * resource method names them: 400 for a parameter that does not convert or a body that is not the
     * JSON expected, 404 for a path parameter that does not convert (or names nothing), 401 and 403 for a
     * secured operation, 413 and 415 for a request body (too large, the wrong media type) and 422 for a
     * JSON body's invalid fields. Without them the document would describe less than callers get (the
     * end-to-end fuzzer found each of these answers undescribed).
     */
    private static void refusals(Operation operation, boolean pathParameters, boolean itemParameters) {
        if (operation.getResponses() == null) {
            return;
        }
        boolean parameters = itemParameters || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean body = operation.getRequestBody() != null;
        boolean json = body && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes() != null
                && operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                        .anyMatch(type -> type.equals("application/json") || type.endsWith("+json"));
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        List<String> codes = new java.util.ArrayList<>();
        if (parameters || body) {
            codes.add("400");
        }
        if (secured) {
            codes.addAll(List.of("401", "403"));
        }
        if (pathParameters) {
            codes.add("404");
        }
        if (body) {
            codes.addAll(List.of("413", "415"));
        }
        if (json) {
            codes.add("422");
        }
        for (String code : codes) {
            if (operation.getResponses().getAPIResponse(code) == null) {
                operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(describe(code)));
            }
        }
    }

    private static void problems(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            boolean error = code.startsWith("4") || code.startsWith("5");
            boolean bodyless = response.getRef() == null && (response.getContent() == null
                    || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty());
            if (error && bodyless) {
                response.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(describe(code));
                }
            }
        });
    }

    private static String describe(String code) {
        return switch (code) {
            case "400" -> "Malformed request";
            case "401" -> "No valid bearer token";
            case "403" -> "The caller's role or tenant does not allow this";
            case "404" -> "Not found";
            case "409" -> "The resource's state does not allow this";
            case "413" -> "Body too large";
            case "415" -> "Content type not accepted";
            case "422" -> "Invalid fields, each listed in errors";
            default -> "Error";
        };
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("JSON path or question code, e.g. answers.C23"))
                .addProperty("message", string);
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem detail; clients switch on type")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Stable problem type, e.g. urn:handinhand:problem:call-not-open"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("requestId", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The X-Request-Id of the request, also in every log line"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError))
                .required(List.of("type", "title", "status"))
                .example(Map.of("type", "urn:handinhand:problem:incomplete-entry", "title", "Invalid input",
                        "status", 422, "detail", "The entry is not complete or not valid; every failing question is listed",
                        "requestId", "9f1c2b7e-3d3a-4f51-a2b0-6f4e3c1d8a20",
                        "errors", List.of(Map.of("field", "answers.C23", "message", "is required"))));
    }
}
