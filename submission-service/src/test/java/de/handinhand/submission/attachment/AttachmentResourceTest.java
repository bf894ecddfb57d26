package de.handinhand.submission.attachment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.submission.Fixtures;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Attachments under the test limits: 64 KiB per file, 160 KiB per entry. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AttachmentResourceTest {

    static final String DACHAU = TestTokens.submitter("dachau", "09174");
    static final String HEILBRONN = TestTokens.submitter("heilbronn", "08125");

    @Inject
    @Any
    InMemoryConnector connector;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    static byte[] file(byte[] magic, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    static byte[] pdf(int size) {
        return file("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), size);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aPdfIsStoredWithItsChecksumAndStreamedBack() throws Exception {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Anlagen"), "Mit Konzept");
        byte[] content = pdf(50_000);
        Response stored = given().auth().oauth2(DACHAU).contentType("text/plain")
                .header("Content-Disposition", "attachment; filename*=UTF-8''Konzept%20%C3%9Cbersicht.pdf")
                .body(content).post("/api/submissions/" + id + "/attachments");
        stored.then().statusCode(201)
                .body("contentType", equalTo("application/pdf"))
                .body("filename", equalTo("Konzept Übersicht.pdf"))
                .body("sizeBytes", equalTo(content.length))
                .body("sha256", equalTo(sha256(content)));
        String attachment = stored.path("id");
        assertEquals(true, stored.header("Location").endsWith("/api/submissions/" + id + "/attachments/" + attachment));

        Response download = given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments/" + attachment);
        download.then().statusCode(200)
                .contentType("application/pdf")
                .header("ETag", "\"" + sha256(content) + "\"")
                .header("Content-Disposition", containsString("filename*=UTF-8''Konzept%20%C3%9Cbersicht.pdf"))
                .header("X-Content-Type-Options", "nosniff");
        assertArrayEquals(content, download.asByteArray());

        given().auth().oauth2(TestTokens.organizer()).get("/api/submissions/" + id + "/attachments/" + attachment)
                .then().statusCode(200);
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(attachment));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id).then()
                .body("attachments[0].sha256", equalTo(sha256(content)));
    }

    @Test
    void theTypeComesFromTheBytes() {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Typen"), "Bilder");
        byte[] png = file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 2_000);
        byte[] jpeg = file(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 3_000);
        given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", "foto.png").body(png)
                .post("/api/submissions/" + id + "/attachments").then().statusCode(201)
                .body("contentType", equalTo("image/png"));
        given().auth().oauth2(DACHAU).contentType("image/png").queryParam("filename", "../../etc/bild.jpg").body(jpeg)
                .post("/api/submissions/" + id + "/attachments").then().statusCode(201)
                .body("contentType", equalTo("image/jpeg"))
                .body("filename", equalTo("bild.jpg"));
        byte[] executable = file(new byte[] {'M', 'Z', (byte) 0x90, 0}, 4_000);
        given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", "konzept.pdf")
                .body(executable).post("/api/submissions/" + id + "/attachments").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(DACHAU).contentType("application/pdf").body(new byte[0])
                .post("/api/submissions/" + id + "/attachments").then().statusCode(422)
                .body("errors[0].field", equalTo("body"));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments").then().body("total", equalTo(2));
    }

    @Test
    void limitsPerFileAndPerEntryRollEverythingBack() {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Grenzen"), "Große Dateien");
        given().auth().oauth2(DACHAU).contentType("application/pdf").body(pdf(64 * 1024 + 1))
                .post("/api/submissions/" + id + "/attachments").then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString(String.valueOf(64 * 1024)));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments").then().body("total", equalTo(0));

        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(DACHAU).contentType("application/pdf").body(pdf(60_000))
                    .post("/api/submissions/" + id + "/attachments").then().statusCode(201);
        }
        given().auth().oauth2(DACHAU).contentType("application/pdf").body(pdf(60_000))
                .post("/api/submissions/" + id + "/attachments").then().statusCode(413)
                .body("detail", containsString("together"));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments").then().body("total", equalTo(2));
    }

    @Test
    void onlyTheOwnMunicipalityAndOrganizersReachAttachments() {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Zugriff"), "Vertraulich");
        String attachment = given().auth().oauth2(DACHAU).contentType("application/pdf").body(pdf(1_000))
                .post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");
        String path = "/api/submissions/" + id + "/attachments";
        given().auth().oauth2(HEILBRONN).get(path).then().statusCode(404);
        given().auth().oauth2(HEILBRONN).get(path + "/" + attachment).then().statusCode(404);
        given().auth().oauth2(HEILBRONN).contentType("application/pdf").body(pdf(1_000)).post(path).then().statusCode(404);
        given().auth().oauth2(HEILBRONN).delete(path + "/" + attachment).then().statusCode(404);
        for (String token : List.of(TestTokens.publisher("dah-office", "09174"), TestTokens.portal())) {
            given().auth().oauth2(token).get(path + "/" + attachment).then().statusCode(403);
            given().auth().oauth2(token).get(path).then().statusCode(403);
        }
        // A juror reads only entries the jury assigned to them (JurorAccessTest); this one does not exist for them.
        given().auth().oauth2(TestTokens.juror("juror1")).get(path + "/" + attachment).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.juror("juror1")).get(path).then().statusCode(404);
        given().auth().oauth2(TestTokens.organizer()).contentType("application/pdf").body(pdf(1_000)).post(path)
                .then().statusCode(403);
        given().get(path + "/" + attachment).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.organizer()).get(path).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aSubmittedEntryCarriesItsAttachmentsAndTheyAreFrozen() throws Exception {
        String call = Fixtures.openCall("Eingereicht mit Anlagen");
        String id = Fixtures.draft(DACHAU, call, "Mit Anlage");
        byte[] content = pdf(20_000);
        String first = given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", "a.pdf")
                .body(content).post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", "b.pdf")
                .body(pdf(1_000)).post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DACHAU).delete("/api/submissions/" + id + "/attachments/" + second).then().statusCode(204);
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments/" + second).then().statusCode(404);
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("attachments.id", hasItem(first));

        given().auth().oauth2(DACHAU).contentType("application/pdf").body(pdf(1_000))
                .post("/api/submissions/" + id + "/attachments").then().statusCode(409);
        given().auth().oauth2(DACHAU).delete("/api/submissions/" + id + "/attachments/" + first).then().statusCode(409);

        String hash = sha256(content);
        await().atMost(Duration.ofSeconds(10)).until(() -> connector.sink("outbox").received().stream()
                .filter(m -> m.getMetadata(OutgoingKafkaRecordMetadata.class).map(md -> id.equals(md.getKey())).orElse(false))
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .anyMatch(e -> e.data().path("attachments").size() == 1
                        && hash.equals(e.data().path("attachments").get(0).path("sha256").asText())));
    }

    @Test
    void aFileRemovedAfterReopeningStaysWithTheVersionThatListsIt() throws Exception {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Wiedereröffnet"), "Mit alter Anlage");
        byte[] content = pdf(5_000);
        String frozen = given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", "v1.pdf")
                .body(content).post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(DACHAU).post("/api/submissions/" + id + "/reopen").then().statusCode(200);
        String fresh = given().auth().oauth2(DACHAU).contentType("application/pdf").queryParam("filename", "v2.pdf")
                .body(pdf(2_000)).post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");

        given().auth().oauth2(DACHAU).delete("/api/submissions/" + id + "/attachments/" + frozen).then().statusCode(204);
        given().auth().oauth2(DACHAU).delete("/api/submissions/" + id + "/attachments/" + fresh).then().statusCode(204);
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments").then().body("total", equalTo(0));
        // Version 1 still lists the first file, and it still downloads; the never-submitted one is gone.
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/versions/1").then().statusCode(200)
                .body(containsString(frozen));
        byte[] back = given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments/" + frozen)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(content, back);
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id + "/attachments/" + fresh).then().statusCode(404);
        given().auth().oauth2(DACHAU).delete("/api/submissions/" + id + "/attachments/" + frozen).then().statusCode(404);
    }

    @Test
    void aBrokenEncodedFilenameFallsBackInsteadOfFailing() {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Dateinamen"), "Kaputter Name");
        given().auth().oauth2(DACHAU).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"konzept.pdf\"; filename*=UTF-8''%E0%A4%A")
                .body(pdf(1_000)).post("/api/submissions/" + id + "/attachments").then().statusCode(201)
                .body("filename", equalTo("konzept.pdf"));
        given().auth().oauth2(DACHAU).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%zz")
                .body(pdf(1_000)).post("/api/submissions/" + id + "/attachments").then().statusCode(201)
                .body("filename", equalTo("anlage-2.pdf"));
    }

    @Test
    void aSlowUploadHoldsNoLockOnTheEntry() throws Exception {
        String id = Fixtures.draft(DACHAU, Fixtures.openCall("Langsam"), "Langsamer Upload");
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        byte[] head = pdf(8_000);
        java.io.InputStream slow = new java.io.InputStream() {
            int position;

            @Override
            public int read() throws java.io.IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                if (position == head.length / 2) {
                    started.countDown();
                    try {
                        if (!release.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                            throw new java.io.IOException("never released");
                        }
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                if (position >= head.length) {
                    return -1;
                }
                int n = Math.min(len, (position < head.length / 2 ? head.length / 2 : head.length) - position);
                System.arraycopy(head, position, b, off, n);
                position += n;
                return n;
            }
        };
        // java.net.http streams the body as it is read (chunked), as a slow client would send it.
        java.util.concurrent.CompletableFuture<Integer> upload = java.net.http.HttpClient.newHttpClient().sendAsync(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/api/submissions/" + id + "/attachments"))
                        .header("Authorization", "Bearer " + DACHAU).header("Content-Type", "application/pdf")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> slow)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).thenApply(java.net.http.HttpResponse::statusCode);
        try {
            assertEquals(true, started.await(20, java.util.concurrent.TimeUnit.SECONDS));
            // While the upload is half received, the entry can still be edited: nothing holds its row.
            java.util.Map<String, Object> changed = Fixtures.entry(Fixtures.callOf(DACHAU, id), "Geändert während Upload");
            java.util.concurrent.CompletableFuture<Integer> edit = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    given().auth().oauth2(DACHAU).contentType("application/json").body(changed)
                            .put("/api/submissions/" + id).statusCode());
            assertEquals(200, edit.get(15, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(false, upload.isDone());
        } finally {
            release.countDown();
        }
        assertEquals(201, upload.get(30, java.util.concurrent.TimeUnit.SECONDS));
        given().auth().oauth2(DACHAU).get("/api/submissions/" + id).then()
                .body("title", equalTo("Geändert während Upload"))
                .body("attachments[0].sizeBytes", equalTo(head.length));
    }
}
