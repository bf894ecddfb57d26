package de.handinhand.common.web.text;

import de.handinhand.common.web.problem.FieldError;
import de.handinhand.common.web.problem.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters carrying control characters (such as {@code %00}) before any endpoint
 * sees them: they would otherwise reach SQL parameters, which PostgreSQL refuses with an error.
 */
public class QueryTextFilter {

    @ServerRequestFilter
    public Response check(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters(true).entrySet()) {
            OptionalInt inName = ControlCharacters.find(parameter.getKey());
            if (inName.isPresent()) {
                return reject("query", "parameter names " + ControlCharacters.describe(parameter.getKey(),
                        inName.getAsInt()));
            }
            for (String value : parameter.getValue()) {
                OptionalInt at = ControlCharacters.find(value);
                if (at.isPresent()) {
                    return reject(parameter.getKey(), ControlCharacters.describe(value, at.getAsInt()));
                }
            }
        }
        return null;
    }

    private static Response reject(String name, String message) {
        return ProblemMappers.response(400, "bad-request", "Bad request",
                "Query parameter '" + name + "' " + message, List.of(new FieldError(name, message))).build();
    }
}
