package de.handinhand.common.web.validation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The constraints on a request record and on parameters reach the published OpenAPI document, so a
 * client reads there what the service enforces: maxLength, pattern, bounds, required, enums.
 */
@QuarkusTest
class OpenApiConstraintsTest {

    @Test
    void bodyConstraintsAreInTheSchema() {
        JsonPath doc = openapi();
        String request = "components.schemas.SampleRequest";
        assertThat(doc.getInt(request + ".properties.title.maxLength"), 300);
        assertThat(doc.getString(request + ".properties.kreisId.pattern"), Rules.KREIS_KEY);
        assertThat(doc.getString(request + ".properties.languages.items.pattern"), Rules.LANGUAGE);
        assertThat(doc.getInt(request + ".properties.languages.maxItems"), 3);
        assertThat(doc.getInt(request + ".properties.answers.additionalProperties.maxLength"), 10);
        assertThat(doc.getInt(request + ".properties.costCents.minimum"), 0);
        assertThat(doc.getLong(request + ".properties.costCents.maximum"), Rules.CENTS_MAX);
        List<String> required = doc.getList(request + ".required");
        org.hamcrest.MatcherAssert.assertThat(required, hasItems("title", "kreisId"));
        List<String> kinds = doc.getList(request + ".properties.kind.enum");
        if (kinds == null) {
            kinds = doc.getList("components.schemas.Kind.enum");
        }
        org.hamcrest.MatcherAssert.assertThat(kinds, hasItems("COMPETITION", "FUNDING"));
        String location = "components.schemas.Location";
        assertThat(doc.getInt(location + ".properties.lat.minimum"), -90);
        assertThat(doc.getInt(location + ".properties.lat.maximum"), 90);
        assertThat(doc.getInt(location + ".properties.lon.maximum"), 180);
        assertThat(doc.getInt(location + ".properties.address.maxLength"), Rules.NAME_MAX);
    }

    @Test
    void parameterConstraintsAndTypesAreInTheOperation() {
        JsonPath doc = openapi();
        List<Map<String, Object>> parameters = doc.getList("paths.'/test/samples'.get.parameters");
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        parameters.forEach(p -> byName.put((String) p.get("name"), p));
        Map<?, ?> size = (Map<?, ?>) byName.get("size").get("schema");
        assertThat(((Number) size.get("minimum")).intValue(), 1);
        assertThat(((Number) size.get("maximum")).intValue(), 200);
        // a number, not the string "20": an integer schema with a string default is invalid OpenAPI
        assertThat(size.get("default") instanceof Number, true);
        assertThat(((Number) size.get("default")).intValue(), 20);
        Map<?, ?> page = (Map<?, ?>) byName.get("page").get("schema");
        assertThat(((Number) page.get("minimum")).intValue(), 0);
        assertThat(page.get("default") instanceof Number, true);
        Map<?, ?> lang = (Map<?, ?>) byName.get("lang").get("schema");
        assertThat(lang.get("pattern"), Rules.LANGUAGE);
        assertThat(resolve(doc, byName.get("callId")).get("format"), "uuid");
        Map<?, ?> near = resolve(doc, byName.get("near"));
        assertThat(near.get("type"), "string");
        assertThat(String.valueOf(near.get("pattern")).contains("[0-9]{1,3}"), true);
        @SuppressWarnings("unchecked") List<String> sorts = (List<String>) resolve(doc, byName.get("sort")).get("enum");
        org.hamcrest.MatcherAssert.assertThat(sorts,
                hasItems("RELEVANCE", "DISTANCE"));
    }

    /** A parameter's schema, following a reference into components (SmallRye shares UUID, enums, records). */
    private static Map<?, ?> resolve(JsonPath doc, Map<String, Object> parameter) {
        Map<?, ?> schema = (Map<?, ?>) parameter.get("schema");
        Object ref = schema.get("$ref");
        return ref == null ? schema
                : doc.getMap("components.schemas." + ref.toString().substring("#/components/schemas/".length()));
    }

    private static JsonPath openapi() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static void assertThat(Object actual, Object expected) {
        org.hamcrest.MatcherAssert.assertThat(actual, equalTo(expected));
    }
}
