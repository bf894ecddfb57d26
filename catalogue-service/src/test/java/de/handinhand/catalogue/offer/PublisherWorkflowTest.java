package de.handinhand.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithPostgresAndOidc
class PublisherWorkflowTest {

    static final String DACHAU_OFFICE = TestTokens.publisher("dah-office", "09174");
    static final String RE_OFFICE = TestTokens.publisher("re-office", "05562");
    static final String SUBMITTER = TestTokens.submitter("dachau", "09174");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    EntityManager em;

    @Test
    void aPublisherCreatesEditsPublishesAndArchivesOffersOfTheOwnKreis() {
        Map<String, Object> offer = OfferFixtures.offer("09174", "Sprachcafé am Rathaus");
        String id = given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body(offer)
                .post("/api/catalogue/offers").then().statusCode(201)
                .header("Location", containsString("/api/catalogue/offers/"))
                .body("status", equalTo("PROPOSED"))
                .body("title.de", equalTo("Sprachcafé am Rathaus"))
                .body("locations[0].lat", equalTo(48.26f))
                .extract().path("id");
        given().get("/api/catalogue/offers/" + id).then().statusCode(404);

        given().auth().oauth2(DACHAU_OFFICE).post("/api/catalogue/offers/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("lastConfirmedAt", notNullValue());
        given().get("/api/catalogue/offers/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(DACHAU_OFFICE).post("/api/catalogue/offers/" + id + "/publish").then().statusCode(409);

        offer.put("schedule", "Do 10–12 Uhr");
        ((Map<String, String>) offer.get("title")).put("en", "Language café");
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body(offer).put("/api/catalogue/offers/" + id)
                .then().statusCode(200).body("schedule", equalTo("Do 10–12 Uhr"));

        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/" + id + "/history").then().statusCode(200)
                .body("items.action", contains("CREATED", "PUBLISHED", "UPDATED"))
                .body("items[2].fields", contains("title", "schedule"))
                .body("items[2].by", equalTo("dah-office"))
                .body("items[0].at", notNullValue());

        // The published offer was announced on catalogue-events.
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.sink("outbox").received().stream()
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .anyMatch(e -> e.type().equals(EventTypes.OFFER_PUBLISHED)
                        && e.data().path("offerId").asText().equals(id)));

        given().auth().oauth2(DACHAU_OFFICE).post("/api/catalogue/offers/" + id + "/archive").then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        given().get("/api/catalogue/offers/" + id).then().statusCode(404);
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=ARCHIVED&size=200").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void anyoneSignedInProposesAndThePublisherApprovesOrRejectsWithAReason() {
        String proposal = given().auth().oauth2(SUBMITTER).contentType(ContentType.JSON)
                .body(OfferFixtures.offer("09174", "Fahrradwerkstatt Karlsfeld")).post("/api/catalogue/offers")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
        // A publisher of another Kreis may propose too, never publish there.
        String foreign = given().auth().oauth2(RE_OFFICE).contentType(ContentType.JSON)
                .body(OfferFixtures.offer("09174", "Hausaufgabenhilfe")).post("/api/catalogue/offers")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
        given().auth().oauth2(RE_OFFICE).contentType(ContentType.JSON).body(OfferFixtures.offer("09174", "Jobbörse"))
                .queryParam("publish", "true").post("/api/catalogue/offers").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(SUBMITTER).contentType(ContentType.JSON).body(OfferFixtures.offer("09174", "Jobbörse"))
                .queryParam("publish", "true").post("/api/catalogue/offers").then().statusCode(403);

        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=200").then()
                .body("items.id", hasItems(proposal, foreign));
        given().auth().oauth2(DACHAU_OFFICE).post("/api/catalogue/offers/" + proposal + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body("{}")
                .post("/api/catalogue/offers/" + foreign + "/reject").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON)
                .body(Map.of("reason", "Gibt es bereits als Angebot der Stadtbibliothek"))
                .post("/api/catalogue/offers/" + foreign + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("reviewNote", equalTo("Gibt es bereits als Angebot der Stadtbibliothek"));
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/catalogue/offers/" + proposal + "/reject").then().statusCode(409);
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/" + foreign + "/history").then()
                .body("items.action", contains("PROPOSED", "REJECTED"))
                .body("items[0].by", equalTo("re-office"))
                .body("items[1].note", equalTo("Gibt es bereits als Angebot der Stadtbibliothek"));
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/" + proposal + "/history").then()
                .body("items.action", contains("PROPOSED", "APPROVED"));
    }

    @Test
    void forbiddenCallersAreRefused() {
        String id = OfferFixtures.published(DACHAU_OFFICE, OfferFixtures.offer("09174", "Kleiderkammer"));
        String proposal = given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON)
                .body(OfferFixtures.offer("09174", "Repair-Café")).post("/api/catalogue/offers")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> body = OfferFixtures.offer("09174", "Geändert");
        String base = "/api/catalogue/offers/";

        // Anonymous: 401 on every write.
        given().contentType(ContentType.JSON).body(body).post("/api/catalogue/offers").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).put(base + id).then().statusCode(401);
        for (String action : List.of("publish", "archive", "confirm")) {
            given().post(base + id + "/" + action).then().statusCode(401);
        }
        // A publisher of another Kreis: 403 on a visible offer, 404 on one it cannot see.
        given().auth().oauth2(RE_OFFICE).contentType(ContentType.JSON).body(body).put(base + id).then().statusCode(403);
        given().auth().oauth2(RE_OFFICE).post(base + id + "/archive").then().statusCode(403);
        given().auth().oauth2(RE_OFFICE).post(base + id + "/confirm").then().statusCode(403);
        given().auth().oauth2(RE_OFFICE).get(base + id + "/history").then().statusCode(403);
        given().auth().oauth2(RE_OFFICE).post(base + proposal + "/publish").then().statusCode(404);
        given().auth().oauth2(RE_OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "nein"))
                .post(base + proposal + "/reject").then().statusCode(404);
        // Other roles: 403.
        for (String token : List.of(SUBMITTER, TestTokens.juror("juror1"), TestTokens.organizer(), TestTokens.portal())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(base + id).then().statusCode(403);
            given().auth().oauth2(token).post(base + proposal + "/publish").then().statusCode(403);
            given().auth().oauth2(token).post(base + id + "/archive").then().statusCode(403);
            given().auth().oauth2(token).get("/api/catalogue/offers/unconfirmed").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "nein"))
                    .post(base + proposal + "/reject").then().statusCode(403);
            given().auth().oauth2(token).post(base + id + "/confirm").then().statusCode(403);
            given().auth().oauth2(token).get(base + id + "/history").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "nein")).post(base + proposal + "/reject").then()
                .statusCode(401);
        given().get(base + id + "/history").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/catalogue/offers/unconfirmed").then().statusCode(401);
        // Moving an offer to another Kreis is not an edit.
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body(OfferFixtures.offer("05562", "Umzug"))
                .put(base + id).then().statusCode(403);
        given().get(base + id).then().statusCode(200).body("title.de", equalTo("Kleiderkammer"));
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedAndNothingStored() {
        long before = given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=1")
                .then().extract().<Integer>path("total");
        Map<String, Object> bad = OfferFixtures.offer("09174", "x");
        bad.put("title", Map.of("en", "Only English"));
        bad.put("fields", List.of("SPRACHE", "ZAUBEREI"));
        bad.put("targetGroups", List.of("ALLE"));
        bad.put("languages", List.of("Deutsch"));
        bad.put("locations", List.of(Map.of("address", "Nordpol", "lat", 91.0, "lon", 11.4),
                Map.of("address", "Irgendwo", "lat", 48.2, "lon", -181.0)));
        bad.put("description", Map.of("de", "x".repeat(10_001)));
        bad.put("contacts", List.of(Map.of("name", "A", "email", "keine-adresse")));
        bad.put("kreisId", "9174");
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body(bad).post("/api/catalogue/offers")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("title.de", "fields[1]", "targetGroups[0]", "languages[0]",
                        "locations[0].lat", "locations[1].lon", "description.de", "contacts[0].email", "kreisId"));

        Map<String, Object> serverOwned = OfferFixtures.offer("09174", "Mit Status");
        serverOwned.put("status", "PUBLISHED");
        given().auth().oauth2(SUBMITTER).contentType(ContentType.JSON).body(serverOwned).post("/api/catalogue/offers")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        Map<String, Object> award = OfferFixtures.offer("09174", "Preisträger");
        award.put("awardWinner", true);
        given().auth().oauth2(SUBMITTER).contentType(ContentType.JSON).body(award).post("/api/catalogue/offers")
                .then().statusCode(400).body("errors[0].field", equalTo("awardWinner"));
        given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body("{\"title\": ")
                .post("/api/catalogue/offers").then().statusCode(400)
                .body("type", equalTo("urn:handinhand:problem:malformed-json"));

        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers?status=PROPOSED&size=1").then()
                .body("total", equalTo((int) before));
    }

    @Test
    void stillValidConfirmationsAndTheListOfOffersNobodyConfirmed() {
        String stale = OfferFixtures.published(DACHAU_OFFICE, OfferFixtures.offer("09174", "Patenprogramm"));
        String fresh = OfferFixtures.published(DACHAU_OFFICE, OfferFixtures.offer("09174", "Frauenschwimmen"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update offer set last_confirmed_at = now() - interval '13 months' where id = cast(?1 as uuid)")
                .setParameter(1, stale).executeUpdate());
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/unconfirmed").then().statusCode(200)
                .body("items.id", hasItem(stale)).body("items.id", not(hasItem(fresh)));
        given().auth().oauth2(RE_OFFICE).get("/api/catalogue/offers/unconfirmed").then().statusCode(200)
                .body("items.id", not(hasItem(stale)));
        given().auth().oauth2(DACHAU_OFFICE).post("/api/catalogue/offers/" + stale + "/confirm").then()
                .statusCode(200).body("lastConfirmedAt", notNullValue());
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/unconfirmed").then()
                .body("items.id", not(hasItem(stale)));
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/unconfirmed?months=0").then().statusCode(400)
                .body("errors[0].field", equalTo("months"));
        given().auth().oauth2(DACHAU_OFFICE).get("/api/catalogue/offers/" + stale + "/history").then()
                .body("items.action", hasItem("CONFIRMED"));
    }

    @Test
    void historyAndUnconfirmedOffersAreListsWithPaging() {
        Map<String, Object> offer = OfferFixtures.offer("09174", "Schachtreff");
        String id = OfferFixtures.published(DACHAU_OFFICE, offer);
        for (String schedule : List.of("Mo 18 Uhr", "Di 18 Uhr")) {
            offer.put("schedule", schedule);
            given().auth().oauth2(DACHAU_OFFICE).contentType(ContentType.JSON).body(offer)
                    .put("/api/catalogue/offers/" + id).then().statusCode(200);
        }
        String history = "/api/catalogue/offers/" + id + "/history";
        given().auth().oauth2(DACHAU_OFFICE).queryParam("size", 2).get(history).then().statusCode(200)
                .body("items.action", contains("CREATED", "PUBLISHED")).body("total", equalTo(4))
                .body("page", equalTo(0)).body("size", equalTo(2));
        given().auth().oauth2(DACHAU_OFFICE).queryParam("size", 2).queryParam("page", 1).get(history).then()
                .body("items.action", contains("UPDATED", "UPDATED")).body("page", equalTo(1));
        given().auth().oauth2(DACHAU_OFFICE).queryParam("page", 2).queryParam("size", 2).get(history).then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty()).body("total", equalTo(4));
        given().auth().oauth2(DACHAU_OFFICE).get(history).then().body("size", equalTo(20));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update offer set last_confirmed_at = now() - interval '25 months' where id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());
        given().auth().oauth2(DACHAU_OFFICE).queryParam("months", 24).queryParam("size", 200)
                .get("/api/catalogue/offers/unconfirmed").then().statusCode(200)
                .body("items.id", hasItem(id)).body("page", equalTo(0)).body("size", equalTo(200))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        for (String path : List.of(history, "/api/catalogue/offers/unconfirmed")) {
            for (Map.Entry<String, String> bad : List.of(Map.entry("size", "0"), Map.entry("size", "201"),
                    Map.entry("page", "-1"), Map.entry("page", "eins"))) {
                given().auth().oauth2(DACHAU_OFFICE).queryParam(bad.getKey(), bad.getValue()).get(path).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("errors[0].field", equalTo(bad.getKey()));
            }
        }
    }

    @Test
    void textsComeInTheLanguageAskedForWithGermanAsFallback() {
        Map<String, Object> offer = OfferFixtures.offer("09174", "Sprachkurs für Frauen");
        offer.put("title", Map.of("de", "Sprachkurs für Frauen", "ar", "دورة لغة للنساء"));
        String id = OfferFixtures.published(DACHAU_OFFICE, offer);
        given().queryParam("lang", "ar").get("/api/catalogue/offers/" + id).then()
                .body("displayLanguage", equalTo("ar")).body("displayTitle", equalTo("دورة لغة للنساء"))
                .body("title.de", equalTo("Sprachkurs für Frauen"));
        given().header("Accept-Language", "uk-UA,uk;q=0.9").get("/api/catalogue/offers/" + id).then()
                .body("displayLanguage", equalTo("de")).body("displayTitle", equalTo("Sprachkurs für Frauen"))
                .body("displayDescription", equalTo("Ein Angebot für Neuzugewanderte."));
        given().header("Accept-Language", "ar;q=0.8").get("/api/catalogue/offers/" + id).then()
                .body("displayLanguage", equalTo("ar"));
        // q-values decide, not the order; q=0 means "not this one"; ?lang= wins over the header.
        given().header("Accept-Language", "de;q=0.5, ar-SY;q=0.9").get("/api/catalogue/offers/" + id).then()
                .body("displayLanguage", equalTo("ar"));
        given().header("Accept-Language", "ar;q=0, en;q=0.3").get("/api/catalogue/offers/" + id).then()
                .body("displayLanguage", equalTo("de"));
        given().header("Accept-Language", "ar").queryParam("lang", "de").get("/api/catalogue/offers/" + id).then()
                .body("displayLanguage", equalTo("de"));
        given().header("Accept-Language", "de;q=0.2, ar;q=0.7").queryParam("kreis", "09174")
                .queryParam("q", "Sprachkurs Frauen").get("/api/catalogue/offers").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.displayTitle", equalTo("دورة لغة للنساء"));
        given().queryParam("lang", "arabisch").get("/api/catalogue/offers/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
        given().get("/api/catalogue/offers/" + id).then().body("reviewNote", nullValue());
    }
}
