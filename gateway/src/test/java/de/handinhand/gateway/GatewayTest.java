package de.handinhand.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GatewayTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** The gateway applies the services' documents once it has fetched them; the tests start after that. */
    @BeforeEach
    void servicesDocumentsAreLoaded() {
        documentsLoaded();
    }

    static void documentsLoaded() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().get("/q/openapi").then().statusCode(200)
                        .body("paths", hasKey("/api/calls"))
                        .body("paths", hasKey("/api/catalogue/offers"))
                        .body("paths", hasKey("/api/scoring/cases")));
    }

    @Test
    void publicReadsReachTheirServiceWithARequestId() {
        String requestId = given().get("/api/calls?page=0")
                .then().statusCode(200)
                .header("X-Backend", "submission")
                .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .body("uri", equalTo("/api/calls?page=0"))
                .body("authorization", nullValue())
                .body("forwardedFor", notNullValue())
                .extract().header("X-Request-Id");
        given().get("/api/calls").then().body("requestId", matchesPattern(UUID_PATTERN))
                .body("requestId", org.hamcrest.Matchers.not(equalTo(requestId)));
        given().get("/api/catalogue/offers/123").then().statusCode(200).body("backend", equalTo("catalogue"));
        given().get("/api/catalogue/hsds/services").then().statusCode(200).body("backend", equalTo("catalogue"));
        given().get("/api/municipalities/08125").then().statusCode(200).body("backend", equalTo("submission"));
    }

    @Test
    void aCallersRequestIdIsKeptAndAnInsaneOneReplaced() {
        given().header("X-Request-Id", "portal-4711").get("/api/calls")
                .then().header("X-Request-Id", "portal-4711").body("requestId", equalTo("portal-4711"));
        given().header("X-Request-Id", "<script>").get("/api/calls")
                .then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void theTokenIsValidatedAndForwarded() {
        String organizer = TestTokens.organizer();
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body("{}").post("/api/calls")
                .then().statusCode(200).body("method", equalTo("POST"))
                .body("authorization", equalTo("Bearer " + organizer))
                .body("connection", nullValue());
    }

    /**
     * With the default sampler (ratio 0) the gateway makes no span of its own: a trace the caller started
     * reaches the service exactly as sent, and a request without one carries none (the service starts its own).
     */
    @Test
    void withoutSamplingACallersTraceContextReachesTheServiceUnchanged() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(TestTokens.organizer()).header("traceparent", traceparent)
                .header("tracestate", "portal=t61rcWkgMzE")
                .contentType(ContentType.JSON).body("{}").post("/api/calls")
                .then().statusCode(200)
                .body("traceparent", equalTo(traceparent))
                .body("tracestate", equalTo("portal=t61rcWkgMzE"));
        given().get("/api/calls").then().statusCode(200)
                .body("traceparent", nullValue())
                .body("tracestate", nullValue());
    }

    @Test
    void protectedRoutesWithoutTokenAre401AndNeverReachAService() {
        int before = hits("submission");
        for (String path : List.of("/api/submissions", "/api/submissions/1/submit", "/api/imports/legacy")) {
            given().contentType(ContentType.JSON).body("{}").post(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401))
                    .body("type", equalTo("urn:handinhand:problem:unauthorized"))
                    .body("requestId", matchesPattern(UUID_PATTERN));
        }
        given().get("/api/submissions").then().statusCode(401);
        given().get("/api/scoring/cases").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/catalogue/offers").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/calls").then().statusCode(401);
        assertEquals(before, hits("submission"));
    }

    @Test
    void invalidTokensAre401EvenOnPublicRoutes() {
        var claims = Map.<String, Object>of("municipality_id", "08125");
        var expired = TestTokens.builder("heilbronn", List.of("submitter"), claims)
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)));
        var wrongAudience = TestTokens.builder("heilbronn", List.of("submitter"), claims).audience("other-api");
        var wrongIssuer = TestTokens.builder("heilbronn", List.of("submitter"), claims).issuer("https://evil.example");
        String valid = TestTokens.submitter("heilbronn", "08125");
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        for (String token : List.of(TestTokens.sign(expired), TestTokens.sign(wrongAudience),
                TestTokens.sign(wrongIssuer), tampered, "garbage")) {
            given().auth().oauth2(token).get("/api/calls")
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"));
        }
    }

    @Test
    void coarseRoleRulesAre403() {
        String submitter = TestTokens.submitter("heilbronn", "08125");
        String publisher = TestTokens.publisher("re-office", "05562");
        String juror = TestTokens.juror("juror1");
        given().auth().oauth2(submitter).contentType(ContentType.JSON).body("{}").post("/api/calls")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(submitter).contentType(ContentType.TEXT).body("x").post("/api/imports/legacy")
                .then().statusCode(403);
        given().auth().oauth2(publisher).get("/api/submissions").then().statusCode(403);
        given().auth().oauth2(juror).get("/api/submissions").then().statusCode(403);
        given().auth().oauth2(TestTokens.portal()).get("/api/submissions").then().statusCode(403);
        given().auth().oauth2(submitter).get("/api/scoring/cases").then().statusCode(403);
        given().auth().oauth2(publisher).get("/api/scoring/cases").then().statusCode(403);
        // Published rankings and results: any signed-in caller passes the gateway (the scoring service
        // decides whether they are published yet), nobody else.
        String call = java.util.UUID.randomUUID().toString();
        for (String path : List.of("/api/scoring/calls/" + call + "/ranking", "/api/scoring/calls/" + call + "/results")) {
            given().auth().oauth2(TestTokens.portal()).get(path).then().statusCode(200).body("backend", equalTo("scoring"));
            given().auth().oauth2(submitter).get(path).then().statusCode(200);
            given().get(path).then().statusCode(401);
        }
        given().auth().oauth2(TestTokens.portal()).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(403);
        given().auth().oauth2(submitter).get("/api/scoring/calls/" + call).then().statusCode(403);
        // Organizers reach what their role allows; a path the document does not name is no operation at all.
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body("{}")
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(200).body("backend", equalTo("scoring"));
        given().auth().oauth2(submitter).get("/api/scoring/calls/" + call + "/ranking/x").then().statusCode(404);
        // Allowed through: the submitter reaches the submission service, which decides about tenants.
        given().auth().oauth2(submitter).get("/api/submissions").then().statusCode(200)
                .body("backend", equalTo("submission"));
        given().auth().oauth2(publisher).contentType(ContentType.JSON).body("{}").post("/api/catalogue/offers")
                .then().statusCode(200).body("backend", equalTo("catalogue"));
    }

    @Test
    void jurorsPassOnlyForReadingAnEntrysAttachments() {
        String juror = TestTokens.juror("juror1");
        // Through to the submission service, which decides whether this juror is assigned to the entry.
        for (String path : List.of("/api/submissions/s-1/attachments", "/api/submissions/s-1/attachments/a-1",
                "/api/submissions/s-1/attachments?page=1")) {
            given().auth().oauth2(juror).get(path).then().statusCode(200).body("backend", equalTo("submission"));
        }
        given().auth().oauth2(juror).head("/api/submissions/s-1/attachments/a-1").then().statusCode(200);
        // Submitters and organizers keep reaching the same paths; other roles do not.
        for (String token : List.of(TestTokens.submitter("heilbronn", "08125"), TestTokens.organizer())) {
            given().auth().oauth2(token).get("/api/submissions/s-1/attachments/a-1").then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.publisher("re-office", "05562")).get("/api/submissions/s-1/attachments")
                .then().statusCode(403);
        given().get("/api/submissions/s-1/attachments").then().statusCode(401);

        // Nothing else of the entries: no writes, no other operations, and paths no document names are 404.
        int before = hits("submission");
        given().auth().oauth2(juror).contentType("application/pdf").body(new byte[] {1, 2, 3})
                .post("/api/submissions/s-1/attachments").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(juror).delete("/api/submissions/s-1/attachments/a-1").then().statusCode(403);
        for (String path : List.of("/api/submissions", "/api/submissions/s-1", "/api/submissions/s-1/versions")) {
            given().auth().oauth2(juror).get(path).then().statusCode(403);
        }
        for (String path : List.of("/api/submissions/s-1/attachments/a-1/x", "/api/submissions/s-1/attachmentsx")) {
            given().auth().oauth2(juror).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().auth().oauth2(juror).contentType(ContentType.JSON).body("{}").put("/api/submissions/s-1").then()
                .statusCode(403);
        assertEquals(before, hits("submission"));
    }

    @Test
    void aServiceWhoseDocumentIsUnknownDecidesAloneUntilItsDocumentArrivesAndThenItsDocumentRules() {
        // /api/late is served by "late", which has no document yet: the gateway knows none of its
        // operations, so every caller reaches it and the service decides; a token that is present is
        // still validated.
        given().get("/api/late/boxes").then().statusCode(200).body("backend", equalTo("late"));
        given().contentType(ContentType.JSON).body("{}").post("/api/late/boxes/1").then().statusCode(200);
        given().auth().oauth2(TestTokens.juror("juror1")).get("/api/late/boxes").then().statusCode(200)
                .body("authorization", startsWith("Bearer "));
        given().auth().oauth2("garbage").get("/api/late/boxes").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token"));

        // Its document arrives: from the next fetch on, its operations are the only ones, with its roles.
        EchoBackends.DOCUMENTS.put("late", lateDocument("[{\"SecurityScheme\": [\"organizer\"]}]"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/late/boxes").statusCode() == 401);
        int before = hits("late");
        given().auth().oauth2(TestTokens.juror("juror1")).get("/api/late/boxes").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/api/late/boxes/1").then().statusCode(404);
        assertEquals(before, hits("late"), "refused at the gateway");
        given().auth().oauth2(TestTokens.organizer()).get("/api/late/boxes").then().statusCode(200)
                .body("backend", equalTo("late"));
        given().get("/q/openapi").then().body("paths", hasKey("/api/late/boxes"))
                .body("'x-missing-services'", org.hamcrest.Matchers.not(hasItem("late")));

        // A changed document applies on a later refresh: the operation is public now.
        EchoBackends.DOCUMENTS.put("late", lateDocument("[]"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/late/boxes").statusCode() == 200);

        // The service stops answering for its document: its last good document stays in force.
        EchoBackends.DOCUMENTS.put("late", lateDocument("[{\"SecurityScheme\": [\"organizer\"]}]"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/api/late/boxes").statusCode() == 401);
        EchoBackends.DOCUMENTS.remove("late");
        int fetches = EchoBackends.DOCUMENT_FETCHES.get("late").get();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> EchoBackends.DOCUMENT_FETCHES.get("late").get() >= fetches + 2);
        given().get("/api/late/boxes").then().statusCode(401);
        given().auth().oauth2(TestTokens.organizer()).get("/api/late/boxes").then().statusCode(200);
    }

    private static String lateDocument(String security) {
        return """
                {"openapi": "3.1.0", "info": {"title": "late", "version": "1"},
                 "paths": {"/api/late/boxes": {"get": {"operationId": "listBoxes", "security": %s,
                   "responses": {"200": {"description": "The boxes"}}}}},
                 "components": {"securitySchemes": {"SecurityScheme": {"type": "openIdConnect",
                   "openIdConnectUrl": "http://localhost:8180/realms/handinhand/.well-known/openid-configuration"}}}}
                """.formatted(security);
    }

    @Test
    void ownProposalsNeedATokenWhileTheTaxonomyIsPublic() {
        int before = hits("catalogue");
        given().get("/api/catalogue/offers/mine").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().get("/api/catalogue/offers/mine?page=1").then().statusCode(401);
        given().auth().oauth2("garbage").get("/api/catalogue/offers/mine").then().statusCode(401);
        assertEquals(before, hits("catalogue"), "refused at the gateway");

        // Any role passes; the token travels on for the catalogue to decide whose proposals these are.
        for (String token : List.of(TestTokens.submitter("heilbronn", "08125"), TestTokens.juror("juror1"),
                TestTokens.portal(), TestTokens.token("volunteer", List.of(), Map.of()))) {
            given().auth().oauth2(token).get("/api/catalogue/offers/mine").then().statusCode(200)
                    .body("backend", equalTo("catalogue")).body("authorization", equalTo("Bearer " + token));
        }
        given().get("/api/catalogue/taxonomy").then().statusCode(200).body("backend", equalTo("catalogue"))
                .body("authorization", nullValue());
        // The taxonomy has no writes at all: 405, naming what the path allows.
        given().contentType(ContentType.JSON).body("{}").post("/api/catalogue/taxonomy").then().statusCode(405)
                .contentType("application/problem+json").header("Allow", "GET, HEAD, OPTIONS");
        // The offer reads under /offers stay public.
        given().get("/api/catalogue/offers/123").then().statusCode(200);
        given().get("/api/catalogue/offers/minefield").then().statusCode(200);
    }

    @Test
    void unknownPathsAre404AndOddPaths400() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().get("/api").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/callsx").then().statusCode(404);
        // Under a service's prefix, but no operation of its document: refused here, never reaching it.
        int before = hits("submission");
        given().auth().oauth2(TestTokens.organizer()).get("/api/calls/1/form/x").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.organizer()).delete("/api/calls/1").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, PUT");
        assertEquals(before, hits("submission"));
        // Matrix parameters would let gateway and service match different operations.
        given().urlEncodingEnabled(false).get("/api/catalogue/offers/mine;x=1").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/index.html").then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/calls/../submissions").then().statusCode(400)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/calls/%2e%2e/submissions").then().statusCode(400);
        given().urlEncodingEnabled(false).get("/api/calls%2F..%2Fsubmissions").then().statusCode(400);
    }

    @Test
    void bodiesAreStreamedIntactAndOversizedOnesRefused() throws Exception {
        byte[] body = new byte[700 * 1024];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().auth().oauth2(TestTokens.organizer()).contentType("application/octet-stream").body(body)
                .post("/api/imports/legacy")
                .then().statusCode(200)
                .body("bodySize", equalTo(body.length))
                .body("sha256", equalTo(sha));

        int before = hits("submission");
        given().auth().oauth2(TestTokens.organizer()).contentType("application/octet-stream")
                .body(new byte[1024 * 1024 + 1]).post("/api/imports/legacy")
                .then().statusCode(413).contentType("application/problem+json");
        assertEquals(before, hits("submission"));

        // Attachments have their own, higher limit.
        String submitter = TestTokens.submitter("dachau", "09174");
        given().auth().oauth2(submitter).contentType("application/pdf").body(new byte[2 * 1024 * 1024])
                .post("/api/submissions/s-1/attachments").then().statusCode(200)
                .body("bodySize", equalTo(2 * 1024 * 1024));
        given().auth().oauth2(submitter).contentType("application/pdf").body(new byte[3 * 1024 * 1024 + 1])
                .post("/api/submissions/s-1/attachments").then().statusCode(413);
        given().auth().oauth2(submitter).contentType(ContentType.JSON).body(new byte[2 * 1024 * 1024])
                .put("/api/submissions/s-1").then().statusCode(413);
    }

    @Test
    void aChunkedBodyWithoutLengthIsCountedAndCutOffAtTheLimit() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.util.function.IntFunction<java.net.http.HttpResponse<String>> send = size -> {
            byte[] body = new byte[size];
            new Random(size).nextBytes(body);
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base.toString()).resolve(
                            "/api/imports/legacy"))
                    .header("Authorization", "Bearer " + TestTokens.organizer())
                    .header("Content-Type", "application/octet-stream")
                    // ofInputStream has no known length: the body goes out chunked, with no Content-Length.
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(body)))
                    .build();
            try {
                return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        java.net.http.HttpResponse<String> small = send.apply(300 * 1024);
        assertEquals(200, small.statusCode(), small.body());
        assertEquals(true, small.body().contains("\"bodySize\":" + 300 * 1024), small.body());

        java.net.http.HttpResponse<String> large = send.apply(3 * 1024 * 1024);
        assertEquals(413, large.statusCode(), large.body());
        assertEquals("application/problem+json", large.headers().firstValue("Content-Type").orElse(""));
        assertEquals(true, large.body().contains("payload-too-large"), large.body());
    }

    @Test
    void aServiceThatIsDownOrSlowGetsAProblemNotAHang() {
        given().auth().oauth2(TestTokens.juror("juror1")).get("/api/archive/boxes")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:handinhand:problem:backend-unavailable"));
        given().get("/api/calls/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:backend-timeout"));
    }

    @Test
    void eachRouteGroupGivesTheServiceItsOwnTimeToAnswer() throws Exception {
        // The services below take 2 s to answer: longer than reads and writes may take (1 s in tests),
        // shorter than uploads and the import may take (3 s in tests).
        String submitter = TestTokens.submitter("dachau", "09174");
        String organizer = TestTokens.organizer();
        given().auth().oauth2(submitter).get("/api/submissions/s-1?delay=2000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(504))
                .body("type", equalTo("urn:handinhand:problem:backend-timeout"))
                .body("requestId", matchesPattern(UUID_PATTERN));
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body("{}").post("/api/calls?delay=2000")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:backend-timeout"));

        byte[] pdf = new byte[1024 * 1024];
        new Random(11).nextBytes(pdf);
        given().auth().oauth2(submitter).contentType("application/pdf").body(pdf)
                .post("/api/submissions/s-1/attachments?delay=2000")
                .then().statusCode(200)
                .body("bodySize", equalTo(pdf.length))
                .body("sha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf))));
        given().auth().oauth2(organizer).contentType(ContentType.TEXT).body("Gemeinde;Projekt")
                .post("/api/imports/legacy?delay=2000")
                .then().statusCode(200)
                .body("uri", equalTo("/api/imports/legacy?delay=2000"));
        // The timed-out requests were reset, not left to answer later on a reused connection.
        given().auth().oauth2(submitter).get("/api/submissions/s-1").then().statusCode(200)
                .body("uri", equalTo("/api/submissions/s-1"));
    }

    @Test
    void aBodyThatTakesLongerToSendThanTheTimeoutStillGetsThrough() throws Exception {
        // The caller sends 512 KiB in 8 pieces a quarter of a second apart: about 2 s, twice the write
        // timeout. The clock starts once the whole body has reached the service.
        byte[] body = new byte[512 * 1024];
        new Random(13).nextBytes(body);
        int piece = 64 * 1024;
        java.io.InputStream slow = new java.io.InputStream() {
            private int sent;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (sent == body.length) {
                    return -1;
                }
                if (sent % piece == 0) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException();
                    }
                }
                int n = Math.min(len, piece - sent % piece);
                System.arraycopy(body, sent, b, off, n);
                sent += n;
                return n;
            }
        };
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base.toString()).resolve("/api/submissions/s-1"))
                .header("Authorization", "Bearer " + TestTokens.submitter("dachau", "09174"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> slow))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(true, response.body().contains("\"bodySize\":" + body.length), response.body());
        assertEquals(true, response.body().contains(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))), response.body());
        assertEquals(true, took >= 1_500, "the body took " + took + " ms to send, longer than the 1 s timeout");
    }

    @Test
    void statusCodesOfTheServicePassThrough() {
        given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body("{}")
                .post("/api/calls?status=201").then().statusCode(201).body("backend", equalTo("submission"));
    }

    @Test
    void metricsNameOperationsNotEntryIds() {
        given().get("/api/calls/4f1c2b7e-0000-4000-8000-00000000abcd").then().statusCode(200);
        given().get("/api/archive/4f1c2b7e-0000-4000-8000-00000000abce").then().statusCode(503);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(true, metrics.contains("uri=\"/api/calls/{id}\""), "the operation's template");
        assertEquals(true, metrics.contains("uri=\"/api/archive/*\""), "no document yet: the prefix");
        assertEquals(false, metrics.contains("00000000abc"), "no series per id");
    }

    /** Each proxied request is counted once, in its operation's series, with its method, status and outcome. */
    @Test
    void everyProxiedRequestIsCountedOnceUnderItsOperation() {
        String ok = "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/calls/{id}\"";
        String notFound = "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"";
        String unauthorized = "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"/api/submissions\"";
        double okBefore = requestCount(ok);
        double notFoundBefore = requestCount(notFound);
        double unauthorizedBefore = requestCount(unauthorized);

        given().get("/api/calls/4f1c2b7e-0000-4000-8000-000000000001").then().statusCode(200);
        given().get("/api/calls/4f1c2b7e-0000-4000-8000-000000000002").then().statusCode(200);
        given().get("/api/calls/4f1c2b7e-0000-4000-8000-000000000001/nothing-here").then().statusCode(404);
        given().get("/api/submissions").then().statusCode(401);

        // Recorded once each answer has ended, which may be just after the caller has it.
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertEquals(okBefore + 2, requestCount(ok));
            assertEquals(notFoundBefore + 1, requestCount(notFound));
            assertEquals(unauthorizedBefore + 1, requestCount(unauthorized));
        });
    }

    /** The count of one {@code http_server_requests_seconds} series (its labels as Prometheus prints them); 0 if absent. */
    private static double requestCount(String labels) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = "http_server_requests_seconds_count{" + labels + "} ";
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).strip()))
                .findFirst().orElse(0);
    }

    @Test
    void healthIsServedByTheGatewayItself() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void corsPreflightIsAnsweredByTheGatewayForConfiguredOriginsOnly() {
        int before = hits("catalogue");
        given().header("Origin", "https://portal.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/catalogue/offers")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://portal.example.org")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("X-Request-Id"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/catalogue/offers")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        assertEquals(before, hits("catalogue"), "preflights never reach a service");
    }

    @Test
    void crossOriginCallsFromAPortalGetTheirOriginEchoedAndOthersAreRefused() {
        given().header("Origin", "https://portal.example.org").get("/api/catalogue/offers")
                .then().statusCode(200)
                .body("backend", equalTo("catalogue"))
                .header("Access-Control-Allow-Origin", "https://portal.example.org")
                .header("Access-Control-Expose-Headers", allOf(containsString("X-Request-Id"),
                        containsString("Retry-After"), containsString("Location")));
        // The gateway's own refusals carry the CORS headers too, so a portal can read the problem.
        given().header("Origin", "https://portal.example.org").get("/api/submissions")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", "https://portal.example.org");
        int before = hits("catalogue");
        given().header("Origin", "https://evil.example").get("/api/catalogue/offers")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://portal.example.org").get("/api/catalogue/offers")
                .then().statusCode(403);
        assertEquals(before, hits("catalogue"));
    }

    @Test
    void securityHeadersAreOnProxiedAnswersAndOnTheGatewaysOwnProblems() {
        var proxied = given().auth().oauth2(TestTokens.organizer()).get("/api/calls").then().statusCode(200);
        assertSecurityHeaders(proxied);
        proxied.header("Cache-Control", "no-store");
        // Without a token the answer is public: the gateway adds no cache policy of its own.
        assertSecurityHeaders(given().get("/api/calls").then().statusCode(200)).header("Cache-Control", nullValue());
        // A service's own cache policy stands; its own copy of a gateway-owned header is not sent twice.
        var cached = given().auth().oauth2(TestTokens.organizer()).get("/api/calls/cached").then().statusCode(200);
        assertSecurityHeaders(cached).header("Cache-Control", "public, max-age=60");
        assertEquals(List.of("DENY"), cached.extract().headers().getValues("X-Frame-Options"));

        assertSecurityHeaders(given().get("/api/submissions").then().statusCode(401)
                .contentType("application/problem+json")).header("Cache-Control", "no-store");
        assertSecurityHeaders(given().get("/api/nothing-here").then().statusCode(404));
        assertSecurityHeaders(given().get("/index.html").then().statusCode(404));
        assertSecurityHeaders(given().auth().oauth2(TestTokens.juror("juror1")).get("/api/archive/boxes")
                .then().statusCode(503));
        assertSecurityHeaders(given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void theOpenApiDocumentIsServedWhileAServiceIsDown() {
        // archive has nothing listening here: the others' paths are there, archive is named as missing.
        given().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("paths", hasKey("/api/calls"))
                .body("paths", hasKey("/api/catalogue/offers"))
                .body("'x-missing-services'", hasItem("archive"))
                .body("components.securitySchemes.keycloak.type", equalTo("http"));
        assertSecurityHeaders(given().get("/q/openapi").then().statusCode(200));
    }

    @Test
    void swaggerUiShowsTheMergedDocumentFromTheGatewayItself() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/q/openapi"))
                // Its own scripts and styles only: nothing from a CDN.
                .body(org.hamcrest.Matchers.not(containsString("https://")))
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("frame-ancestors 'none'")));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
        // Everywhere else the gateway's strict policy stands.
        given().get("/q/health/ready").then().header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    static io.restassured.response.ValidatableResponse assertSecurityHeaders(
            io.restassured.response.ValidatableResponse response) {
        response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        return response;
    }

    private static int hits(String backend) {
        return EchoBackends.HITS.computeIfAbsent(backend, k -> new AtomicInteger()).get();
    }
}
