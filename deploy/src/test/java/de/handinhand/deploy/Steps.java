package de.handinhand.deploy;

import static de.handinhand.deploy.Gateway.eventually;
import static org.hamcrest.Matchers.equalTo;

import de.handinhand.common.testing.EntryFixtures;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The steps several journeys take to set the scene, each through the gateway as the person who
 * takes it: an organizer opens a call or moves its phases, a municipality submits an entry, a
 * jury scores. Each returns only once its effect is there (events polled for with a deadline), so
 * a journey builds on it at once. The journeys' own steps are written out in the journeys.
 */
final class Steps {

    static final String ORGANIZER = "orga";
    static final List<String> CATEGORIES = List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN");
    /** The default criteria of every call (README "Criteria"), scale 0–10. */
    static final List<String> CRITERIA = List.of("BEDARFSANALYSE", "ZIELE_KONZEPT", "VERNETZUNG", "BETEILIGUNG",
            "NACHHALTIGKEIT", "VERANKERUNG", "GENDER_DIVERSITY", "TRANSFER", "EVALUATION");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Gateway gateway;

    Steps(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * A made-up word nobody else uses ({@code stem} and six random letters), so a search for it finds
     * exactly what the journey made, whatever else the stack holds.
     */
    static String uniqueWord(String stem) {
        StringBuilder word = new StringBuilder(stem);
        for (int i = 0; i < 6; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    // --- calls and their phases ----------------------------------------------------------------

    /** A competition call on the 2017 entry form, open now, deadline in 30 days. */
    String openCall(String title) {
        return openCall(title, "COMPETITION", "ZUSAMMENLEBEN_HAND_IN_HAND");
    }

    String openCall(String title, String kind, String formTemplate) {
        Instant now = Instant.now();
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("title", title);
        call.put("kind", kind);
        call.put("formTemplate", formTemplate);
        call.put("opensAt", now.minus(Duration.ofDays(1)).toString());
        call.put("deadline", now.plus(Duration.ofDays(30)).toString());
        call.put("juryEndsAt", now.plus(Duration.ofDays(60)).toString());
        call.put("categories", CATEGORIES);
        return gateway.as(ORGANIZER).contentType(ContentType.JSON).body(call).post("/api/calls")
                .then().statusCode(201).body("phase", equalTo("OPEN")).extract().path("id");
    }

    /**
     * The organizer changes the call's deadline and jury end (README "Phases": that is how a phase
     * is closed); returns the call as the submission service answers it.
     */
    JsonPath moveDates(String call, Instant deadline, Instant juryEndsAt) {
        JsonPath current = gateway.anonymous().get("/api/calls/" + call).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", current.getString("title"));
        body.put("kind", current.getString("kind"));
        body.put("formTemplate", current.getString("formTemplate"));
        body.put("opensAt", current.getString("opensAt"));
        body.put("deadline", deadline.toString());
        body.put("juryEndsAt", juryEndsAt.toString());
        body.put("categories", current.getList("categories"));
        body.put("budgetCents", current.get("budgetCents"));
        return gateway.as(ORGANIZER).contentType(ContentType.JSON).body(body).put("/api/calls/" + call)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Deadline just passed: the jury phase, once the scoring service has heard of it. */
    void openJuryPhase(String call) {
        Instant now = Instant.now();
        moveDates(call, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(30)));
        awaitScoringPhase(call, "JURY");
    }

    /** Deadline and jury end passed: the call is closed, once the scoring service has heard of it. */
    void closeJuryPhase(String call) {
        Instant now = Instant.now();
        moveDates(call, now.minus(Duration.ofMinutes(2)), now.minus(Duration.ofMinutes(1)));
        awaitScoringPhase(call, "CLOSED");
    }

    /** The phase of the call as the jury's service sees it, once it is {@code phase}. */
    void awaitScoringPhase(String call, String phase) {
        eventually("phase " + phase + " of call " + call + " in the scoring service",
                () -> gateway.as(ORGANIZER).get("/api/scoring/calls/" + call).then().extract(),
                r -> r.statusCode() == 200 && phase.equals(r.path("phase")));
    }

    // --- entries -------------------------------------------------------------------------------

    /** A complete entry on the competition form with one single project. */
    static Map<String, Object> entry(String call, String title, String project) {
        return EntryFixtures.entry(call, title, List.of(EntryFixtures.project(project, "Beschreibung: " + project)));
    }

    /** The municipality of {@code user} drafts a complete entry; returns its id. */
    String draft(String user, String call, String title, String project) {
        return gateway.as(user).contentType(ContentType.JSON).body(entry(call, title, project))
                .post("/api/submissions").then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    /** Submits a draft as its municipality; returns the new version. */
    int submit(String user, String entry) {
        return gateway.as(user).post("/api/submissions/" + entry + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).extract().path("version");
    }

    /** Drafts and submits a complete entry; returns its id once the jury has its case. */
    String submitted(String user, String call, String title, String project) {
        String entry = draft(user, call, title, project);
        submit(user, entry);
        awaitCase(call, entry, 1);
        return entry;
    }

    /** The organizer's view of the entry's case, once it shows {@code version}. */
    Map<String, Object> awaitCase(String call, String entry, int version) {
        return eventually("the case of entry " + entry + " at version " + version,
                () -> caseOf(call, entry), c -> c != null && Objects.equals(version, c.get("version")));
    }

    /** The case of an entry in the organizer's list of the call, or null. */
    Map<String, Object> caseOf(String call, String entry) {
        List<Map<String, Object>> items = gateway.as(ORGANIZER).queryParam("callId", call).queryParam("size", 200)
                .get("/api/scoring/cases").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(c -> entry.equals(c.get("submissionId"))).findFirst().orElse(null);
    }

    /** Uploads a file to the municipality's draft; returns the stored attachment's id. */
    String attach(String user, String entry, String filename, byte[] content) {
        return gateway.as(user).contentType("application/pdf").queryParam("filename", filename).body(content)
                .post("/api/submissions/" + entry + "/attachments").then().statusCode(201)
                .body("sha256", equalTo(sha256(content))).extract().path("id");
    }

    // --- the jury ------------------------------------------------------------------------------

    void setJurors(String call, List<String> jurors) {
        gateway.as(ORGANIZER).contentType(ContentType.JSON).body(jurors).put("/api/scoring/calls/" + call + "/jurors")
                .then().statusCode(200);
    }

    /** The organizer's list of the juror's assignments in the call: the submission ids. */
    List<String> assignedTo(String call, String juror) {
        return gateway.as(ORGANIZER).queryParam("juror", juror).queryParam("size", 200)
                .get("/api/scoring/calls/" + call + "/assignments").then().statusCode(200)
                .extract().jsonPath().getList("items.submissionId");
    }

    /** Every default criterion at {@code points}. */
    static Map<String, Object> sheet(int points, boolean finalise) {
        List<Map<String, Object>> scores = new ArrayList<>();
        for (String criterion : CRITERIA) {
            scores.add(Map.of("criterion", criterion, "points", points, "comment", criterion + ": " + points));
        }
        return Map.of("scores", scores, "final", finalise);
    }

    /** The juror saves a final sheet with every criterion at {@code points}. */
    void finalSheet(String juror, String caseId, int points) {
        gateway.as(juror).contentType(ContentType.JSON).body(sheet(points, true))
                .put("/api/scoring/cases/" + caseId + "/scores").then().statusCode(200).body("mine.final", equalTo(true));
    }

    /** A closed competition with published results: {@code winner} ranked first in LANDKREIS. */
    record PublishedCall(String call, String title, String winner, String runnerUp) {
    }

    /**
     * A whole competition in brief, for journeys that read its results: two Landkreise enter, two
     * jurors score both (the winner 9 on every criterion, the other 4), the call closes and the
     * organizer publishes one winner per category.
     */
    PublishedCall publishedCompetition(String title) {
        String call = openCall(title);
        String winner = submitted("heilbronn", call, title + ": Heilbronn", "Patenschaften " + title);
        String runnerUp = submitted("dachau", call, title + ": Dachau", "Sprachcafé " + title);
        setJurors(call, List.of("juror4", "juror5"));
        gateway.as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("mode", "AUTO", "jurorsPerSubmission", 2))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200);
        openJuryPhase(call);
        for (String juror : List.of("juror4", "juror5")) {
            finalSheet(juror, (String) caseOf(call, winner).get("id"), 9);
            finalSheet(juror, (String) caseOf(call, runnerUp).get("id"), 4);
        }
        closeJuryPhase(call);
        gateway.as(ORGANIZER).contentType(ContentType.JSON).body(Map.of("winnersPerCategory", 1))
                .post("/api/scoring/calls/" + call + "/results").then().statusCode(200);
        return new PublishedCall(call, title, winner, runnerUp);
    }

    // --- the catalogue -------------------------------------------------------------------------

    /** The publisher's queue of proposals (status PROPOSED of their Kreis), every page. */
    List<Map<String, Object>> proposalQueue(String publisher) {
        return gateway.as(publisher).queryParam("status", "PROPOSED").queryParam("size", 200)
                .get("/api/catalogue/offers").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** The proposal derived from the entry's single project, in the publisher's queue, or null. */
    Map<String, Object> derivedProposal(String publisher, String entry) {
        return proposalQueue(publisher).stream()
                .filter(o -> o.get("origin") instanceof Map<?, ?> origin && entry.equals(origin.get("submissionId")))
                .findFirst().orElse(null);
    }

    /** The proposal derived from the entry's single project, once the catalogue has made it. */
    Map<String, Object> awaitDerivedProposal(String publisher, String entry) {
        return eventually("the proposal derived from entry " + entry + " in the queue of " + publisher,
                () -> derivedProposal(publisher, entry), Objects::nonNull);
    }

    /** A minimal offer of {@code kreis} whose German title carries {@code word}. */
    static Map<String, Object> offer(String kreis, String town, String title) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("title", Map.of("de", title, "ar", "مقهى اللغة " + title));
        offer.put("description", Map.of("de", "Treffpunkt zum Deutschsprechen in " + town + ", jeden Mittwoch."));
        offer.put("provider", "Freundeskreis Asyl " + town);
        offer.put("kreisId", kreis);
        offer.put("municipality", town);
        offer.put("fields", List.of("SPRACHE"));
        offer.put("targetGroups", List.of("ERWACHSENE", "NEUZUGEWANDERTE"));
        offer.put("languages", List.of("de", "ar"));
        offer.put("free", true);
        offer.put("schedule", "Mi 15–17 Uhr");
        offer.put("website", "https://www.freundeskreis-asyl.example/sprachtreff");
        return offer;
    }

    // --- files ---------------------------------------------------------------------------------

    /** A small, valid one-page PDF that says {@code text} (byte offsets in its xref table computed). */
    static byte[] pdf(String text) {
        String escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 14 Tf 72 720 Td (" + escaped + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + stream
                        + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
                + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
