package de.handinhand.deploy;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks every answer a test gets through the gateway against the merged OpenAPI document
 * ({@link ApiDocument}): an answer whose status, media type or body the document does not describe
 * fails the step that got it, naming the operation and what differs. The document is read from the
 * gateway once, at the first request. Requests are not judged: tests send invalid ones on purpose.
 *
 * <p>{@code -Dconformance=report} only prints the differences (to list them all in one run).
 */
final class Conformance implements Filter {

    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("conformance"));
    /** Every difference of the run, for the closing summary. */
    static final List<String> FOUND = java.util.Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger CHECKED = new AtomicInteger();

    private final String gatewayUrl;
    private volatile ApiDocument document;

    Conformance(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    ApiDocument document() {
        ApiDocument d = document;
        if (d == null) {
            synchronized (this) {
                if (document == null) {
                    document = ApiDocument.of(gatewayUrl);
                }
                d = document;
            }
        }
        return d;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (!uri.getRawPath().startsWith("/api/")) {
            return response;
        }
        List<String> violations = document().violations(request.getMethod(), uri.getRawPath(), response.statusCode(),
                response.contentType(), response.asString());
        CHECKED.incrementAndGet();
        if (!violations.isEmpty()) {
            String message = "The answer to " + request.getMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " does not conform to the API description:\n  "
                    + String.join("\n  ", violations) + "\n  answer: " + response.statusCode() + " "
                    + abbreviate(response.asString());
            FOUND.add(message);
            System.out.println("CONFORMANCE " + message);
            if (!REPORT_ONLY) {
                throw new AssertionError(message);
            }
        }
        return response;
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
