package de.handinhand.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a sampler that keeps spans (here every one) the gateway traces as before: its own span joins the
 * caller's trace and becomes the service's parent, so the service's span hangs under the gateway's.
 * (Without sampling, {@link GatewayTest#withoutSamplingACallersTraceContextReachesTheServiceUnchanged}.)
 */
@QuarkusTest
@TestProfile(TracingTest.EverySpanSampled.class)
class TracingTest {

    public static class EverySpanSampled implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // No collector listens there: the exporter's failures are logged and change nothing here.
            return Map.of("quarkus.otel.traces.sampler.arg", "1.0",
                    "quarkus.otel.exporter.otlp.endpoint", "http://localhost:1");
        }
    }

    @Test
    void withSamplingTheGatewaysSpanJoinsTheCallersTraceAndParentsTheService() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        given().auth().oauth2(TestTokens.organizer()).header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .contentType(ContentType.JSON).body("{}").post("/api/calls")
                .then().statusCode(200)
                .body("traceparent", matchesPattern("00-" + traceId + "-[0-9a-f]{16}-01"))
                .body("traceparent", not(equalTo("00-" + traceId + "-" + callersSpan + "-01")));
        given().get("/api/calls").then().statusCode(200)
                .body("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }
}
