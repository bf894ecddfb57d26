package de.handinhand.submission.legacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class LegacyImportTest {

    @Inject
    @Any
    InMemoryConnector connector;

    static String fixture(String name) throws IOException {
        try (InputStream in = LegacyImportTest.class.getResourceAsStream("/legacy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCompetitionExportBecomesASubmittedImportedEntry() throws IOException {
        String call = Fixtures.openCall("Import Wettbewerb");
        String text = fixture("wettbewerb-bad-sooden-allendorf.txt");
        String id = given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8").body(text)
                .queryParam("callId", call).post("/api/imports/legacy")
                .then().statusCode(201)
                .header("Location", containsString("/api/submissions/"))
                .body("municipalityId", equalTo("06636001"))
                .body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(1))
                .body("imported", equalTo(true))
                .body("title", equalTo("Ankommen in der Kurstadt"))
                .body("answers.A5", equalTo("Maria Beispiel"))
                .body("answers.A1", equalTo("Bad Sooden-Allendorf"))
                .body("answers.C23", contains("ERWACHSENE", "BEVOELKERUNG_VOR_ORT"))
                .body("projects[0].answers.D10", equalTo("Fahrradwerkstatt am Bahnhof"))
                .body("category", equalTo("GEMEINDE_KLEIN"))
                .body("unplaced", contains("Diese Zeile steht ohne Frage im Formular.",
                        "C 99 Sonderfrage der Stadt:\nEine Antwort auf eine Frage, die das Formular nicht kennt.",
                        "Konzept_Patenschaften.pdf"))
                .extract().path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.sink("outbox").received().stream()
                .filter(m -> m.getMetadata(OutgoingKafkaRecordMetadata.class).map(md -> id.equals(md.getKey())).orElse(false))
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .anyMatch(e -> e.data().get("imported").asBoolean() && e.data().at("/municipality/kreisId").asText()
                        .equals("06636")));
    }

    @Test
    void aValueOverTheFormsLimitIsKeptUnplacedInsteadOfFailingTheImport() throws IOException {
        String call = Fixtures.openCall("Import mit Überlänge");
        String longDescription = "Sehr ausführlich. ".repeat(400);
        // A pathological line (thousands of spaces before a colon) must neither hang the parser nor be lost.
        String oddLine = "C10 a" + " ".repeat(20_000) + "b";
        String text = fixture("wettbewerb-bad-sooden-allendorf.txt")
                .replace("  • Die Räder gehen an Familien ohne Auto.", "  • Die Räder gehen an Familien ohne Auto.\n"
                        + longDescription)
                .replace("Diese Zeile steht ohne Frage im Formular.", "Diese Zeile steht ohne Frage im Formular.\n\n"
                        + oddLine);
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8").body(text)
                .queryParam("callId", call).post("/api/imports/legacy")
                .then().statusCode(201)
                .body("projects[0].answers.D10", equalTo("Fahrradwerkstatt am Bahnhof"))
                .body("projects[0].answers.D15", nullValue())
                .body("unplaced.find { it.contains('Sehr ausführlich') }", allOf(
                        startsWith("D 15 Kurzbeschreibung des Projekts:"), containsString(longDescription.strip())))
                .body("unplaced", hasItem(containsString(oddLine.strip())));

        // The entry's own fields over their limits: kept unplaced, the title falls back.
        String longTitle = "Ankommen in der Kurstadt " + "und darüber hinaus ".repeat(20);
        String longSummary = "Kurz. ".repeat(1_000);
        String own = fixture("wettbewerb-bad-sooden-allendorf.txt")
                .replace("Ankommen in der Kurstadt", longTitle)
                .replace("Die Stadt begleitet Neuzugewanderte mit Patenschaften, einem Sprachcafé und einer "
                        + "Fahrradwerkstatt.", longSummary);
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8").body(own)
                .queryParam("callId", Fixtures.openCall("Import mit langem Titel")).post("/api/imports/legacy")
                .then().statusCode(201)
                .body("title", equalTo("Wettbewerbsbeitrag Bad Sooden-Allendorf"))
                .body("summary", nullValue())
                .body("unplaced", hasItem(longTitle.strip()))
                .body("unplaced", hasItem(containsString(longSummary.strip())));
    }

    @Test
    void aDialogueReportImportsWithNumbersAmountsAndDates() throws IOException {
        Instant now = Instant.now();
        Map<String, Object> body = Fixtures.call("Dialog-Import", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        body.put("kind", "DIALOG_REPORT");
        body.put("formTemplate", "FLUECHTLINGSDIALOG");
        String call = given().auth().oauth2(TestTokens.organizer()).contentType(ContentType.JSON).body(body)
                .post("/api/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8")
                .body(fixture("fluechtlingsdialog-bad-sooden-allendorf.txt"))
                .queryParam("callId", call).post("/api/imports/legacy")
                .then().statusCode(201)
                .body("answers.F61", equalTo(180))
                .body("answers.F90", equalTo(416_000))
                .body("answers.F21", equalTo("2017-02-18"))
                .body("answers.F50", contains("WOHNEN", "BILDUNG", "BESCHAEFTIGUNG", "SPRACHE"))
                .body("answers.F51", equalTo("Mobilität im ländlichen Raum\nHeimatkunde"))
                .body("unplaced.size()", equalTo(0));
    }

    @Test
    void aTextWithoutContactBlockNeedsTheMunicipalityGiven() throws IOException {
        String call = Fixtures.openCall("Import ohne Kontakt");
        String text = fixture("wettbewerb-bad-sooden-allendorf.txt").replaceAll("(?s)^.*?Beschreibung des Wettbewerbsbeitrags",
                "Beschreibung des Wettbewerbsbeitrags");
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain").body(text).queryParam("callId", call)
                .post("/api/imports/legacy").then().statusCode(422)
                .body("errors[0].field", equalTo("municipalityId"));
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain").body(text).queryParam("callId", call)
                .queryParam("municipalityId", "09174").post("/api/imports/legacy").then().statusCode(201)
                .body("municipalityId", equalTo("09174"))
                .body("answers.A5", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain").body(text).queryParam("callId", call)
                .queryParam("municipalityId", "09174").post("/api/imports/legacy").then().statusCode(409);
    }

    @Test
    void badImportsAreRefusedAndStoreNothing() throws IOException {
        String call = Fixtures.openCall("Import-Fehler");
        String text = fixture("wettbewerb-bad-sooden-allendorf.txt");
        String organizer = TestTokens.organizer();
        given().auth().oauth2(organizer).contentType("text/plain").body(text).post("/api/imports/legacy")
                .then().statusCode(422).body("errors[0].field", equalTo("callId"));
        given().auth().oauth2(organizer).contentType("text/plain").body(text).queryParam("callId", "kein-uuid")
                .post("/api/imports/legacy").then().statusCode(400).body("errors[0].field", equalTo("callId"));
        given().auth().oauth2(organizer).contentType("text/plain").body(text).queryParam("callId", call)
                .queryParam("municipalityId", "Dachau").post("/api/imports/legacy").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("municipalityId"));
        given().auth().oauth2(organizer).contentType("text/plain").body("  \n ").queryParam("callId", call)
                .post("/api/imports/legacy").then().statusCode(422).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(organizer).contentType("text/plain").body(fixture("fluechtlingsdialog-bad-sooden-allendorf.txt"))
                .queryParam("callId", call).post("/api/imports/legacy").then().statusCode(422)
                .body("errors[0].message", containsString("FLUECHTLINGSDIALOG"));
        given().auth().oauth2(organizer).contentType("text/plain").body(text).queryParam("callId", call)
                .queryParam("municipalityId", "09174").post("/api/imports/legacy").then().statusCode(422)
                .body("errors[0].message", containsString("Bad Sooden-Allendorf"));
        given().auth().oauth2(organizer).contentType("text/plain")
                .body(text.replace("Bad Sooden-Allendorf", "Hintertupfingen")).queryParam("callId", call)
                .post("/api/imports/legacy").then().statusCode(422)
                .body("errors[0].message", startsWith("'Hintertupfingen' is not in the registry"));
        given().auth().oauth2(organizer).contentType("text/plain").body(text.replace("Diese Zeile", "Diese\u0000Zeile"))
                .queryParam("callId", call).post("/api/imports/legacy").then().statusCode(422)
                .body("errors[0].field", equalTo("body")).body("errors[0].message", containsString("U+0000"));
        given().auth().oauth2(organizer).contentType(ContentType.JSON).body("{}").queryParam("callId", call)
                .post("/api/imports/legacy").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(organizer).get("/api/submissions?callId=" + call).then().body("total", equalTo(0));
    }

    @Test
    void onlyOrganizersImport() throws IOException {
        String call = Fixtures.openCall("Import-Rollen");
        String text = fixture("wettbewerb-bad-sooden-allendorf.txt");
        given().contentType("text/plain").body(text).queryParam("callId", call).post("/api/imports/legacy")
                .then().statusCode(401);
        for (String token : List.of(TestTokens.submitter("dachau", "09174"), TestTokens.publisher("dah-office", "09174"),
                TestTokens.juror("juror1"), TestTokens.portal())) {
            given().auth().oauth2(token).contentType("text/plain").body(text).queryParam("callId", call)
                    .post("/api/imports/legacy").then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void theRecklinghausenSeedImportsThroughTheApi() throws IOException {
        Path seed = Path.of("").toAbsolutePath().getParent().resolve("../shared/seeds/recklinghausen-kreis.txt")
                .normalize();
        Assumptions.assumeTrue(Files.exists(seed), "../shared/seeds is absent: seed import through the API skipped");
        String call = Fixtures.openCall("Import Recklinghausen");
        given().auth().oauth2(TestTokens.organizer()).contentType("text/plain; charset=UTF-8")
                .body(Files.readString(seed, StandardCharsets.UTF_8)).queryParam("callId", call)
                .post("/api/imports/legacy").then().statusCode(201)
                .body("municipalityId", equalTo("05562"))
                .body("title", equalTo("Kreisweite Handlungsstrategie für Neuzugewanderte im Kreis Recklinghausen"))
                .body("projects.answers.D10", contains(
                        "kreisweite Fortbildugnsreihen für Ehren- und Hauptamtliche in der Flüchtlingshilfe",
                        "Integrations durch Sport - Integrationsstrukturen im Sport aufzeigen und vernetzen"))
                .body("answers.C37a", startsWith("Sprachförderprogramme, Programm \"Sport und Spracherwerb\""))
                .body("unplaced.size()", equalTo(0));
    }
}
