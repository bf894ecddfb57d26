package de.handinhand.catalogue.hsds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.catalogue.hsds.service.HsdsMapper;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HSDS 3.0 export: what it contains, paging, search, incremental sync, bad parameters, and
 * every record valid against the Open Referral schemas in ../shared/hsds (read from there, never
 * copied; those checks are skipped with a message when the folder is absent). Its offers use the
 * made-up Kreis 03201 and the word "Zwiebelturm", so other tests' offers stay out of the counts.
 */
@QuarkusTest
@WithPostgresAndOidc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsdsExportTest {

    static final Path SCHEMAS = Path.of("").toAbsolutePath().getParent().resolve("../shared/hsds/v3.0/schema")
            .normalize();
    static final String KREIS = "03201";
    static final String OFFICE = TestTokens.publisher("hsds-office", KREIS);
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> ids = new HashMap<>();
    Instant beforeLast;

    @BeforeEach
    void offers() {
        if (!ids.isEmpty()) {
            return;
        }
        Map<String, Object> full = offer("Zwiebelturm-Sprachkurse", "Zwiebelturm Bildungswerk");
        full.put("title", new HashMap<>(Map.of("de", "Zwiebelturm-Sprachkurse", "en", "Onion tower language courses")));
        full.put("languages", new ArrayList<>(List.of("de", "ar", "uk")));
        full.put("fields", new ArrayList<>(List.of("SPRACHE", "BILDUNG")));
        full.put("free", false);
        full.put("costCents", 2550);
        full.put("validFrom", "2026-01-01");
        full.put("validUntil", "2099-12-31");
        full.put("accessibility", "Aufzug vorhanden");
        full.put("website", "https://www.zwiebelturm-bildungswerk.example/sprachkurse?stufe=A1");
        full.put("links", new ArrayList<>(List.of(Map.of("label", "Flyer", "url", "https://www.example.org/f.pdf"))));
        full.put("locations", new ArrayList<>(List.of(
                Map.of("address", "Marktplatz 3, 85221 Dachau", "municipality", "Dachau", "lat", 48.26, "lon", 11.43),
                Map.of("address", "Rathaus Karlsfeld", "lat", 48.22, "lon", 11.47))));
        full.put("contacts", new ArrayList<>(List.of(
                Map.of("name", "Anna Muster", "role", "Koordination", "email", "anna@example.org", "phone", "08131 12345"),
                Map.of("name", "Büro", "phone", "08131 99999"))));
        ids.put("full", published(full));
        ids.put("second", published(offer("Zwiebelturm-Frauencafé", "Zwiebelturm Bildungswerk")));
        ids.put("minimal", published(offer("Zwiebelturm-Fahrradwerkstatt", "Repair-Verein Zwiebelturm")));
        Map<String, Object> proposed = offer("Zwiebelturm-Entwurf", "Unveröffentlichter Träger Zwiebelturm");
        ids.put("proposed", given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(proposed)
                .post("/api/catalogue/offers").then().statusCode(201).extract().path("id"));
        // The last one is written after this instant.
        beforeLast = Instant.now();
        ids.put("latest", published(offer("Zwiebelturm-Jobbörse", "Jobcenter Zwiebelturm")));
    }

    @Test
    void servicesCarryTheOfferAndNothingUnpublished() {
        JsonPath page = services(Map.of("search", "zwiebelturm", "per_page", "50"));
        assertEquals(4, page.getInt("total_items"));
        assertEquals(4, page.getInt("size"));
        assertEquals(1, page.getInt("page_number"));
        assertEquals(1, page.getInt("total_pages"));
        assertTrue(page.getBoolean("first_page"));
        assertTrue(page.getBoolean("last_page"));
        assertFalse(page.getBoolean("empty"));
        List<String> found = page.getList("contents.id");
        assertFalse(found.contains(ids.get("proposed")), "a proposed offer is not exported");

        JsonPath s = given().get("/api/catalogue/hsds/services/" + ids.get("full")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("Zwiebelturm-Sprachkurse", s.getString("name"));
        assertEquals("Onion tower language courses", s.getString("alternate_name"));
        assertEquals("active", s.getString("status"));
        assertEquals("anna@example.org", s.getString("email"));
        assertEquals("https://www.zwiebelturm-bildungswerk.example/sprachkurse?stufe=A1", s.getString("url"));
        assertEquals(List.of("de", "ar", "uk"), s.getList("languages.code"));
        assertEquals("Arabisch", s.getString("languages[1].name"));
        assertEquals(25.5f, s.getFloat("cost_options[0].amount"));
        assertEquals("EUR", s.getString("cost_options[0].currency"));
        assertEquals("2099-12-31", s.getString("schedules[0].valid_to"));
        assertEquals("Mi 15–17 Uhr", s.getString("schedules[0].description"));
        assertEquals(2, s.getList("service_at_locations").size());
        // A postcode makes an address; the Bundesland comes from the Kreis key (03 = Niedersachsen).
        assertEquals("85221", s.getString("service_at_locations[0].location.addresses[0].postal_code"));
        assertEquals("Marktplatz 3", s.getString("service_at_locations[0].location.addresses[0].address_1"));
        assertEquals("Niedersachsen", s.getString("service_at_locations[0].location.addresses[0].state_province"));
        assertEquals(48.26f, s.getFloat("service_at_locations[0].location.latitude"));
        assertNull(s.get("service_at_locations[1].location.addresses"), "no postcode, no address");
        assertEquals("Rathaus Karlsfeld", s.getString("service_at_locations[1].location.description"));
        assertEquals("Aufzug vorhanden", s.getString("service_at_locations[0].location.accessibility[0].description"));
        assertEquals("08131 99999", s.getString("contacts[1].phones[0].number"));
        assertTrue(s.getList("attributes.value").containsAll(List.of("SPRACHE", "BILDUNG", "ERWACHSENE")));
        assertEquals(s.getString("organization_id"),
                HsdsMapper.organizationId("Zwiebelturm Bildungswerk").toString());

        // Stable ids: the same offer exports the same nested ids every time.
        JsonPath again = given().get("/api/catalogue/hsds/services/" + ids.get("full")).then().extract().jsonPath();
        assertEquals(s.getList("service_at_locations.location.id"), again.getList("service_at_locations.location.id"));
        assertEquals(s.getList("attributes.id"), again.getList("attributes.id"));

        given().get("/api/catalogue/hsds/services/" + ids.get("proposed")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void searchStemsAndFoldsLikeTheOfferSearch() {
        // "Sprachkurs" finds "Sprachkurse", "Jobboerse" finds "Jobbörse".
        assertEquals(List.of(ids.get("full")), services(Map.of("search", "Zwiebelturm Sprachkurs")).getList("contents.id"));
        assertEquals(List.of(ids.get("latest")), services(Map.of("search", "zwiebelturm jobboerse")).getList("contents.id"));
    }

    @Test
    void pagesAreStableAndComplete() {
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonPath p = services(Map.of("search", "zwiebelturm", "per_page", "2", "page", String.valueOf(page)));
            assertEquals(4, p.getInt("total_items"));
            assertEquals(2, p.getInt("total_pages"));
            assertEquals(page == 1, p.getBoolean("first_page"));
            assertEquals(page >= 2, p.getBoolean("last_page"));
            assertEquals(page > 2, p.getBoolean("empty"));
            seen.addAll(p.getList("contents.id"));
        }
        assertEquals(4, seen.size());
        assertEquals(4, Set.copyOf(seen).size(), "every service exactly once");
    }

    @Test
    void modifiedAfterGivesOnlyLaterChanges() {
        JsonPath p = services(Map.of("search", "zwiebelturm", "modified_after", beforeLast.toString()));
        assertEquals(List.of(ids.get("latest")), p.getList("contents.id"));
        assertEquals(0, services(Map.of("search", "zwiebelturm", "modified_after", "2999-01-01")).getInt("total_items"));
        assertEquals(4, services(Map.of("search", "zwiebelturm", "modified_after", "2020-01-01")).getInt("total_items"));
    }

    @Test
    void organizationsAreTheProvidersOfPublishedOffers() {
        JsonPath p = given().queryParam("search", "zwiebelturm").get("/api/catalogue/hsds/organizations")
                .then().statusCode(200).extract().jsonPath();
        // Providers of the four published offers; the proposed offer's provider is not there.
        assertEquals(List.of("Jobcenter Zwiebelturm", "Repair-Verein Zwiebelturm", "Zwiebelturm Bildungswerk"),
                p.getList("contents.name"));
        assertEquals(3, p.getInt("total_items"));
        String id = HsdsMapper.organizationId("Zwiebelturm Bildungswerk").toString();
        given().get("/api/catalogue/hsds/organizations/" + id).then().statusCode(200)
                .body("name", equalTo("Zwiebelturm Bildungswerk"))
                .body("description", containsString("2 veröffentlichten Integrationsangeboten"));
        given().get("/api/catalogue/hsds/organizations/" + HsdsMapper.organizationId("Unveröffentlichter Träger Zwiebelturm"))
                .then().statusCode(404);
        assertEquals(List.of("Jobcenter Zwiebelturm"), given().queryParam("search", "zwiebelturm")
                .queryParam("modified_after", beforeLast.toString()).get("/api/catalogue/hsds/organizations")
                .then().statusCode(200).extract().jsonPath().getList("contents.name"));
    }

    @Test
    void badParametersAreNamed() {
        bad("/api/catalogue/hsds/services", "per_page", "201");
        bad("/api/catalogue/hsds/services", "per_page", "0");
        bad("/api/catalogue/hsds/services", "page", "0");
        bad("/api/catalogue/hsds/services", "page", "two");
        bad("/api/catalogue/hsds/services", "modified_after", "yesterday");
        bad("/api/catalogue/hsds/organizations", "modified_after", "10000-01-01T00:00:00Z");
        bad("/api/catalogue/hsds/organizations", "search", "x".repeat(201));
        given().get("/api/catalogue/hsds/services/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/catalogue/hsds/organizations/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void everyRecordIsValidHsds() throws Exception {
        assumeTrue(Files.isDirectory(SCHEMAS), "../shared/hsds/v3.0/schema is absent (" + SCHEMAS
                + "): validation against the HSDS schemas skipped");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        JsonSchema service = factory.getSchema(SchemaLocation.of(SCHEMAS.resolve("service.json").toUri().toString()), config);
        JsonSchema organization = factory.getSchema(
                SchemaLocation.of(SCHEMAS.resolve("organization.json").toUri().toString()), config);
        JsonNode pageSchema = JSON.readTree(SCHEMAS.resolve("openapi.json").toFile())
                .at("/components/schemas/Page");
        assertFalse(pageSchema.isMissingNode(), "openapi.json defines the Page wrapper");
        JsonSchema page = factory.getSchema(pageSchema, config);

        JsonNode services = JSON.readTree(given().queryParam("per_page", "200").get("/api/catalogue/hsds/services")
                .then().statusCode(200).extract().asString());
        assertValid(page, services, "service page");
        assertTrue(services.get("contents").size() >= 4);
        for (JsonNode s : services.get("contents")) {
            assertValid(service, s, "service " + s.get("id"));
        }
        JsonNode one = JSON.readTree(given().get("/api/catalogue/hsds/services/" + ids.get("full")).then()
                .statusCode(200).extract().asString());
        assertValid(service, one, "the fully filled service");
        JsonNode organizations = JSON.readTree(given().queryParam("per_page", "200")
                .get("/api/catalogue/hsds/organizations").then().statusCode(200).extract().asString());
        assertValid(page, organizations, "organization page");
        for (JsonNode o : organizations.get("contents")) {
            assertValid(organization, o, "organization " + o.get("name"));
        }
        // The validator does reject what breaks the schema: a service without its required status, a url that is none.
        JsonNode notAUrl = one.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) notAUrl).put("url", "https://exa mple.org/?");
        assertFalse(service.validate(notAUrl).isEmpty(), "a url with a space is invalid");
        JsonNode broken = one.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken).remove("status");
        assertFalse(service.validate(broken).isEmpty(), "a service without status is invalid");
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), what + " is not valid HSDS: " + errors);
    }

    private static void bad(String path, String parameter, String value) {
        given().queryParam(parameter, value).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
    }

    private static JsonPath services(Map<String, String> parameters) {
        return given().queryParams(parameters).get("/api/catalogue/hsds/services").then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> offer(String title, String provider) {
        Map<String, Object> o = new HashMap<>();
        o.put("title", new HashMap<>(Map.of("de", title)));
        o.put("description", new HashMap<>(Map.of("de", "Ein Angebot für Neuzugewanderte.")));
        o.put("provider", provider);
        o.put("kreisId", KREIS);
        o.put("municipality", "Dachau");
        o.put("fields", new ArrayList<>(List.of("SPRACHE")));
        o.put("targetGroups", new ArrayList<>(List.of("ERWACHSENE")));
        o.put("languages", new ArrayList<>(List.of("de")));
        o.put("free", true);
        o.put("schedule", "Mi 15–17 Uhr");
        return o;
    }

    private static String published(Map<String, Object> offer) {
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(offer).queryParam("publish", "true")
                .post("/api/catalogue/offers").then().statusCode(201).extract().path("id");
    }
}
