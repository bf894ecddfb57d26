package de.handinhand.scoring.assignment;

import static de.handinhand.scoring.JuryFixtures.assignedTo;
import static de.handinhand.scoring.JuryFixtures.organizer;
import static de.handinhand.scoring.JuryFixtures.ownCases;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.AssignmentsChanged;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.testing.EmbeddedPostgresResource;
import de.handinhand.scoring.JuryFixtures;
import de.handinhand.scoring.JuryFixtures.Phase;
import de.handinhand.scoring.jury.api.ConflictsRequest;
import de.handinhand.scoring.jury.service.JuryService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * handinhand.assignments.changed: whenever the jurors who may read an entry change, one event per
 * changed entry and transaction goes into the outbox with the whole current set and a growing
 * revision; nothing for an entry that did not change, nothing for a change that was rolled back.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AssignmentEventsTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    AgroalDataSource db;

    @Inject
    JuryService jury;

    JuryFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new JuryFixtures(connector);
    }

    /** One outbox row, read back as the relay will publish it. */
    record Outboxed(String topic, String key, CloudEvent event, AssignmentsChanged data) {
    }

    @Test
    void manualAndAutoAssignmentAnnounceEachChangedEntryOnceWithItsWholeJury() {
        UUID call = fx.call(Phase.JURY);
        UUID e1 = fx.submit(call, JuryFixtures.municipality("NW"));
        UUID e2 = fx.submit(call, JuryFixtures.municipality("NW"));
        UUID e3 = fx.submit(call, JuryFixtures.municipality("NW"));
        fx.awaitCases(call, 3);
        String a = JuryFixtures.newJuror("ea");
        String b = JuryFixtures.newJuror("eb");
        String c = JuryFixtures.newJuror("ec");
        fx.jurors(call, a, b, c);
        assertEquals(List.of(), events(e1), "setting the jury changes no entry's readers");

        fx.assign(call, a, e1);
        List<Outboxed> first = events(e1);
        assertEquals(1, first.size());
        Outboxed event = first.get(0);
        assertEquals(EventTypes.SCORING_TOPIC, event.topic());
        assertEquals(e1.toString(), event.key());
        assertEquals(EventTypes.ASSIGNMENTS_CHANGED, event.event().type());
        assertEquals(e1.toString(), event.event().subject());
        assertEquals(call, event.data().callId());
        assertEquals(e1, event.data().submissionId());
        assertEquals(1, event.data().revision());
        assertEquals(List.of(a), event.data().jurors());
        assertTrue(event.data().changedAt() != null);
        assertEquals(List.of(), events(e2));
        assertEquals(List.of(), events(e3));
        // The relay publishes it to scoring-events with the submission id as the Kafka key.
        await().atMost(Duration.ofSeconds(10)).until(() -> published(event.event().id()) != null);
        assertEquals(e1.toString(), published(event.event().id()));

        // The same pair again changes nothing.
        fx.assign(call, a, e1);
        assertEquals(1, events(e1).size());

        // AUTO: every entry gets two jurors; one event per entry, each with the entry's whole set.
        fx.auto(call, 2, 7);
        for (UUID e : List.of(e1, e2, e3)) {
            List<Outboxed> all = events(e);
            Outboxed last = all.get(all.size() - 1);
            assertEquals(e.equals(e1) ? 2 : 1, all.size(), "one event per entry and transaction");
            assertEquals(all.size(), last.data().revision());
            assertEquals(2, last.data().jurors().size());
            assertEquals(sorted(readersOf(call, e)), last.data().jurors(), "the set the organizer's list shows, sorted");
        }
        assertTrue(events(e1).get(1).data().jurors().contains(a), "existing assignments stay in the set");

        // Nothing changes: nothing is written.
        fx.auto(call, 2, 7);
        for (UUID e : List.of(e1, e2, e3)) {
            assertEquals(e.equals(e1) ? 2 : 1, events(e).size());
        }
    }

    @Test
    void conflictsAndLeavingTheJuryAnnounceTheSmallerSet() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef saxon = JuryFixtures.municipality("SN");
        UUID shared = fx.submit(call, saxon);
        UUID other = fx.submit(call, JuryFixtures.municipality("BW"));
        UUID untouched = fx.submit(call, JuryFixtures.municipality("BW"));
        fx.awaitCases(call, 3);
        String a = JuryFixtures.newJuror("xa");
        String b = JuryFixtures.newJuror("xb");
        String c = JuryFixtures.newJuror("xc");
        fx.jurors(call, a, b, c);
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("mode", "MANUAL", "pairs", List.of(
                pair(a, shared), pair(b, shared), pair(c, shared), pair(a, other), pair(b, other), pair(c, untouched))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(200);
        assertEquals(List.of(1L), revisions(shared), "three pairs of one entry in one request: one event");
        assertEquals(sorted(List.of(a, b, c)), last(shared).jurors());

        // A conflict that covers nothing assigned changes nothing.
        conflicts(c, Map.of("bundeslaender", List.of("HB")));
        assertEquals(List.of(1L), revisions(shared));

        // A conflict with the Saxon entry takes a off it; her other entry is not touched.
        conflicts(a, Map.of("bundeslaender", List.of("SN")));
        assertEquals(List.of(1L, 2L), revisions(shared));
        assertEquals(sorted(List.of(b, c)), last(shared).jurors());
        assertEquals(List.of(1L), revisions(other));

        // b and c leave in one change of the jury: one event per entry they leave, however many left it.
        fx.jurors(call, a);
        assertEquals(List.of(1L, 2L, 3L), revisions(shared));
        assertEquals(List.of(), last(shared).jurors());
        assertEquals(List.of(1L, 2L), revisions(other));
        assertEquals(List.of(a), last(other).jurors());
        assertEquals(List.of(1L, 2L), revisions(untouched));
        assertEquals(List.of(), last(untouched).jurors());
    }

    @Test
    void aRolledBackChangeWritesNothingAndTakesNoRevision() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef m = JuryFixtures.municipality("RP");
        UUID entry = fx.submit(call, m);
        fx.awaitCases(call, 1);
        String a = JuryFixtures.newJuror("ra");
        String b = JuryFixtures.newJuror("rb");
        fx.jurors(call, a, b);
        fx.assign(call, a, entry);
        fx.assign(call, b, entry);
        assertEquals(List.of(1L, 2L), revisions(entry));

        // A request refused as a whole stores nothing and announces nothing.
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(Map.of("mode", "MANUAL", "pairs", List.of(
                pair(a, entry), Map.of("juror", "nobody", "submissionId", entry.toString()))))
                .post("/api/scoring/calls/" + call + "/assignments").then().statusCode(422);
        assertEquals(List.of(1L, 2L), revisions(entry));

        // The conflict removes a's assignment and writes the event, then the transaction fails.
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                var removed = jury.setConflicts(a, new ConflictsRequest(List.of(m.id()), List.of(), List.of()));
                assertEquals(1, removed.removedAssignments().size());
                throw new IllegalStateException("the caller's transaction fails after the change");
            }));
        } finally {
            if (activated) {
                request.terminate();
            }
        }
        assertEquals(List.of(1L, 2L), revisions(entry), "no event of the rolled-back change");
        assertEquals(java.util.Set.of(entry.toString()), assignedTo(a, call), "and the assignment is still there");

        // Done for real, the change takes the next revision: the rolled-back one left no gap.
        conflicts(a, Map.of("municipalities", List.of(m.id())));
        assertEquals(List.of(1L, 2L, 3L), revisions(entry));
        assertEquals(List.of(b), last(entry).jurors());
    }

    @Test
    void anEntryMovedToAConflictedMunicipalityLosesThatJurorAndSaysSo() {
        UUID call = fx.call(Phase.JURY);
        MunicipalityRef before = JuryFixtures.municipality("BY");
        MunicipalityRef after = JuryFixtures.municipality("HH");
        UUID entry = fx.submit(call, before);
        fx.awaitCases(call, 1);
        String hamburg = JuryFixtures.newJuror("mh");
        String free = JuryFixtures.newJuror("mf");
        conflicts(hamburg, Map.of("bundeslaender", List.of("HH")));
        fx.jurors(call, hamburg, free);
        fx.assign(call, hamburg, entry);
        fx.assign(call, free, entry);
        assertEquals(List.of(1L, 2L), revisions(entry));

        // A resubmission in the same place changes nobody's reading rights.
        fx.resubmit(call, before, entry, 2);
        awaitVersion(call, entry, 2);
        assertEquals(List.of(1L, 2L), revisions(entry));

        // Corrected to a Hamburg municipality: the juror conflicted with Hamburg loses the entry.
        fx.resubmit(call, after, entry, 3);
        awaitVersion(call, entry, 3);
        assertEquals(List.of(1L, 2L, 3L), revisions(entry));
        assertEquals(List.of(free), last(entry).jurors());
        assertEquals(java.util.Set.of(), assignedTo(hamburg, call));
        assertEquals(0, ownCases(hamburg, call, 0, 20).getInt("total"));
        assertEquals(1, ownCases(free, call, 0, 20).getInt("total"));
    }

    /** The Kafka key the relay sent the event with, null while it has not been sent. */
    private String published(String eventId) {
        for (Message<?> m : connector.sink("outbox").received()) {
            if (CloudEventCodec.read(m.getPayload().toString()).id().equals(eventId)) {
                return m.getMetadata(OutgoingKafkaRecordMetadata.class).map(k -> String.valueOf(k.getKey())).orElse("");
            }
        }
        return null;
    }

    private void awaitVersion(UUID call, UUID entry, int version) {
        await().atMost(Duration.ofSeconds(15)).until(() -> version == fx.cases(call)
                .getInt("items.find { it.submissionId == '" + entry + "' }.version"));
    }

    private static Map<String, String> pair(String juror, UUID entry) {
        return Map.of("juror", juror, "submissionId", entry.toString());
    }

    private static void conflicts(String juror, Map<String, Object> body) {
        given().auth().oauth2(organizer()).contentType(ContentType.JSON).body(body)
                .put("/api/scoring/jurors/" + juror + "/conflicts").then().statusCode(200);
    }

    private static List<String> readersOf(UUID call, UUID entry) {
        return given().auth().oauth2(organizer())
                .get("/api/scoring/calls/" + call + "/assignments?size=200&submissionId=" + entry).then().statusCode(200)
                .extract().jsonPath().getList("items.juror", String.class);
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        copy.sort(null);
        return copy;
    }

    private List<Long> revisions(UUID entry) {
        return events(entry).stream().map(e -> e.data().revision()).toList();
    }

    private AssignmentsChanged last(UUID entry) {
        List<Outboxed> all = events(entry);
        return all.get(all.size() - 1).data();
    }

    /** The entry's assignment events in the outbox, in the order the relay sends them. */
    private List<Outboxed> events(UUID entry) {
        List<Outboxed> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("""
                select topic, aggregate_id, payload from outbox_event
                 where aggregate_id = ? and type = ? order by seq""")) {
            s.setString(1, entry.toString());
            s.setString(2, EventTypes.ASSIGNMENTS_CHANGED);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    CloudEvent event = CloudEventCodec.read(r.getString(3));
                    rows.add(new Outboxed(r.getString(1), r.getString(2), event,
                            CloudEventCodec.data(event, AssignmentsChanged.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
