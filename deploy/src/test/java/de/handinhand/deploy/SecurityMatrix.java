package de.handinhand.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Every endpoint × every caller that must not call it, driven by the OpenAPI document the gateway
 * serves: the operations there must be exactly the rows of {@link #EXPECTED} (a new endpoint
 * without a row fails), the roles each declares must be the row's, and then, through the
 * gateway: without a token every protected operation is a 401, and with the token of every
 * other role a 403 — public ones answer anonymous callers without 401/403.
 */
final class SecurityMatrix {

    static final String PUBLIC = "PUBLIC";
    static final String SIGNED_IN = "SIGNED_IN";
    /** One demo caller per role. */
    static final Map<String, String> CALLERS = Map.of("submitter", "heilbronn", "publisher", "dah-office",
            "juror", "juror1", "organizer", "orga", "portal", "external-portal", "applicant", "ak-eppingen");

    /** METHOD path → roles allowed (PUBLIC: no token needed; SIGNED_IN: any role, the service decides). */
    static final Map<String, Set<String>> EXPECTED = new TreeMap<>();

    static {
        row("GET /api/calls", PUBLIC);
        row("POST /api/calls", "organizer");
        row("GET /api/calls/{id}", PUBLIC);
        row("PUT /api/calls/{id}", "organizer");
        row("GET /api/calls/{id}/form", PUBLIC);
        row("GET /api/calls/{id}/report-form", PUBLIC);
        row("GET /api/calls/{id}/reports", "organizer");
        row("POST /api/imports/legacy", "organizer");
        row("GET /api/municipalities", PUBLIC);
        row("POST /api/municipalities", "organizer");
        row("GET /api/municipalities/{id}", PUBLIC);
        row("PUT /api/municipalities/{id}", "organizer");
        // Allowed roles pass the gateway; the service may still refuse a caller per tenant (another
        // municipality's entry, a juror not assigned to it: 404), which its own tests prove.
        row("GET /api/submissions", "submitter", "applicant", "organizer");
        row("POST /api/submissions", "submitter", "applicant");
        row("GET /api/submissions/{id}", "submitter", "applicant", "organizer");
        row("PUT /api/submissions/{id}", "submitter", "applicant", "organizer");
        row("GET /api/submissions/{id}/attachments", "submitter", "applicant", "organizer", "juror");
        row("POST /api/submissions/{id}/attachments", "submitter", "applicant");
        row("GET /api/submissions/{id}/attachments/{attachmentId}", "submitter", "applicant", "organizer", "juror");
        row("GET /api/submissions/{id}/report", "submitter", "applicant", "organizer");
        row("PUT /api/submissions/{id}/report", "submitter", "applicant");
        row("POST /api/submissions/{id}/report/submit", "submitter", "applicant");
        row("DELETE /api/submissions/{id}/attachments/{attachmentId}", "submitter", "applicant");
        row("PUT /api/submissions/{id}/extension", "organizer");
        row("DELETE /api/submissions/{id}/extension", "organizer");
        row("POST /api/submissions/{id}/reopen", "submitter", "applicant");
        row("POST /api/submissions/{id}/submit", "submitter", "applicant");
        row("GET /api/submissions/{id}/versions", "submitter", "applicant", "organizer");
        row("GET /api/submissions/{id}/versions/{version}", "submitter", "applicant", "organizer");
        row("POST /api/submissions/{id}/withdraw", "submitter", "applicant");

        row("GET /api/catalogue/hsds", PUBLIC);
        row("GET /api/catalogue/hsds/organizations", PUBLIC);
        row("GET /api/catalogue/hsds/organizations/{id}", PUBLIC);
        row("GET /api/catalogue/hsds/services", PUBLIC);
        row("GET /api/catalogue/hsds/services/{id}", PUBLIC);
        row("GET /api/catalogue/offers", PUBLIC);
        row("POST /api/catalogue/offers", SIGNED_IN);
        row("GET /api/catalogue/offers/mine", SIGNED_IN);
        row("GET /api/catalogue/offers/unconfirmed", "publisher");
        row("GET /api/catalogue/offers/{id}", PUBLIC);
        row("PUT /api/catalogue/offers/{id}", "publisher");
        row("POST /api/catalogue/offers/{id}/archive", "publisher");
        row("POST /api/catalogue/offers/{id}/confirm", "publisher");
        row("GET /api/catalogue/offers/{id}/history", "publisher");
        row("POST /api/catalogue/offers/{id}/publish", "publisher");
        row("POST /api/catalogue/offers/{id}/reject", "publisher");
        row("GET /api/catalogue/taxonomy", PUBLIC);

        row("GET /api/scoring/calls/{callId}", "organizer", "juror");
        row("POST /api/scoring/calls/{callId}/allocation", "organizer");
        row("GET /api/scoring/calls/{callId}/assignments", "organizer");
        row("POST /api/scoring/calls/{callId}/assignments", "organizer");
        row("GET /api/scoring/calls/{callId}/criteria", "organizer", "juror");
        row("PUT /api/scoring/calls/{callId}/criteria", "organizer");
        row("GET /api/scoring/calls/{callId}/decision", "organizer");
        row("PUT /api/scoring/calls/{callId}/decision", "organizer");
        row("GET /api/scoring/calls/{callId}/jurors", "organizer");
        row("PUT /api/scoring/calls/{callId}/jurors", "organizer");
        row("GET /api/scoring/calls/{callId}/ranking", SIGNED_IN);
        row("GET /api/scoring/calls/{callId}/results", SIGNED_IN);
        row("POST /api/scoring/calls/{callId}/results", "organizer");
        row("GET /api/scoring/cases", "organizer", "juror");
        row("GET /api/scoring/cases/{id}", "organizer", "juror");
        row("GET /api/scoring/cases/{id}/scores", "organizer", "juror");
        row("PUT /api/scoring/cases/{id}/scores", "juror");
        row("GET /api/scoring/changes", "organizer", "juror");
        row("GET /api/scoring/jurors/{username}/conflicts", "organizer");
        row("PUT /api/scoring/jurors/{username}/conflicts", "organizer");
    }

    private static void row(String operation, String... roles) {
        EXPECTED.put(operation, new TreeSet<>(List.of(roles)));
    }

    private final StackConfig config;
    private final Keycloak keycloak;
    private final ObjectMapper json = new ObjectMapper();

    SecurityMatrix(StackConfig config, Keycloak keycloak) {
        this.config = config;
        this.keycloak = keycloak;
    }

    /** METHOD path → roles declared in the document's security requirements (or PUBLIC / SIGNED_IN). */
    Map<String, Set<String>> documented(JsonNode document) {
        Map<String, Set<String>> out = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                JsonNode security = op.getValue().path("security");
                Set<String> roles = new TreeSet<>();
                if (!security.isArray() || security.isEmpty()) {
                    roles.add(PUBLIC);
                } else {
                    security.forEach(requirement -> requirement.fields()
                            .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                    if (roles.isEmpty()) {
                        roles.add(SIGNED_IN);
                    }
                }
                out.put(op.getKey().toUpperCase() + " " + path.getKey(), roles);
            }
        }
        return out;
    }

    /** The gateway's OpenAPI document. */
    JsonNode document() throws Exception {
        return json.readTree(given().baseUri(config.gatewayUrl()).accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    /** Calls every operation as every caller; returns the failures, empty when all are as expected. */
    List<String> run() {
        Map<String, String> tokens = new LinkedHashMap<>();
        CALLERS.forEach((role, user) -> tokens.put(role, "portal".equals(role) ? portalToken() : keycloak.token(user)));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Set<String>> row : EXPECTED.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String path = concrete(row.getKey().substring(row.getKey().indexOf(' ') + 1));
            Set<String> allowed = row.getValue();
            Response anonymous = call(given(), method, path);
            if (allowed.contains(PUBLIC)) {
                if (anonymous.statusCode() == 401 || anonymous.statusCode() == 403) {
                    failures.add(row.getKey() + " is public but answered anonymous callers " + anonymous.statusCode());
                }
                continue;
            }
            expect(failures, row.getKey() + " without a token", anonymous, 401);
            if (allowed.contains(SIGNED_IN)) {
                continue;
            }
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                if (!allowed.contains(caller.getKey())) {
                    Response r = call(given().auth().oauth2(caller.getValue()), method, path);
                    expect(failures, row.getKey() + " as " + caller.getKey(), r, 403);
                }
            }
        }
        return failures;
    }

    private void expect(List<String> failures, String what, Response r, int status) {
        if (r.statusCode() != status) {
            failures.add(what + ": " + r.statusCode() + " instead of " + status + " " + r.asString());
        } else if (!String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(what + ": " + status + " without problem+json but " + r.contentType());
        }
    }

    private Response call(RequestSpecification request, String method, String path) {
        RequestSpecification r = request.baseUri(config.gatewayUrl());
        if (method.equals("POST") || method.equals("PUT")) {
            r = r.contentType("application/json").body("{}");
        }
        return r.request(method, path);
    }

    /** A path of the template with made-up ids (the matrix is about who gets past the role checks). */
    static String concrete(String template) {
        return template.replace("{username}", "juror2").replace("{version}", "1")
                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
    }

    private String portalToken() {
        return keycloak.portalToken();
    }

    static void assertSameRows(Map<String, Set<String>> documented) {
        Set<String> missing = new TreeSet<>(documented.keySet());
        missing.removeAll(EXPECTED.keySet());
        Set<String> gone = new TreeSet<>(EXPECTED.keySet());
        gone.removeAll(documented.keySet());
        assertTrue(missing.isEmpty(), "operations without a row in the security matrix: " + missing);
        assertTrue(gone.isEmpty(), "rows for operations the document no longer has: " + gone);
        for (String op : EXPECTED.keySet()) {
            assertEquals(EXPECTED.get(op), documented.get(op), "roles of " + op);
        }
        assertNotEquals(0, EXPECTED.size());
    }
}
