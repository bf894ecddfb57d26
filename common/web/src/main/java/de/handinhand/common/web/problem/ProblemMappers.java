package de.handinhand.common.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import de.handinhand.common.web.RequestIds;
import de.handinhand.common.web.params.ParameterException;
import de.handinhand.common.web.text.ControlCharacterException;
import de.handinhand.common.web.text.JsonLimits;
import de.handinhand.common.web.validation.Violations;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception-to-problem+json mapping every service uses. Deliberate failures
 * ({@link ApiException}) keep their status and message; framework failures get a precise 4xx;
 * anything unexpected is logged with its stack trace and answered with a 500 that reveals nothing.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder builder = response(e.status(), e.slug(), e.title(), e.getMessage(), e.errors());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated("A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated("The bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return unauthenticated("The bearer token is invalid or expired");
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return response(403, "forbidden", "Forbidden", "Your role does not allow this request", List.of()).build();
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return response(400, "bad-request", "Bad request", "Unknown field '" + field + "'",
                List.of(new FieldError(field, "is not a known field"))).build();
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return response(400, "bad-request", "Bad request",
                "Field '" + field + "' has a value of the wrong type or format",
                List.of(new FieldError(field, "must be " + expected))).build();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String field = path(e);
        if (field.isEmpty()) {
            return response(400, "malformed-json", "Bad request", "The request body is not the expected JSON document",
                    List.of()).build();
        }
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return response(400, "bad-request", "Bad request", "Field '" + field + "' has a value of the wrong type",
                List.of(new FieldError(field, "must be " + expected))).build();
    }

    @ServerExceptionMapper
    public Response controlCharacter(ControlCharacterException e) {
        String field = path(e);
        return response(422, "validation", "Invalid input", "Field '" + field + "' contains a control character",
                List.of(new FieldError(field, e.reason()))).build();
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        Response limit = jsonLimit(e);
        if (limit != null) {
            return limit;
        }
        String field = path(e);
        return response(400, "bad-request", "Bad request", "The request body could not be read"
                + (field.isEmpty() ? "" : " at field '" + field + "'"),
                field.isEmpty() ? List.of() : List.of(new FieldError(field, "has an invalid value"))).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        Response limit = jsonLimit(e);
        if (limit != null) {
            return limit;
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return response(400, "malformed-json", "Bad request", "The request body is not valid JSON" + where, List.of())
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e instanceof ParameterException parameter) {
            return parameter(parameter);
        }
        // The JSON body reader wraps parse errors; answer them like the unwrapped ones.
        if (e.getCause() instanceof JsonProcessingException cause) {
            Response limit = jsonLimit(cause);
            if (limit != null) {
                return limit;
            }
        }
        if (e.getCause() instanceof ControlCharacterException cause) {
            return controlCharacter(cause);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException cause) {
            return unrecognizedProperty(cause);
        }
        if (e.getCause() instanceof InvalidFormatException cause) {
            return invalidFormat(cause);
        }
        if (e.getCause() instanceof MismatchedInputException cause) {
            return mismatchedInput(cause);
        }
        if (e.getCause() instanceof JsonMappingException cause) {
            return jsonMapping(cause);
        }
        if (e.getCause() instanceof JsonProcessingException cause) {
            return malformedJson(cause);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return response(status, "internal", "Internal error", "The request could not be completed", List.of())
                    .build();
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Response.ResponseBuilder builder = response(status, slugFor(status), title, detailFor(status, e), List.of());
        if (original != null && original.getHeaderString("Allow") != null) {
            builder.header("Allow", original.getHeaderString("Allow"));
        }
        return builder.build();
    }

    /**
     * A document over one of {@link JsonLimits}' limits, or with a key twice in one object: 400 (413 for a
     * string or a key over the length limit) naming the limit, and the field where the parser knows it.
     * Null for every other JSON failure.
     */
    static Response jsonLimit(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        Throwable cause = e instanceof JsonMappingException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof StreamConstraintsException limit) {
            String message = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
            if (message.startsWith("Document nesting depth")) {
                return response(400, "json-too-deep", "Bad request", "The JSON document is nested deeper than "
                        + JsonLimits.MAX_NESTING_DEPTH + " levels", List.of()).build();
            }
            if (message.startsWith("Number value length")) {
                return limitResponse(400, "json-number-too-long", field, "A number in the request body is longer than "
                        + JsonLimits.MAX_NUMBER_LENGTH + " characters", "is a number longer than "
                        + JsonLimits.MAX_NUMBER_LENGTH + " characters");
            }
            if (message.startsWith("String value length")) {
                // Also a number of more than that many digits: the parser buffers its text like a string's.
                return limitResponse(413, "payload-too-large", field, "A value in the request body is longer than "
                        + JsonLimits.MAX_STRING_LENGTH + " characters", "is longer than "
                        + JsonLimits.MAX_STRING_LENGTH + " characters");
            }
            if (message.startsWith("Name length")) {
                return response(413, "payload-too-large", "Payload too large",
                        "A key in the request body is longer than the JSON parser accepts", List.of()).build();
            }
            int from = message.indexOf(" (from");
            return response(400, "bad-request", "Bad request", "The request body exceeds a limit of the JSON parser: "
                    + (from < 0 ? message : message.substring(0, from)), List.of()).build();
        }
        if (cause instanceof JsonParseException parse && parse.getOriginalMessage() != null
                && parse.getOriginalMessage().startsWith("Duplicate field")) {
            JsonParser parser = parse.getProcessor();
            String key = parser != null ? path(parser.getParsingContext()) : field;
            return response(400, "duplicate-key", "Bad request", "The key '" + key + "' appears twice in one object",
                    List.of(new FieldError(key, "appears more than once in the same object"))).build();
        }
        return null;
    }

    private static Response limitResponse(int status, String slug, String field, String detail, String message) {
        String title = status == 413 ? "Payload too large" : "Bad request";
        return field.isEmpty() ? response(status, slug, title, detail, List.of()).build()
                : response(status, slug, title, detail + " (field '" + field + "')",
                        List.of(new FieldError(field, message))).build();
    }

    /** The JSON path of where a streaming parser stands: {@code projects[1].answers.C10}. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String step = c.inArray() ? "[" + Math.max(0, c.getCurrentIndex()) + "]"
                    : c.getCurrentName() == null ? "" : "." + c.getCurrentName();
            path.insert(0, step);
        }
        return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }

    /** A parameter {@code TypedParams} could not convert: 400 (404 for a path) naming the parameter. */
    @ServerExceptionMapper
    public Response parameter(ParameterException e) {
        return response(e.status(), e.status() == 404 ? "not-found" : "bad-request",
                e.status() == 404 ? "Not found" : "Bad request", e.getMessage(), List.of(e.error())).build();
    }

    /**
     * Bean Validation of a resource method's parameters. Replaces Quarkus' own answer (a 400 with
     * its own body) by the shape every other validation failure has: an invalid body field is a 422
     * like a {@link ValidationException}, with {@code errors[].field} the JSON path in the body; an
     * invalid query, path or header parameter is a 400 naming the parameter; a violated constraint
     * on a return value is the server's fault and a 500.
     */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Violations.Located> located = Violations.locate(e.getConstraintViolations());
        if (located.isEmpty() || located.stream().anyMatch(l -> l.origin() == Violations.Origin.RETURN_VALUE)) {
            LOG.error("A response broke its own constraints", e);
            return response(500, "internal", "Internal error", "The request could not be completed", List.of())
                    .build();
        }
        List<Violations.Located> parameters = located.stream()
                .filter(l -> l.origin() == Violations.Origin.PARAMETER).toList();
        if (!parameters.isEmpty()) {
            Violations.Located first = parameters.get(0);
            String detail = parameters.size() == 1
                    ? first.where() + " '" + first.error().field() + "' is invalid: " + first.error().message()
                    : "Parameters are invalid: " + parameters.stream().map(l -> l.error().field()).distinct()
                            .collect(Collectors.joining(", "));
            return response(400, "bad-request", "Bad request", detail,
                    parameters.stream().map(Violations.Located::error).toList()).build();
        }
        return api(new ValidationException(located.stream().map(Violations.Located::error).toList()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String transientState = transientSqlState(e);
        if (transientState != null) {
            // The database chose this transaction as a deadlock victim or could not serialise it, or
            // the connection broke: nothing of it was committed, and the same request a moment later
            // normally succeeds. Say so, instead of an internal error.
            LOG.warnf("Transaction rolled back by the database (SQLState %s): answering 503 with Retry-After", transientState);
            return response(503, "temporarily-unavailable", "Temporarily unavailable",
                    "The database rolled this request back (" + (transientState.startsWith("08")
                            ? "connection lost" : "concurrent change") + "); nothing was stored. Send it again.",
                    List.of()).header("Retry-After", "1").build();
        }
        LOG.error("Unexpected failure", e);
        return response(500, "internal", "Internal error", "The request could not be completed", List.of()).build();
    }

    /**
     * The SQLState of a failure the database reports for a transaction that is safe to send again:
     * 40P01 deadlock, 40001 serialisation failure, 08… connection failures; {@code null} otherwise.
     */
    static String transientSqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("40P01") || state.equals("40001") || state.startsWith("08")) {
                    return state;
                }
            }
        }
        return null;
    }

    private static Response unauthenticated(String detail) {
        return response(401, "unauthorized", "Unauthorized", detail, List.of())
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    public static Response.ResponseBuilder response(int status, String slug, String title, String detail,
            List<FieldError> errors) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, null, RequestIds.current(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String slugFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This content type is not accepted here";
            // Parameter conversion failures carry a useful message naming the parameter.
            case 400 -> e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? "The request is malformed"
                    : e.getMessage();
            default -> "The request cannot be served";
        };
    }

    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 instant such as 2026-05-01T00:00:00Z";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 2026-05-01";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }
}
