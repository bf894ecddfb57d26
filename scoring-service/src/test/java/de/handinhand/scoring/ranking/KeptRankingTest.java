package de.handinhand.scoring.ranking;

import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.score;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.common.testing.TestTokens;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import de.handinhand.scoring.ranking.service.KeptRanking;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ranking kept per call version answers exactly what a fresh computation answers, after every
 * kind of change that moves a ranking: sheets saved final or as drafts, criteria, weights, scales and
 * the disagreement spread changed, pairs assigned, conflicts declared and lifted, jurors removed from
 * and put back on the jury, entries resubmitted, withdrawn and added, the call announced again with
 * other categories, and rows written straight into the database as another instance would. After
 * each change the ranking (JSON as organizer and as a juror, the organizer's CSV) and a score sheet
 * (its result) are read once through the kept ranking, then again after the kept rankings are
 * forgotten (a fresh computation); both answers must be equal to the byte.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class KeptRankingTest {

    static final List<String> CODES = List.of("BEDARFSANALYSE", "ZIELE_KONZEPT", "VERNETZUNG", "BETEILIGUNG",
            "NACHHALTIGKEIT", "VERANKERUNG", "GENDER_DIVERSITY", "TRANSFER", "EVALUATION");
    static final List<String> CATEGORIES = List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    KeptRanking kept;

    @Inject
    DataSource db;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    /** An entry of the test call as this test knows it. */
    record Entry(UUID submission, MunicipalityRef municipality, String category, int version) {
    }

    @Test
    void theKeptRankingEqualsAFreshComputationAfterEveryKindOfChange() throws Exception {
        Random random = new Random(17);
        UUID call = fx.call(Phase.JURY);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            entries.add(submit(call, CATEGORIES.get(i % 3), 1, UUID.randomUUID()));
        }
        fx.awaitCases(call, entries.size());
        List<String> jurors = List.of(JuryFixtures.newJuror("kr"), JuryFixtures.newJuror("kr"),
                JuryFixtures.newJuror("kr"), JuryFixtures.newJuror("kr"));
        fx.jurors(call, jurors.toArray(String[]::new));
        fx.auto(call, 3, 5);
        List<String> onJury = new ArrayList<>(jurors);
        List<String> codes = new ArrayList<>(CODES);
        int withdrawn = 0;
        Map<String, Integer> kinds = new LinkedHashMap<>();

        same(call, jurors);
        for (int step = 0; step < 90; step++) {
            // Every kind once in turn, then at random (sheets, kinds 0-4, are most of a jury's traffic).
            int kind = step < 15 ? step : random.nextInt(15);
            String name;
            switch (kind) {
                case 0, 1, 2, 3 -> {
                    name = "final sheet";
                    String juror = onJury.get(random.nextInt(onJury.size()));
                    Entry e = entries.get(random.nextInt(entries.size()));
                    String caseId = fx.caseId(call, e.submission());
                    int status = score(juror, caseId, marks(random, codes, true)).extract().statusCode();
                    assertTrue(List.of(200, 404, 409).contains(status), "final sheet: " + status);
                }
                case 4 -> {
                    name = "draft sheet";
                    String juror = onJury.get(random.nextInt(onJury.size()));
                    Entry e = entries.get(random.nextInt(entries.size()));
                    int status = score(juror, fx.caseId(call, e.submission()), marks(random, codes, false)).extract()
                            .statusCode();
                    assertTrue(List.of(200, 404, 409).contains(status), "draft sheet: " + status);
                }
                case 5 -> {
                    name = "criteria, weights, scales, spread";
                    codes = new ArrayList<>(CODES.subList(0, 5 + random.nextInt(5)));
                    List<Map<String, Object>> criteria = new ArrayList<>();
                    for (String code : codes) {
                        criteria.add(Map.of("code", code, "weight", 1 + random.nextInt(4),
                                "scaleMin", 0, "scaleMax", random.nextInt(4) == 0 ? 5 : 10));
                    }
                    given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                            .body(Map.of("criteria", criteria, "confirm", true,
                                    "disagreementSpread", 5 + random.nextInt(40)))
                            .put("/api/scoring/calls/" + call + "/criteria").then().statusCode(200);
                }
                case 6 -> {
                    name = "manual pair";
                    String juror = onJury.get(random.nextInt(onJury.size()));
                    Entry e = entries.get(random.nextInt(entries.size()));
                    int status = given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                            .body(Map.of("mode", "MANUAL", "pairs", List.of(Map.of("juror", juror,
                                    "submissionId", e.submission().toString()))))
                            .post("/api/scoring/calls/" + call + "/assignments").then().extract().statusCode();
                    assertTrue(List.of(200, 409, 422).contains(status), "manual pair: " + status);
                }
                case 7 -> {
                    name = "conflict declared or lifted";
                    String juror = jurors.get(random.nextInt(jurors.size()));
                    List<String> municipalities = random.nextBoolean() ? List.of()
                            : List.of(entries.get(random.nextInt(entries.size())).municipality().id());
                    given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                            .body(Map.of("municipalities", municipalities, "kreise", List.of(), "bundeslaender", List.of()))
                            .put("/api/scoring/jurors/" + juror + "/conflicts").then().statusCode(200);
                }
                case 8 -> {
                    name = "jury changed";
                    if (onJury.size() == jurors.size()) {
                        onJury.remove(random.nextInt(onJury.size()));
                    } else {
                        onJury = new ArrayList<>(jurors);
                    }
                    fx.jurors(call, onJury.toArray(String[]::new));
                    if (onJury.size() == jurors.size()) {
                        int status = given().auth().oauth2(organizer()).contentType(ContentType.JSON)
                                .body(Map.of("mode", "AUTO", "jurorsPerSubmission", 3, "seed", random.nextInt(1000)))
                                .post("/api/scoring/calls/" + call + "/assignments").then().extract().statusCode();
                        assertTrue(List.of(200, 409, 422).contains(status), "AUTO again: " + status);
                    }
                }
                case 9 -> {
                    name = "entry resubmitted";
                    int i = random.nextInt(entries.size());
                    Entry e = entries.get(i);
                    Entry again = submit(call, e.category(), e.version() + 1, e.submission(), e.municipality());
                    entries.set(i, again);
                    await().atMost(Duration.ofSeconds(15)).until(() -> fx.cases(call)
                            .getInt("items.find { it.submissionId == '" + e.submission() + "' }.version") == again.version());
                }
                case 10 -> {
                    List<Entry> firstVersions = entries.stream().filter(e -> e.version() == 1).toList();
                    if (withdrawn < 3 && !firstVersions.isEmpty()) {
                        name = "entry withdrawn";
                        withdrawn++;
                        Entry e = firstVersions.get(random.nextInt(firstVersions.size()));
                        entries.remove(e);
                        fx.withdraw(call, e.submission(), e.municipality());
                        await().atMost(Duration.ofSeconds(15)).until(() -> "WITHDRAWN".equals(fx.cases(call)
                                .getString("items.find { it.submissionId == '" + e.submission() + "' }.status")));
                    } else {
                        name = "entry added";
                        added(call, entries, random);
                    }
                }
                case 14 -> {
                    name = "entry added";
                    added(call, entries, random);
                }
                case 11 -> {
                    name = "call announced again with other categories";
                    List<String> categories = new ArrayList<>(CATEGORIES);
                    java.util.Collections.shuffle(categories, random);
                    republish(call, categories.subList(0, 1 + random.nextInt(3)));
                }
                case 12 -> {
                    name = "sheet rewritten in the database by another instance";
                    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                            update score_sheet set scores = (select jsonb_agg(jsonb_set(m, '{points}',
                                   case when m->>'points' is null then 'null'::jsonb else '"0"'::jsonb end))
                                   from jsonb_array_elements(scores) m)
                             where id = (select id from score_sheet where call_id = ? and final
                                         order by updated_at desc limit 1)""")) {
                        s.setObject(1, call);
                        s.executeUpdate();
                    }
                }
                case 13 -> {
                    name = "pair removed in the database by another instance";
                    try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                            delete from assignment where id = (select id from assignment where call_id = ?
                                   order by id limit 1)""")) {
                        s.setObject(1, call);
                        s.executeUpdate();
                    }
                }
                default -> throw new IllegalStateException("no change of kind " + kind);
            }
            kinds.merge(name, 1, Integer::sum);
            same(call, jurors);
        }
        // Every kind of change came up (the seed is fixed; a new kind needs a case above).
        assertEquals(12, kinds.size(), kinds.toString());
    }

    /**
     * Proof that a read is served from the kept ranking and not recomputed: a change written with the
     * triggers switched off (so the version does not move — something no writer of this service can
     * do) is not seen until the kept rankings are forgotten.
     */
    @Test
    void aReadWithTheSameVersionIsServedFromTheKeptRanking() throws Exception {
        UUID call = fx.call(Phase.JURY);
        Entry e = submit(call, "LANDKREIS", 1, UUID.randomUUID());
        fx.awaitCases(call, 1);
        String juror = JuryFixtures.newJuror("kept");
        fx.jurors(call, juror);
        fx.auto(call, 1, 1);
        String caseId = fx.caseId(call, e.submission());
        score(juror, caseId, JuryFixtures.sheet(true, "BEDARFSANALYSE", 10, "ZIELE_KONZEPT", 10, "VERNETZUNG", 10,
                "BETEILIGUNG", 10, "NACHHALTIGKEIT", 10, "VERANKERUNG", 10, "GENDER_DIVERSITY", 10, "TRANSFER", 10,
                "EVALUATION", 10)).statusCode(200);
        assertEquals(100.0f, ranking(call).getFloat("categories[0].entries[0].mean"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            s.executeUpdate("delete from assignment where call_id = '" + call + "'");
            c.commit();
        }
        assertEquals(100.0f, ranking(call).getFloat("categories[0].entries[0].mean"));
        kept.clear();
        assertNull(ranking(call).get("categories[0].entries[0].mean"));
    }

    /** The ranking version moves with a write, and only the call written to. */
    @Test
    void aWriteMovesItsCallsVersionOnly() throws Exception {
        UUID one = fx.call(Phase.JURY);
        UUID other = fx.call(Phase.JURY);
        Entry e = submit(one, "LANDKREIS", 1, UUID.randomUUID());
        submit(other, "LANDKREIS", 1, UUID.randomUUID());
        fx.awaitCases(one, 1);
        fx.awaitCases(other, 1);
        String juror = JuryFixtures.newJuror("ver");
        fx.jurors(one, juror);
        fx.auto(one, 1, 1);
        long oneBefore = version(one);
        long otherBefore = version(other);
        score(juror, fx.caseId(one, e.submission()), JuryFixtures.sheet(false, "BEDARFSANALYSE", 3)).statusCode(200);
        assertNotEquals(oneBefore, version(one));
        assertEquals(otherBefore, version(other));
    }

    private void added(UUID call, List<Entry> entries, Random random) {
        Entry e = submit(call, CATEGORIES.get(random.nextInt(3)), 1, UUID.randomUUID());
        entries.add(e);
        await().atMost(Duration.ofSeconds(15)).until(() -> fx.caseId(call, e.submission()) != null);
    }

    private long version(UUID call) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(sum(n), 0) from ranking_version where call_id = ?")) {
            s.setObject(1, call);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private Entry submit(UUID call, String category, int version, UUID submission) {
        return submit(call, category, version, submission, JuryFixtures.municipality(List.of("BW", "BY", "HE")
                .get(Math.floorMod(submission.hashCode(), 3))));
    }

    private Entry submit(UUID call, String category, int version, UUID submission, MunicipalityRef m) {
        fx.submit(call, m, category, null, Map.of("C10", "YES", "C12", version % 2 == 0 ? "YES" : "NO", "C36", "PLANNED"),
                version, submission);
        return new Entry(submission, m, category, version);
    }

    private void republish(UUID call, List<String> categories) {
        java.time.Instant now = java.time.Instant.now();
        var event = new de.handinhand.common.messaging.events.CallPublished(call, "Jury again", "COMPETITION",
                "ZUSAMMENLEBEN_HAND_IN_HAND", now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(19)), null, categories, null, null);
        connector.<String>source("submission-events").send(de.handinhand.common.testing.EventFixtures.event(
                de.handinhand.common.messaging.EventTypes.CALL_PUBLISHED, call.toString(), event));
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement("select categories from call_info where id = ?")) {
                s.setObject(1, call);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && List.of((Object[]) r.getArray(1).getArray()).equals(categories);
                }
            }
        });
    }

    /** Random marks for the criteria in force; one in eight not applicable, one in ten left out of a draft. */
    private static Map<String, Object> marks(Random random, List<String> codes, boolean fin) {
        List<Map<String, Object>> marks = new ArrayList<>();
        for (String code : codes) {
            if (!fin && random.nextInt(10) == 0) {
                continue;
            }
            Map<String, Object> m = new HashMap<>();
            m.put("criterion", code);
            if (random.nextInt(8) == 0) {
                m.put("notApplicable", true);
            } else {
                m.put("points", random.nextInt(6));
                m.put("comment", "Punkte " + random.nextInt(100));
            }
            marks.add(m);
        }
        return Map.of("scores", marks, "final", fin);
    }

    private static JsonPath ranking(UUID call) {
        return given().auth().oauth2(organizer()).get("/api/scoring/calls/" + call + "/ranking").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Every read that uses the ranking, through the kept ranking and then freshly computed, equal. */
    private void same(UUID call, List<String> jurors) {
        List<String> kept1 = reads(call, jurors);
        List<String> kept2 = reads(call, jurors);
        kept.clear();
        List<String> fresh = reads(call, jurors);
        assertEquals(fresh, kept1);
        assertEquals(fresh, kept2);
    }

    private List<String> reads(UUID call, List<String> jurors) {
        List<String> out = new ArrayList<>();
        String path = "/api/scoring/calls/" + call + "/ranking";
        out.add(given().auth().oauth2(organizer()).get(path).then().statusCode(200).extract().asString());
        out.add(given().auth().oauth2(organizer()).accept("text/csv").get(path).then().statusCode(200).extract()
                .asString());
        for (String juror : jurors) {
            var r = given().auth().oauth2(TestTokens.juror(juror)).get(path).then().extract();
            // A refusal carries its own request id; its status is what must match.
            out.add(r.statusCode() == 200 ? r.asString() : "status " + r.statusCode());
        }
        for (Object id : fx.cases(call).getList("items.id")) {
            out.add(given().auth().oauth2(organizer()).get("/api/scoring/cases/" + id + "/scores").then().statusCode(200)
                    .extract().asString());
        }
        return out;
    }
}
