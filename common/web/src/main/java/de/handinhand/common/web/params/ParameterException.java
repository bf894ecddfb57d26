package de.handinhand.common.web.params;

import de.handinhand.common.web.problem.FieldError;
import jakarta.ws.rs.WebApplicationException;

/**
 * A request parameter that cannot be converted to its type. It is a {@link WebApplicationException}
 * because JAX-RS turns any other exception of a parameter converter into a bare 404 (query and path
 * parameters) or 400 (headers) that no longer says which parameter was wrong; {@code ProblemMappers}
 * answers it with problem+json naming the parameter in {@code errors[0].field}.
 */
public class ParameterException extends WebApplicationException {

    private final String where;
    private final FieldError error;
    private final int status;

    /**
     * @param where how the caller sent it, e.g. "Query parameter", "Path parameter", "Header"
     * @param status 400, or 404 for a path parameter: a path that cannot name a resource names none
     */
    public ParameterException(String where, String name, String message, int status) {
        super(where + " '" + name + "' is invalid: " + message, status);
        this.where = where;
        this.error = new FieldError(name, message);
        this.status = status;
    }

    public String where() {
        return where;
    }

    public FieldError error() {
        return error;
    }

    public int status() {
        return status;
    }
}
