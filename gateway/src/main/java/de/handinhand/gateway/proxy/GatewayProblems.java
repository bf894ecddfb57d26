package de.handinhand.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.common.web.RequestIds;
import de.handinhand.common.web.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** The gateway's own failures as problem+json, with the request id that the services log too. */
final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            // The backend's answer had started; all that is left is to cut the connection.
            response.reset();
            return;
        }
        Object requestId = rc.get(RequestIds.MDC_KEY);
        Problem problem = new Problem(Problem.type(slug), title, status, detail, null,
                requestId == null ? null : requestId.toString(), List.of());
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                // A refusal is about this request at this moment (a limit, a token): never worth caching.
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }

    static void unauthorized(RoutingContext rc, String detail, boolean invalidToken) {
        rc.response().putHeader("WWW-Authenticate", invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        send(rc, 401, "unauthorized", "Unauthorized", detail);
    }
}
