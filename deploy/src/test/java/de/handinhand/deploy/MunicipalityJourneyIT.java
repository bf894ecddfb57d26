package de.handinhand.deploy;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.testing.EntryFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A municipality's job (the Landkreis Dachau, user {@code dachau}): draft an entry, attach a PDF,
 * submit, reopen, submit again, read every version. Each step checks what the municipality gets
 * back and what reaches the jury; then everyone who must not reach the entry is refused.
 */
@Journey
class MunicipalityJourneyIT {

    static final String ME = "dachau";
    static final String FILENAME = "Konzept Sprachcafé.pdf";

    final Gateway gateway;
    final Steps steps;
    String call;
    String entry;
    String title;
    String attachment;
    byte[] pdf;

    MunicipalityJourneyIT(Gateway gateway, Steps steps) {
        this.gateway = gateway;
        this.steps = steps;
    }

    @BeforeAll
    void anOrganizerOpensACall() {
        call = steps.openCall("Journey Kommune " + Steps.uniqueWord(""));
        title = "Dachau: Sprachcafé im Landratsamt";
    }

    @Test
    @Order(1)
    void startsADraftForItsOwnMunicipality() {
        Response created = gateway.as(ME).contentType(ContentType.JSON)
                .body(Steps.entry(call, title, "Sprachcafé Dachau")).post("/api/submissions");
        created.then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("version", equalTo(0))
                .body("municipalityId", equalTo("09174")).body("category", equalTo("LANDKREIS"))
                .body("title", equalTo(title))
                .body("answers.A1", equalTo("Landkreis Dachau"))
                .body("answers.C23", contains("ERWACHSENE", "NEUZUGEWANDERTE"))
                .body("projects[0].answers.D10", equalTo("Sprachcafé Dachau"));
        entry = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/submissions/" + entry), created.header("Location"));

        JsonPath own = gateway.as(ME).queryParam("callId", call).get("/api/submissions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, own.getInt("total"));
        assertEquals(List.of(entry), own.getList("items.id"));
        assertEquals("DRAFT", own.getString("items[0].status"));
    }

    @Test
    @Order(2)
    void savesItsChanges() {
        Map<String, Object> body = new HashMap<>(Steps.entry(call, title, "Sprachcafé Dachau"));
        body.put("summary", "Ein offenes Sprachcafé im Landratsamt, jeden Mittwoch.");
        gateway.as(ME).contentType(ContentType.JSON).body(body).put("/api/submissions/" + entry).then()
                .statusCode(200).body("summary", equalTo("Ein offenes Sprachcafé im Landratsamt, jeden Mittwoch."));
        gateway.as(ME).get("/api/submissions/" + entry).then().statusCode(200)
                .body("summary", equalTo("Ein offenes Sprachcafé im Landratsamt, jeden Mittwoch."))
                .body("status", equalTo("DRAFT"));
    }

    @Test
    @Order(3)
    void attachesAPdf() {
        pdf = Steps.pdf("Konzept des Sprachcafés, Landkreis Dachau, " + Instant.now());
        Response uploaded = gateway.as(ME).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''Konzept%20Sprachcaf%C3%A9.pdf")
                .body(pdf).post("/api/submissions/" + entry + "/attachments");
        uploaded.then().statusCode(201)
                .body("filename", equalTo(FILENAME)).body("contentType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(pdf.length)).body("sha256", equalTo(Steps.sha256(pdf)));
        attachment = uploaded.path("id");

        gateway.as(ME).get("/api/submissions/" + entry + "/attachments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(attachment))
                .body("items[0].filename", equalTo(FILENAME));
        Response download = gateway.as(ME).get("/api/submissions/" + entry + "/attachments/" + attachment);
        download.then().statusCode(200).contentType("application/pdf")
                .header("ETag", "\"" + Steps.sha256(pdf) + "\"");
        assertArrayEquals(pdf, download.asByteArray());

        // Only PDF, PNG and JPEG, recognised from the bytes: a text file named .pdf is refused and not stored.
        gateway.as(ME).contentType("application/pdf").queryParam("filename", "Notizen.pdf")
                .body("Nur Notizen, kein PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/submissions/" + entry + "/attachments").then().statusCode(415)
                .contentType("application/problem+json");
        gateway.as(ME).get("/api/submissions/" + entry + "/attachments").then().body("total", equalTo(1));
    }

    @Test
    @Order(4)
    void submitsAndTheJuryAndTheKreisOfficeReceiveIt() {
        gateway.as(ME).post("/api/submissions/" + entry + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1))
                .body("submittedAt", notNullValue()).body("attachments[0].id", equalTo(attachment));
        gateway.as(ME).queryParam("callId", call).get("/api/submissions").then().statusCode(200)
                .body("items[0].status", equalTo("SUBMITTED")).body("items[0].version", equalTo(1));

        Map<String, Object> jury = steps.awaitCase(call, entry, 1);
        assertEquals(title, jury.get("title"));
        assertEquals("09174", jury.get("municipalityId"));
        assertEquals("LANDKREIS", jury.get("category"));
        assertEquals("ACTIVE", jury.get("status"));

        Map<String, Object> proposal = steps.awaitDerivedProposal("dah-office", entry);
        assertEquals("Sprachcafé Dachau", ((Map<?, ?>) proposal.get("title")).get("de"));
        assertEquals("PROPOSED", proposal.get("status"));
    }

    @Test
    @Order(5)
    void reopensAndSubmitsASecondVersion() {
        gateway.as(ME).post("/api/submissions/" + entry + "/reopen").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("version", equalTo(1));

        // The form's check names every question still missing; the entry stays a draft.
        Map<String, Object> incomplete = new HashMap<>(Steps.entry(call, title, "Sprachcafé Dachau"));
        Map<String, Object> answers = new HashMap<>(EntryFixtures.answers());
        answers.remove("C10");
        incomplete.put("answers", answers);
        gateway.as(ME).contentType(ContentType.JSON).body(incomplete).put("/api/submissions/" + entry).then()
                .statusCode(200);
        gateway.as(ME).post("/api/submissions/" + entry + "/submit").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("answers.C10"));
        gateway.as(ME).get("/api/submissions/" + entry).then().body("status", equalTo("DRAFT"));

        title = "Dachau: Sprachcafé und Lernpatenschaften";
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.entry(call, title, "Sprachcafé Dachau"))
                .put("/api/submissions/" + entry).then().statusCode(200);
        gateway.as(ME).post("/api/submissions/" + entry + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(2));

        Map<String, Object> jury = steps.awaitCase(call, entry, 2);
        assertEquals(title, jury.get("title"));
    }

    @Test
    @Order(6)
    void readsEverySubmittedVersion() {
        JsonPath versions = gateway.as(ME).get("/api/submissions/" + entry + "/versions").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), versions.getList("items.version"));
        assertEquals(List.of(ME, ME), versions.getList("items.submittedBy"));
        assertEquals(java.util.Arrays.asList(null, null), versions.getList("items.correctedBy"));

        gateway.as(ME).get("/api/submissions/" + entry + "/versions/1").then().statusCode(200)
                .body("version", equalTo(1)).body("snapshot.title", equalTo("Dachau: Sprachcafé im Landratsamt"))
                .body("snapshot.summary", equalTo("Ein offenes Sprachcafé im Landratsamt, jeden Mittwoch."))
                .body("snapshot.attachments[0].sha256", equalTo(Steps.sha256(pdf)));
        gateway.as(ME).get("/api/submissions/" + entry + "/versions/2").then().statusCode(200)
                .body("version", equalTo(2)).body("snapshot.title", equalTo(title))
                .body("snapshot.attachments[0].filename", equalTo(FILENAME));
    }

    @Test
    @Order(7)
    void nobodyElseReachesTheEntry() {
        String path = "/api/submissions/" + entry;
        gateway.anonymous().get(path).then().statusCode(401).contentType("application/problem+json");
        gateway.anonymous().contentType(ContentType.JSON).body(Steps.entry(call, "Ohne Anmeldung", "x"))
                .post("/api/submissions").then().statusCode(401).contentType("application/problem+json");

        // Another municipality: the entry does not exist for it, whatever it tries.
        for (String other : List.of("recklinghausen", "heilbronn")) {
            gateway.as(other).get(path).then().statusCode(404).contentType("application/problem+json");
            gateway.as(other).contentType(ContentType.JSON).body(Steps.entry(call, "Gekapert", "x")).put(path)
                    .then().statusCode(404);
            gateway.as(other).post(path + "/reopen").then().statusCode(404);
            gateway.as(other).post(path + "/withdraw").then().statusCode(404);
            gateway.as(other).get(path + "/versions").then().statusCode(404);
            gateway.as(other).get(path + "/attachments").then().statusCode(404);
            gateway.as(other).get(path + "/attachments/" + attachment).then().statusCode(404);
        }
        // A juror no one assigned to it: no attachments (404, as if there were no entry), no entry (403).
        gateway.as("juror1").get(path + "/attachments").then().statusCode(404).contentType("application/problem+json");
        gateway.as("juror1").get(path + "/attachments/" + attachment).then().statusCode(404);
        gateway.as("juror1").get(path).then().statusCode(403).contentType("application/problem+json");
        gateway.as("dah-office").get(path).then().statusCode(403);

        // The municipality itself: one entry per call, and a submitted entry's files are frozen.
        gateway.as(ME).contentType(ContentType.JSON).body(Steps.entry(call, "Zweiter Beitrag", "x"))
                .post("/api/submissions").then().statusCode(409).contentType("application/problem+json");
        gateway.as(ME).contentType("application/pdf").queryParam("filename", "Nachtrag.pdf").body(Steps.pdf("Nachtrag"))
                .post(path + "/attachments").then().statusCode(409);
        gateway.as(ME).delete(path + "/attachments/" + attachment).then().statusCode(409);

        // After the deadline it can no longer reopen, and no new entry is accepted.
        Instant now = Instant.now();
        steps.moveDates(call, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)));
        gateway.as(ME).post(path + "/reopen").then().statusCode(409).contentType("application/problem+json");
        gateway.as("heilbronn").contentType(ContentType.JSON).body(Steps.entry(call, "Zu spät", "x"))
                .post("/api/submissions").then().statusCode(409);
        gateway.as(ME).get(path).then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("version", equalTo(2)).body("withdrawnAt", nullValue());
    }
}
