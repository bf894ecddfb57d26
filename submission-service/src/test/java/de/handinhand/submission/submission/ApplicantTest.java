package de.handinhand.submission.submission;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Applicants (role applicant: local initiatives and associations, claims municipality_id and
 * organisation) enter a Kreis's project-funding call like a municipality, but as their
 * organisation: one entry per organisation and call, only from within the Kreis, and each sees only
 * its organisation's entries.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ApplicantTest {

    static final String HN_ORGA = TestTokens.kreisOrganizer("hn-orga", "08125");
    static final String AK_EPPINGEN = TestTokens.applicant("ak-eppingen", "08125030", "Asylarbeitskreis Eppingen");
    /** A second member of the same organisation: the same entries. */
    static final String AK_EPPINGEN_2 = TestTokens.applicant("ak-eppingen-2", "08125030", "Asylarbeitskreis Eppingen");
    static final String SPORT_EPPINGEN = TestTokens.applicant("tsv", "08125030", "TSV Eppingen");
    /** The same name in another Gemeinde is another organisation. */
    static final String AK_HEILBRONN = TestTokens.applicant("ak-hn", "08125", "Asylarbeitskreis Eppingen");
    static final String AK_RECKLINGHAUSEN = TestTokens.applicant("ak-re", "05562", "Flüchtlingshilfe Recklinghausen");
    static final String EPPINGEN = TestTokens.submitter("eppingen", "08125030");
    static final String HEILBRONN = TestTokens.submitter("heilbronn", "08125");
    static final String DACHAU = TestTokens.submitter("dachau", "09174");

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void anApplicantDraftsEditsAttachesSubmitsReopensAndWithdrawsAsItsOrganisation() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Gemeinsam in Vielfalt – Antrag");
        String id = given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON)
                .body(Fixtures.application(call, "Kochen verbindet", "2026-02-01", "2027-01-31"))
                .post("/api/submissions").then().statusCode(201)
                .body("organisation", equalTo("Asylarbeitskreis Eppingen"))
                .body("municipalityId", equalTo("08125030"))
                .body("municipalityName", equalTo("Eppingen"))
                .body("formTemplate", equalTo("PROJEKTFOERDERUNG"))
                .body("category", equalTo("PROJEKT"))
                .body("status", equalTo("DRAFT"))
                .body("requestedCents", equalTo(150_000))
                // Read-only answers: the organisation from the token, the Gemeinde from the registry.
                .body("answers.P11", equalTo("Asylarbeitskreis Eppingen"))
                .body("answers.P12", equalTo("Eppingen"))
                .body("answers.P20", equalTo("Amal Haddad"))
                .extract().path("id");

        Map<String, Object> edited = Fixtures.application(call, "Kochen verbindet Eppingen", "2026-02-01",
                "2027-01-31");
        given().auth().oauth2(AK_EPPINGEN_2).contentType(ContentType.JSON).body(edited)
                .put("/api/submissions/" + id).then().statusCode(200).body("title", equalTo("Kochen verbindet Eppingen"));
        byte[] plan = ("%PDF-1.7\n" + "Kostenplan").getBytes(StandardCharsets.US_ASCII);
        String file = given().auth().oauth2(AK_EPPINGEN).contentType("application/pdf")
                .queryParam("filename", "kostenplan.pdf").body(plan)
                .post("/api/submissions/" + id + "/attachments").then().statusCode(201).extract().path("id");
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + id + "/attachments").then().statusCode(200)
                .body("items.id", contains(file));

        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> submitted(id).size() == 1);
        JsonNode data = submitted(id).get(0).data();
        assertEquals("Asylarbeitskreis Eppingen", data.get("organisation").asText());
        assertEquals("2026-02-01", data.get("projectStart").asText());
        assertEquals("2027-01-31", data.get("projectEnd").asText());
        assertEquals("08125030", data.at("/municipality/id").asText());
        assertEquals("08125", data.at("/municipality/kreisId").asText());
        assertEquals("PROJEKTFOERDERUNG", data.get("formTemplate").asText());
        assertEquals("FUNDING", data.get("callKind").asText());
        assertEquals(150_000, data.get("requestedCents").asLong());
        assertEquals("Asylarbeitskreis Eppingen", data.at("/answers/P11").asText());
        assertEquals(List.of("NEUZUGEWANDERTE", "BEVOELKERUNG_VOR_ORT"), texts(data.get("targetGroups")));
        assertEquals(List.of("KULTUR", "ENGAGEMENT"), texts(data.get("fieldsOfAction")));
        assertEquals(1, data.get("attachments").size());

        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/submit").then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + id + "/versions").then().statusCode(200)
                .body("total", equalTo(2));
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + id + "/versions/2").then().statusCode(200)
                .body("snapshot.organisation", equalTo("Asylarbeitskreis Eppingen"));
        given().auth().oauth2(AK_EPPINGEN).post("/api/submissions/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        // The Kreis organizer sees the organisation's entry with its name.
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + call).then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].organisation", equalTo("Asylarbeitskreis Eppingen"))
                .body("items[0].municipalityId", equalTo("08125030"));
    }

    @Test
    void oneEntryPerOrganisationAndCallAndEachSeesOnlyItsOwn() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Eine pro Organisation");
        String ak = create(AK_EPPINGEN, call, "Kochen verbindet");
        given().auth().oauth2(AK_EPPINGEN_2).contentType(ContentType.JSON)
                .body(Fixtures.application(call, "Noch einmal", "2026-02-01", "2026-12-31"))
                .post("/api/submissions").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:entry-exists"))
                .body("detail", containsString("Asylarbeitskreis Eppingen"));

        // Another organisation of the same Gemeinde, the same name in another Gemeinde, and the Gemeinde itself
        // (and the Landkreis) each enter once on their own.
        String tsv = create(SPORT_EPPINGEN, call, "Fußball für alle");
        String sameName = create(AK_HEILBRONN, call, "Gleicher Name, andere Gemeinde");
        String town = create(EPPINGEN, call, "Projekt der Stadt");
        String kreis = create(HEILBRONN, call, "Projekt des Landkreises");
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + call).then()
                .body("items.id", containsInAnyOrder(ak, tsv, sameName, town, kreis));
        given().auth().oauth2(EPPINGEN).get("/api/submissions/" + town).then().statusCode(200)
                .body("organisation", nullValue()).body("answers.P11", equalTo("Eppingen"))
                .body("category", equalTo("PROJEKT"));

        // Each sees exactly its own.
        given().auth().oauth2(AK_EPPINGEN_2).get("/api/submissions?callId=" + call).then().statusCode(200)
                .body("items.id", contains(ak));
        given().auth().oauth2(SPORT_EPPINGEN).get("/api/submissions").then().statusCode(200)
                .body("items.id", hasItem(tsv)).body("items.id", not(hasItem(ak)));
        given().auth().oauth2(EPPINGEN).get("/api/submissions?callId=" + call).then()
                .body("items.id", contains(town));
        given().auth().oauth2(AK_HEILBRONN).get("/api/submissions?callId=" + call).then()
                .body("items.id", contains(sameName));
        given().auth().oauth2(HEILBRONN).get("/api/submissions?callId=" + call).then()
                .body("items.id", contains(kreis));

        // Another's entry does not exist: the other organisation, the Gemeinde, the same name elsewhere.
        for (String other : List.of(SPORT_EPPINGEN, EPPINGEN, AK_HEILBRONN)) {
            given().auth().oauth2(other).get("/api/submissions/" + ak).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(other).contentType(ContentType.JSON)
                    .body(Fixtures.application(call, "Übernommen", "2026-02-01", "2026-12-31"))
                    .put("/api/submissions/" + ak).then().statusCode(404);
            given().auth().oauth2(other).post("/api/submissions/" + ak + "/submit").then().statusCode(404);
            given().auth().oauth2(other).post("/api/submissions/" + ak + "/withdraw").then().statusCode(404);
            given().auth().oauth2(other).get("/api/submissions/" + ak + "/versions").then().statusCode(404);
            given().auth().oauth2(other).get("/api/submissions/" + ak + "/attachments").then().statusCode(404);
            given().auth().oauth2(other).contentType("application/pdf").body("%PDF-1.7\nx".getBytes())
                    .post("/api/submissions/" + ak + "/attachments").then().statusCode(404);
        }
        // And the applicant reaches none of the municipality's.
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + town).then().statusCode(404);
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + ak).then().statusCode(200)
                .body("title", equalTo("Kochen verbindet"));
    }

    @Test
    void aKreisCallTakesEntriesOnlyFromWithinTheKreis() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Nur aus dem Landkreis");
        given().auth().oauth2(AK_RECKLINGHAUSEN).contentType(ContentType.JSON)
                .body(Fixtures.application(call, "Von weit her", "2026-02-01", "2026-12-31"))
                .post("/api/submissions").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:outside-kreis"))
                .body("detail", containsString("Landkreis Heilbronn (08125)"))
                .body("detail", containsString("Gemeinde Kreis Recklinghausen (05562)"));
        given().auth().oauth2(DACHAU).contentType(ContentType.JSON)
                .body(Fixtures.application(call, "Aus Bayern", "2026-02-01", "2026-12-31"))
                .post("/api/submissions").then().statusCode(403)
                .body("type", equalTo("urn:handinhand:problem:outside-kreis"))
                .body("detail", containsString("municipality Landkreis Dachau (09174) lies in Kreis 09174"));
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + call).then().body("total", equalTo(0));

        // The same callers enter a call no Kreis runs.
        String open = Fixtures.projectCall(TestTokens.organizer(), null, "Landesprogramm");
        create(AK_RECKLINGHAUSEN, open, "Landesweit");
        create(DACHAU, open, "Auch aus Bayern");
    }

    @Test
    void applicantsEnterProjectFundingCallsOnly() {
        String competition = Fixtures.openCall("Wettbewerb der Kommunen");
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON)
                .body(Fixtures.entry(competition, "Wir auch"))
                .post("/api/submissions").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:handinhand:problem:not-for-applicants"))
                .body("detail", containsString("PROJEKTFOERDERUNG"));
    }

    @Test
    void anApplicantTokenNeedsItsClaimsAndOwnsNoServerFields() {
        String call = Fixtures.projectCall(HN_ORGA, "08125", "Token ohne Organisation");
        String noOrganisation = TestTokens.token("halb", List.of("applicant"), Map.of("municipality_id", "08125030"));
        String noMunicipality = TestTokens.token("halb2", List.of("applicant"), Map.of("organisation", "Verein"));
        String unregistered = TestTokens.applicant("fremd", "08125999", "Verein im Nirgendwo");
        String tooLong = TestTokens.applicant("lang", "08125030", "Verein ".repeat(30));
        for (String token : List.of(noOrganisation, noMunicipality, unregistered, tooLong)) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Fixtures.application(call, "Ohne Angaben", "2026-02-01", "2026-12-31"))
                    .post("/api/submissions").then().statusCode(403).contentType("application/problem+json");
        }
        for (String token : List.of(noOrganisation, noMunicipality, tooLong)) {
            given().auth().oauth2(token).get("/api/submissions").then().statusCode(403)
                    .body("detail", org.hamcrest.Matchers.containsStringIgnoringCase("your token"));
        }
        given().auth().oauth2(HN_ORGA).get("/api/submissions?callId=" + call).then().body("total", equalTo(0));

        String id = create(AK_EPPINGEN, call, "Eigene Felder");
        Map<String, Object> body = Fixtures.application(call, "Mit Gemeinde", "2026-02-01", "2026-12-31");
        body.put("municipalityId", "08125");
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(body).put("/api/submissions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("municipalityId"));
        Map<String, Object> organisation = Fixtures.application(call, "Andere Organisation", "2026-02-01", "2026-12-31");
        organisation.put("organisation", "Anderer Verein");
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(organisation).put("/api/submissions/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("organisation"));
        Map<String, Object> answers = Fixtures.application(call, "Eigener Name", "2026-02-01", "2026-12-31");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) answers.get("answers");
        a.put("P11", "Anderer Verein");
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(answers).put("/api/submissions/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("answers.P11"));
        given().auth().oauth2(AK_EPPINGEN).get("/api/submissions/" + id).then()
                .body("organisation", equalTo("Asylarbeitskreis Eppingen")).body("title", equalTo("Eigene Felder"));

        // Applicants never act as organizers.
        given().auth().oauth2(AK_EPPINGEN).contentType(ContentType.JSON).body(Map.of("until", "2030-01-01T00:00:00Z"))
                .put("/api/submissions/" + id + "/extension").then().statusCode(403);
        given().auth().oauth2(AK_EPPINGEN).contentType("text/plain").body("Text")
                .post("/api/imports/legacy?callId=" + call).then().statusCode(403);
    }

    private static String create(String token, String call, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.application(call, title, "2026-02-01", "2026-12-31"))
                .post("/api/submissions").then().statusCode(201).extract().path("id");
    }

    private List<CloudEvent> submitted(String submissionId) {
        return connector.sink("outbox").received().stream()
                .filter(m -> m.getMetadata(OutgoingKafkaRecordMetadata.class)
                        .map(md -> submissionId.equals(md.getKey())).orElse(false))
                .map(m -> CloudEventCodec.read(m.getPayload().toString()))
                .filter(e -> EventTypes.SUBMISSION_SUBMITTED.equals(e.type()))
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        assertTrue(!out.isEmpty(), "a list with values");
        return out;
    }
}
