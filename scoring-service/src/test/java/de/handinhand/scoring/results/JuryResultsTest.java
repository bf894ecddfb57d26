package de.handinhand.scoring.results;

import static de.handinhand.scoring.JuryFixtures.kreisOrganizer;
import static de.handinhand.scoring.JuryFixtures.organizer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Competition results the jury decides: named winners with prize money and special prizes instead of
 * the top of the ranking, and corrections published again with a reason, each a new revision.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class JuryResultsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    /** Three entries of one category ranked a, b, c; prize money 40.000 €. */
    private List<UUID> competition(UUID call, String kreisId) {
        return fx.rankedCall(call, "COMPETITION", 4_000_000L, kreisId, List.of(JuryFixtures.municipality("BW"),
                JuryFixtures.municipality("BY"), JuryFixtures.municipality("NW")), null);
    }

    private static ValidatableResponse publish(String token, UUID call, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/scoring/calls/" + call + "/results").then();
    }

    private static Map<String, Object> prize(UUID entry, String name, Long cents) {
        return cents == null ? Map.of("submissionId", entry.toString(), "prize", name)
                : Map.of("submissionId", entry.toString(), "prize", name, "prizeCents", cents);
    }

    @Test
    void theOrganizerPublishesTheJurysWinnersAndThenACorrection() {
        UUID call = UUID.randomUUID();
        List<UUID> ids = competition(call, null);
        UUID a = ids.get(0);
        UUID b = ids.get(1);
        UUID c = ids.get(2);
        // The jury gives the first prize to b (second by the formula), and a special prize to c.
        publish(organizer(), call, Map.of(
                "winners", List.of(prize(b, "1. Preis", 3_000_000L), prize(a, "2. Preis", 500_000L)),
                "specialPrizes", List.of(prize(c, "Sonderpreis Ehrenamt", 500_000L)))).statusCode(200)
                .body("revision", equalTo(1)).body("correction", equalTo(false)).body("correctionReason", nullValue())
                .body("categories[0].entries.submissionId", equalTo(List.of(a.toString(), b.toString(), c.toString())))
                .body("categories[0].entries.winner", equalTo(List.of(true, true, false)))
                .body("categories[0].entries[1].prizes[0].name", equalTo("1. Preis"))
                .body("categories[0].entries[1].prizes[0].cents", equalTo(3_000_000))
                .body("categories[0].entries[1].prizes[0].special", equalTo(false))
                .body("categories[0].entries[2].prizes[0].name", equalTo("Sonderpreis Ehrenamt"))
                .body("categories[0].entries[2].prizes[0].special", equalTo(true))
                .body("categories[0].entries[0].grantCents", nullValue());
        JsonNode first = awaitResults(call, 1).data();
        JsonNode eb = first.path("categories").get(0).path("entries").get(1);
        assertEquals(b.toString(), eb.path("submissionId").asText());
        assertEquals(3_000_000L, eb.path("prizes").get(0).path("cents").asLong());
        assertEquals(true, eb.path("winner").asBoolean());

        // Published once: again only as a correction, with a reason.
        publish(organizer(), call, Map.of("winners", List.of(prize(a, "1. Preis", 3_000_000L)))).statusCode(409)
                .contentType("application/problem+json");
        publish(organizer(), call, Map.of("correction", true)).statusCode(422)
                .body("errors.field", equalTo(List.of("reason")));
        // The correction: the first prize goes to a after all; c keeps its special prize.
        publish(organizer(), call, Map.of("correction", true, "reason", "Übertragungsfehler im Juryprotokoll",
                "winners", List.of(prize(a, "1. Preis", 3_000_000L), prize(b, "2. Preis", 500_000L)),
                "specialPrizes", List.of(prize(c, "Sonderpreis Ehrenamt", 500_000L)))).statusCode(200)
                .body("revision", equalTo(2)).body("correction", equalTo(true))
                .body("correctionReason", equalTo("Übertragungsfehler im Juryprotokoll"))
                .body("categories[0].entries[0].prizes[0].name", equalTo("1. Preis"));
        JsonNode second = awaitResults(call, 2).data();
        assertEquals(true, second.path("correction").asBoolean());
        assertEquals("1. Preis", second.path("categories").get(0).path("entries").get(0).path("prizes").get(0)
                .path("name").asText());
        // Everyone signed in reads the latest revision.
        given().auth().oauth2(TestTokens.portal()).get("/api/scoring/calls/" + call + "/results").then().statusCode(200)
                .body("revision", equalTo(2)).body("categories[0].entries[0].prizes[0].cents", equalTo(3_000_000));
        // And a further correction counts on.
        publish(organizer(), call, Map.of("correction", true, "reason", "Sonderpreis ohne Preisgeld",
                "specialPrizes", List.of(prize(c, "Sonderpreis Ehrenamt", null)))).statusCode(200)
                .body("revision", equalTo(3)).body("categories[0].entries[0].prizes[0].name", equalTo("1. Preis"))
                .body("categories[0].entries[2].prizes[0].cents", nullValue());
    }

    @Test
    void withoutNamedWinnersTheTopOfTheRankingWins() {
        UUID call = UUID.randomUUID();
        List<UUID> ids = competition(call, null);
        publish(organizer(), call, Map.of("winnersPerCategory", 2)).statusCode(200)
                .body("categories[0].entries.winner", equalTo(List.of(true, true, false)))
                .body("categories[0].entries[0].prizes[0].name", equalTo("1. Preis"))
                .body("categories[0].entries[1].prizes[0].name", equalTo("2. Preis"))
                .body("categories[0].entries[0].prizes[0].cents", nullValue())
                .body("categories[0].entries[2].prizes", equalTo(List.of()))
                .body("categories[0].entries[0].submissionId", equalTo(ids.get(0).toString()));
    }

    @Test
    void namedWinnersMustBeActiveEntriesWithinThePrizeMoney() {
        UUID call = UUID.randomUUID();
        List<UUID> ids = competition(call, null);
        UUID a = ids.get(0);
        publish(organizer(), call, Map.of("winners", List.of(prize(a, "1. Preis", 3_000_000L),
                prize(UUID.randomUUID(), "2. Preis", 100L), prize(a, "3. Preis", null)))).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("winners[1].submissionId", "winners[2].submissionId")));
        publish(organizer(), call, Map.of("winners", List.of(prize(a, "1. Preis", 3_000_000L)),
                "specialPrizes", List.of(prize(ids.get(1), "Sonderpreis", 1_500_000L)))).statusCode(422)
                .body("errors.field", equalTo(List.of("winners")));
        publish(organizer(), call, Map.of("winners", List.of(Map.of("submissionId", a.toString(), "prize", " ",
                "prizeCents", -5)))).statusCode(422)
                .body("errors.field", equalTo(List.of("winners[0].prize", "winners[0].prizeCents")));
        publish(organizer(), call, Map.of("winners", List.of(), "winnersPerCategory", 1)).statusCode(422)
                .body("errors.field", equalTo(List.of("winnersPerCategory")));
        publish(organizer(), call, Map.of("reason", "ohne Korrektur")).statusCode(422)
                .body("errors.field", equalTo(List.of("reason")));
        // A correction before anything is published is refused; nothing was published by the refusals.
        publish(organizer(), call, Map.of("correction", true, "reason", "zu früh")).statusCode(409);
        given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/results").then().statusCode(404);
        // An empty list names no winner: only the special prize is awarded.
        publish(organizer(), call, Map.of("winners", List.of(), "specialPrizes",
                List.of(prize(ids.get(2), "Sonderpreis Jugend", 200_000L)))).statusCode(200)
                .body("categories[0].entries.winner", equalTo(List.of(false, false, false)))
                .body("categories[0].entries[2].prizes[0].special", equalTo(true));
    }

    @Test
    void aKreisOrganizerPublishesOnlyTheKreissResultsAndJurorsNone() {
        UUID call = UUID.randomUUID();
        List<UUID> ids = competition(call, "08125");
        publish(kreisOrganizer("lb-orga", "08118"), call, Map.of()).statusCode(403);
        publish(TestTokens.juror("juror-x"), call, Map.of()).statusCode(403);
        publish(TestTokens.submitter("eppingen", "08125030"), call, Map.of()).statusCode(403);
        publish(kreisOrganizer("hn-orga", "08125"), call, Map.of("winners",
                List.of(prize(ids.get(0), "1. Preis", 1_000_000L)))).statusCode(200)
                .body("categories[0].entries[0].winner", equalTo(true));
        publish(kreisOrganizer("lb-orga", "08118"), call, Map.of("correction", true, "reason", "fremd")).statusCode(403);
    }

    private CloudEvent awaitResults(UUID call, int revision) {
        await().atMost(Duration.ofSeconds(10)).until(() -> results(call, revision) != null);
        return results(call, revision);
    }

    private CloudEvent results(UUID call, int revision) {
        return connector.sink("outbox").received().stream()
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .filter(e -> e.type().equals(EventTypes.RESULTS_PUBLISHED) && e.subject().equals(call.toString())
                        && e.data().path("revision").asInt() == revision)
                .findFirst().orElse(null);
    }
}
