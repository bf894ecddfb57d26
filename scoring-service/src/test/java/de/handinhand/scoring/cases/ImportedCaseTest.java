package de.handinhand.scoring.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the jury needs of an imported entry: that it was imported, and the text the parser could not place. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ImportedCaseTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void theAssignedJurorReadsTheUnplacedLinesWithTheCase() {
        JuryFixtures fx = new JuryFixtures(connector);
        UUID call = fx.call(Phase.JURY);
        List<String> unplaced = List.of("C31 Wie viele Ehrenamtliche? ca. 40 (geschätzt)",
                "Anlage: Pressespiegel 2016, 3 Seiten", "   eingerückt, Umlaute äöüß und € bleiben");
        UUID imported = fx.submitImported(call, JuryFixtures.municipality("BW"), unplaced);
        UUID typed = fx.submit(call, JuryFixtures.municipality("BW"));
        fx.awaitCases(call, 2);
        String juror = JuryFixtures.newJuror("im");
        fx.jurors(call, juror);
        fx.assign(call, juror, imported);
        fx.assign(call, juror, typed);
        String importedCase = fx.caseId(call, imported);
        String typedCase = fx.caseId(call, typed);

        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + importedCase).then().statusCode(200)
                .body("imported", equalTo(true)).body("unplaced", equalTo(unplaced));
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases/" + typedCase).then().statusCode(200)
                .body("imported", equalTo(false)).body("unplaced", equalTo(List.of()));
        given().auth().oauth2(TestTokens.juror(juror)).get("/api/scoring/cases?callId=" + call).then().statusCode(200)
                .body("items.find { it.submissionId == '" + imported + "' }.imported", equalTo(true))
                .body("items.find { it.submissionId == '" + typed + "' }.imported", equalTo(false));
        given().auth().oauth2(JuryFixtures.organizer()).get("/api/scoring/cases/" + importedCase).then().statusCode(200)
                .body("unplaced", equalTo(unplaced));
        // Another juror learns nothing of it.
        given().auth().oauth2(TestTokens.juror(JuryFixtures.newJuror("im-other"))).get("/api/scoring/cases/" + importedCase)
                .then().statusCode(404).contentType("application/problem+json");
    }
}
