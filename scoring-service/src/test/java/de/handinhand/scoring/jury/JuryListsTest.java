package de.handinhand.scoring.jury;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.score;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The organizer's lists of a call's jurors and assignments: {items, total, page, size}, paged. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class JuryListsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void jurorsAndAssignmentsAreListedInPagesWithLoadsAndProgress() {
        JuryFixtures fx = new JuryFixtures(connector);
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef leaving = JuryFixtures.municipality("TH");
        UUID e1 = fx.submit(call, JuryFixtures.municipality("TH"));
        UUID e2 = fx.submit(call, JuryFixtures.municipality("TH"));
        UUID e3 = fx.submit(call, leaving);
        fx.awaitCases(call, 3);
        fx.awaitPhase(call, "JURY");
        String prefix = "jl" + UUID.randomUUID().toString().substring(0, 6);
        String a = prefix + "-a";
        String b = prefix + "-b";
        String c = prefix + "-c";
        fx.jurors(call, c, a, b);
        for (UUID e : List.of(e1, e2, e3)) {
            fx.assign(call, a, e);
        }
        fx.assign(call, b, e1);
        score(a, fx.caseId(call, e1), JuryAccessTest.FULL).statusCode(200);

        JsonPath first = page("/api/scoring/calls/" + call + "/jurors?size=2");
        assertEquals(3, first.getInt("total"));
        assertEquals(0, first.getInt("page"));
        assertEquals(2, first.getInt("size"));
        assertEquals(List.of(Map.of("username", a, "assignments", 3, "finalSheets", 1),
                Map.of("username", b, "assignments", 1, "finalSheets", 0)), first.getList("items"));
        JsonPath second = page("/api/scoring/calls/" + call + "/jurors?size=2&page=1");
        assertEquals(List.of(Map.of("username", c, "assignments", 0, "finalSheets", 0)), second.getList("items"));

        JsonPath pairs = page("/api/scoring/calls/" + call + "/assignments");
        assertEquals(4, pairs.getInt("total"));
        assertEquals(20, pairs.getInt("size"));
        assertEquals(List.of(a, a, a, b), pairs.getList("items.juror"));
        assertEquals(List.of("MANUAL"), pairs.getList("items.mode").stream().distinct().toList());
        JsonPath ofA = page("/api/scoring/calls/" + call + "/assignments?juror=" + a + "&size=2");
        assertEquals(3, ofA.getInt("total"));
        assertEquals(2, ofA.getList("items").size());
        List<String> aEntries = new ArrayList<>(ofA.getList("items.submissionId", String.class));
        aEntries.addAll(page("/api/scoring/calls/" + call + "/assignments?juror=" + a + "&size=2&page=1")
                .getList("items.submissionId", String.class));
        assertEquals(List.of(e1, e2, e3).stream().map(UUID::toString).sorted().toList(),
                aEntries.stream().sorted().toList());
        JsonPath ofE1 = page("/api/scoring/calls/" + call + "/assignments?submissionId=" + e1);
        assertEquals(List.of(a, b), ofE1.getList("items.juror"));
        assertEquals(List.of(fx.caseId(call, e1), fx.caseId(call, e1)), ofE1.getList("items.caseId"));

        // A withdrawn entry's pairs stay listed, marked; it no longer counts as load.
        fx.withdraw(call, e3, leaving);
        await().atMost(Duration.ofSeconds(15)).until(() -> "WITHDRAWN".equals(page("/api/scoring/calls/" + call
                + "/assignments?submissionId=" + e3).getString("items[0].status")));
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/jurors").then().statusCode(200)
                .body("items.find { it.username == '" + a + "' }.assignments", equalTo(2));
    }

    private static JsonPath page(String path) {
        return given().auth().oauth2(organizer()).get(path).then().statusCode(200).extract().jsonPath();
    }
}
