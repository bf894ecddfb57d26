package de.handinhand.common.web.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every operation's document names the refusals common-web gives it, whether or not its resource
 * method declares them, each as problem+json: a body's 400, 413, 415 and 422, a parameter's 400, a
 * path parameter's 404.
 */
@QuarkusTest
class ProblemResponsesTest {

    private static JsonPath openapi() {
        return new JsonPath(given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    @Test
    void anOperationWithABodyDescribesItsRefusals() {
        Map<String, Object> responses = openapi().getMap("paths.'/test/samples'.post.responses");
        assertThat(responses.keySet(), hasItems("400", "413", "415", "422"));
        assertThat(openapi().getString("paths.'/test/samples'.post.responses.'415'.content.'application/problem+json'.schema.$ref"),
                equalTo("#/components/schemas/Problem"));
    }

    @Test
    void optionalPropertiesMayBeNullRequiredOnesNot() {
        JsonPath doc = openapi();
        List<String> optional = doc.getList("components.schemas.SampleRequest.properties.costCents.type");
        assertThat(optional, hasItems("integer", "null"));
        assertThat(String.valueOf((Object) doc.get("components.schemas.SampleRequest.properties.title.type")),
                not(containsString("null")));
    }

    @Test
    void anOperationWithParametersDescribesTheirRefusals() {
        assertThat(openapi().getMap("paths.'/test/samples'.get.responses").keySet(), hasItems("200", "400"));
        assertThat(openapi().getMap("paths.'/test/samples/{id}'.get.responses").keySet(), hasItems("200", "400", "404"));
        // Nothing a GET cannot get: no body, no 413/415/422.
        assertThat(openapi().getMap("paths.'/test/samples/{id}'.get.responses").keySet(), not(hasItems("415")));
    }
}
