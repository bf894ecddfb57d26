package de.handinhand.scoring.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.EventFixtures;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CaseAccessTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void onlyTheJuryReadsCasesAndAJurorOnlyAssignedOnes() {
        UUID call = UUID.randomUUID();
        connector.<String>source("submission-events").send(EventFixtures.submittedEvent(EventFixtures.submitted(
                UUID.randomUUID(), call, 1, EventFixtures.HEILBRONN, "Vertraulich", List.of())));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(TestTokens.organizer())
                .get("/api/scoring/cases?callId=" + call).then().extract().<Integer>path("total") == 1);
        String caseId = given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/cases?callId=" + call)
                .then().extract().path("items[0].id");

        // No assignment yet: the case does not exist for any juror.
        given().auth().oauth2(TestTokens.juror("juror1")).get("/api/scoring/cases?callId=" + call).then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.juror("juror1")).get("/api/scoring/cases/" + caseId).then()
                .statusCode(404).contentType("application/problem+json");

        for (String token : List.of(TestTokens.submitter("heilbronn", "08125"), TestTokens.publisher("re-office", "05562"),
                TestTokens.portal())) {
            given().auth().oauth2(token).get("/api/scoring/cases").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/scoring/cases/" + caseId).then().statusCode(403);
        }
        given().get("/api/scoring/cases").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void badQueryParametersAre400() {
        given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/cases?callId=nope").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("callId"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/cases?size=1000").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestTokens.organizer()).get("/api/scoring/cases/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
    }
}
