package de.handinhand.submission.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * The relay's wellness check is part of the service (common-messaging's OutboxRelayHealth, a bean
 * only where the relay is switched on): an operator finds it at {@code /q/health/well}. When it
 * turns DOWN is OutboxRelayHealthTest's; that it does during a broker hang, the fault suite's S2.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OutboxRelayWellnessTest {

    @Test
    void theRelaysCheckIsUpWhileItsRoundsGetThrough() {
        given().get("/q/health/well")
                .then().statusCode(200)
                .body("checks.findAll { it.name == 'outbox relay' }.status", hasItem("UP"));
    }
}
