package de.handinhand.deploy;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * An external portal's job (a Land's integration portal, client {@code external-portal} with its
 * client-credentials token, role {@code portal}): list calls, search the catalogue, sync it as
 * HSDS, read published results. It reads; every write is refused, and so is what only the people
 * taking part may read.
 */
@Journey
class PortalJourneyIT {

    final Gateway gateway;
    final Steps steps;
    Steps.PublishedCall results;
    String openCall;
    String word;
    String offer;

    PortalJourneyIT(Gateway gateway, Steps steps) {
        this.gateway = gateway;
        this.steps = steps;
    }

    @BeforeAll
    void aCompetitionEndsAndAKreisOfficePublishesAnOffer() {
        word = Steps.uniqueWord("Neckartreff");
        results = steps.publishedCompetition("Journey Portal " + word);
        openCall = steps.openCall("Journey Portal offen " + word);
        offer = gateway.as("hn-office").contentType(ContentType.JSON).queryParam("publish", true)
                .body(Steps.offer("08125", "Eppingen", "Sprachtreff " + word)).post("/api/catalogue/offers").then()
                .statusCode(201).body("status", equalTo("PUBLISHED")).extract().path("id");
    }

    @Test
    @Order(1)
    void getsATokenWithItsClientCredentials() {
        Map<String, Object> claims = Keycloak.claims(gateway.keycloak().portalToken());
        assertEquals(Keycloak.PORTAL_CLIENT, claims.get("azp"));
        assertTrue(((List<?>) ((Map<?, ?>) claims.get("realm_access")).get("roles")).contains("portal"), claims.toString());
        Object audience = claims.get("aud");
        assertTrue(audience instanceof List<?> list ? list.contains("handinhand-api") : "handinhand-api".equals(audience),
                "audience " + audience);
        assertFalse(claims.containsKey("municipality_id") || claims.containsKey("kreis_id"), claims.toString());
    }

    @Test
    @Order(2)
    void listsTheCallsAndReadsTheirForms() {
        JsonPath calls = gateway.asPortal().queryParam("size", 200).get("/api/calls").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(calls.getInt("total") <= 200, "more than one page of calls");
        Map<String, String> phases = new java.util.HashMap<>();
        calls.<Map<String, Object>>getList("items").forEach(c -> phases.put((String) c.get("id"), (String) c.get("phase")));
        assertEquals("CLOSED", phases.get(results.call()));
        assertEquals("OPEN", phases.get(openCall));
        gateway.asPortal().get("/api/calls/" + results.call()).then().statusCode(200)
                .body("title", equalTo(results.title())).body("kind", equalTo("COMPETITION"));
        gateway.asPortal().get("/api/calls/" + openCall + "/form").then().statusCode(200)
                .body("template", equalTo("ZUSAMMENLEBEN_HAND_IN_HAND")).body("sections.size()", greaterThan(0))
                .body("projectGroup.maxProjects", equalTo(5));
        gateway.asPortal().get("/api/municipalities/09174").then().statusCode(200)
                .body("name", equalTo("Landkreis Dachau"));
    }

    @Test
    @Order(3)
    void searchesTheCatalogue() {
        JsonPath found = gateway.asPortal().queryParam("q", word).get("/api/catalogue/offers").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(offer), found.getList("items.id"));
        assertEquals(1, found.getInt("facets.kreis.'08125'"));
        gateway.asPortal().queryParam("lang", "ar").get("/api/catalogue/offers/" + offer).then().statusCode(200)
                .body("displayLanguage", equalTo("ar")).body("languages", equalTo(List.of("de", "ar")));
        JsonPath taxonomy = gateway.asPortal().get("/api/catalogue/taxonomy").then().statusCode(200).extract().jsonPath();
        assertEquals("Sprache", taxonomy.getString("fields.find { it.code == 'SPRACHE' }.label.de"));
        assertTrue(taxonomy.getList("languages.code").contains("ar"));
    }

    @Test
    @Order(4)
    void syncsTheCatalogueAsHsds() {
        gateway.asPortal().get("/api/catalogue/hsds").then().statusCode(200);
        JsonPath services = gateway.asPortal().queryParam("search", word).get("/api/catalogue/hsds/services").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, services.getInt("total_items"));
        assertEquals(offer, services.getString("contents[0].id"));
        gateway.asPortal().get("/api/catalogue/hsds/services/" + offer).then().statusCode(200)
                .body("name", equalTo("Sprachtreff " + word)).body("status", equalTo("active"))
                .body("url", equalTo("https://www.freundeskreis-asyl.example/sprachtreff"));
        gateway.asPortal().queryParam("search", "Freundeskreis Asyl Eppingen").get("/api/catalogue/hsds/organizations")
                .then().statusCode(200).body("contents.name", hasItem("Freundeskreis Asyl Eppingen"));
    }

    @Test
    @Order(5)
    void readsThePublishedResults() {
        JsonPath published = gateway.asPortal().get("/api/scoring/calls/" + results.call() + "/results").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(results.call(), published.getString("callId"));
        Map<String, Object> winner = entry(published, results.winner());
        assertEquals(true, winner.get("winner"));
        assertEquals(1, winner.get("rank"));
        assertEquals("08125", winner.get("municipalityId"));
        Map<String, Object> runnerUp = entry(published, results.runnerUp());
        assertEquals(false, runnerUp.get("winner"));
        assertEquals(2, runnerUp.get("rank"));
        // What the results event carries, and nothing of the jurors' own totals or marks.
        assertEquals(Set.of("submissionId", "municipalityId", "municipalityName", "title", "rank", "normalized", "mean",
                "jurorCount", "winner", "grantCents", "prizes"), winner.keySet());
        // A competition: the winner holds the first prize (named by the ranking, no amount), no grant.
        assertEquals(null, winner.get("grantCents"));
        assertEquals(List.of(Map.of("name", "1. Preis", "special", false)), withoutNulls(winner.get("prizes")));
        assertEquals(List.of(), runnerUp.get("prizes"));

        JsonPath ranking = gateway.asPortal().get("/api/scoring/calls/" + results.call() + "/ranking").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(results.winner(), ranking.getString("categories.find { it.category == 'LANDKREIS' }.entries[0].submissionId"));
    }

    @Test
    @Order(6)
    void whatOnlyParticipantsReadIsRefused() {
        // Entries, the jury's work, unpublished results and the offices' lists are not a portal's.
        for (String path : List.of("/api/submissions", "/api/scoring/cases", "/api/scoring/changes",
                "/api/scoring/calls/" + results.call(), "/api/scoring/calls/" + openCall + "/ranking",
                "/api/catalogue/offers/unconfirmed", "/api/catalogue/offers?status=PROPOSED",
                "/api/submissions/" + results.winner() + "/attachments")) {
            gateway.asPortal().get(path).then().statusCode(403).contentType("application/problem+json");
        }
        // Results not yet published are not there for anyone but the organizers and the jury.
        gateway.asPortal().get("/api/scoring/calls/" + openCall + "/results").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Order(7)
    void everyWriteIsRefused() {
        // A complete, valid offer is refused, and nothing is stored.
        gateway.asPortal().contentType(ContentType.JSON).body(Steps.offer("08125", "Eppingen", "Portal " + word))
                .post("/api/catalogue/offers").then().statusCode(403).contentType("application/problem+json");
        assertFalse(steps.proposalQueue("hn-office").stream()
                .anyMatch(o -> ("Portal " + word).equals(((Map<?, ?>) o.get("title")).get("de"))));
        gateway.asPortal().get("/api/catalogue/offers/mine").then().statusCode(200).body("total", equalTo(0));

        // Every other write of the API, whatever the body.
        List<String> wrong = new ArrayList<>();
        for (String operation : SecurityMatrix.EXPECTED.keySet()) {
            String method = operation.substring(0, operation.indexOf(' '));
            if (method.equals("GET")) {
                continue;
            }
            String path = SecurityMatrix.concrete(operation.substring(operation.indexOf(' ') + 1));
            Response r = gateway.asPortal().contentType(ContentType.JSON).body("{}").request(method, path);
            if (r.statusCode() != 403 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
                wrong.add(operation + ": " + r.statusCode() + " " + r.asString());
            }
        }
        assertTrue(wrong.isEmpty(), "writes the portal got through or was not refused with 403:\n"
                + String.join("\n", wrong));
    }

    /** The prizes with their null fields (an amount not given) left out. */
    private static List<Map<?, ?>> withoutNulls(Object prizes) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object prize : (List<?>) prizes) {
            Map<Object, Object> kept = new java.util.LinkedHashMap<>();
            ((Map<?, ?>) prize).forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, v);
                }
            });
            out.add(kept);
        }
        return out;
    }

    private static Map<String, Object> entry(JsonPath published, String submission) {
        for (Map<String, Object> category : published.<Map<String, Object>>getList("categories")) {
            for (Object e : (List<?>) category.get("entries")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> entry = (Map<String, Object>) e;
                if (submission.equals(entry.get("submissionId"))) {
                    return entry;
                }
            }
        }
        throw new AssertionError("no entry " + submission + " in " + published.prettify());
    }
}
