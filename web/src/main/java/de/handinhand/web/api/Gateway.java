package de.handinhand.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.common.UnavailablePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reads the gateway's answers for the pages. What a person may not see (403, 404) becomes the
 * plain 404 page, so a page never tells whether someone else's entry or offer exists; a refusal of
 * input (4xx with problem+json) becomes an {@link ApiException} for the form; the API being away
 * (5xx, 429, no connection) becomes the 503 page.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);

    private final ObjectMapper mapper;

    public Gateway(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Calls the API and reads a 2xx answer as {@code type}. */
    public <T> T read(Supplier<Response> call, Class<T> type) {
        try (Response response = call(call)) {
            return mapper.convertValue(body(response), type);
        }
    }

    /** Calls the API and answers the 2xx body as a tree (empty object for 204). */
    public JsonNode json(Supplier<Response> call) {
        try (Response response = call(call)) {
            return body(response);
        }
    }

    /** Calls the API for a list; accepts both a plain array and the {items,total,page,size} page. */
    public <T> List<T> list(Supplier<Response> call, Class<T> type) {
        JsonNode body = json(call);
        JsonNode items = body.isArray() ? body : body.path("items");
        return items.isArray()
                ? mapper.convertValue(items, mapper.getTypeFactory().constructCollectionType(List.class, type))
                : List.of();
    }

    /** The raw 2xx response (downloads); the caller closes it. */
    public Response raw(Supplier<Response> call) {
        Response response = call(call);
        checkStatus(response);
        return response;
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        return mapper.convertValue(node, type);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    private Response call(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            // Only if a client's default exception mapper is on after all: the answer is in the exception.
            return e.getResponse();
        } catch (ProcessingException e) {
            LOG.warnf("The gateway did not answer: %s", e.getMessage());
            throw new UnavailablePage();
        }
    }

    private JsonNode body(Response response) {
        checkStatus(response);
        if (response.getStatus() == 204 || !response.hasEntity()) {
            return mapper.createObjectNode();
        }
        return response.readEntity(JsonNode.class);
    }

    private void checkStatus(Response response) {
        int status = response.getStatus();
        if (status < 300) {
            return;
        }
        if (status == 403 || status == 404) {
            response.close();
            throw new NotFoundPage();
        }
        if (status >= 500 || status == 429 || status == 401) {
            LOG.warnf("The gateway answered %d", status);
            response.close();
            throw new UnavailablePage(status == 401);
        }
        ApiProblem problem;
        try {
            problem = response.readEntity(ApiProblem.class);
        } catch (RuntimeException e) {
            problem = new ApiProblem(null, "HTTP " + status, status, null, List.of());
        }
        if (problem == null) {
            problem = new ApiProblem(null, "HTTP " + status, status, null, List.of());
        }
        throw new ApiException(problem);
    }
}
