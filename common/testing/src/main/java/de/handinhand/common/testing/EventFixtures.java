package de.handinhand.common.testing;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.CallPublished;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.messaging.events.ProjectSnapshot;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** CloudEvents as the submission service writes them, for the consumers' tests. */
public final class EventFixtures {

    public static final MunicipalityRef HEILBRONN =
            new MunicipalityRef("08125", "Landkreis Heilbronn", "LANDKREIS", "BW", "08125", 355_000);
    public static final MunicipalityRef DACHAU =
            new MunicipalityRef("09174", "Landkreis Dachau", "LANDKREIS", "BY", "09174", 158_000);
    public static final MunicipalityRef BAD_SOODEN =
            new MunicipalityRef("06636001", "Bad Sooden-Allendorf", "STADT", "HE", "06636", 8_300);
    /** A Große Kreisstadt in Landkreis Heilbronn, where the demo applicant ak-eppingen works. */
    public static final MunicipalityRef EPPINGEN =
            new MunicipalityRef("08125030", "Eppingen", "STADT", "BW", "08125", 22_000);

    private EventFixtures() {
    }

    public static SubmissionSubmitted submitted(UUID submissionId, UUID callId, int version, MunicipalityRef m,
            String title, List<ProjectSnapshot> projects) {
        return new SubmissionSubmitted(submissionId, callId, "COMPETITION", version, "LANDKREIS", title,
                "Kurzfassung " + title, "Beschreibung " + title,
                Map.of("C10", "YES", "C23", List.of("ERWACHSENE", "NEUZUGEWANDERTE"), "C26f", List.of("PROJEKT")),
                projects, List.of("SPORT"), List.of("ERWACHSENE", "NEUZUGEWANDERTE"), null, m,
                Instant.parse("2026-05-02T10:15:30Z"), false, "ZUSAMMENLEBEN_HAND_IN_HAND", List.of(), List.of(), null, null,
                null);
    }

    public static ProjectSnapshot project(int index, String title, String description) {
        return new ProjectSnapshot(index, title, description, Map.of("D10", title, "D15", description));
    }

    public static SubmissionWithdrawn withdrawn(UUID submissionId, UUID callId, MunicipalityRef m, int version) {
        return new SubmissionWithdrawn(submissionId, callId, m.id(), m.kreisId(), version,
                Instant.parse("2026-05-03T08:00:00Z"));
    }

    public static CallPublished call(UUID callId, String title) {
        Instant deadline = Instant.now().plus(Duration.ofDays(30));
        return new CallPublished(callId, title, "COMPETITION", "ZUSAMMENLEBEN_HAND_IN_HAND",
                Instant.now().minus(Duration.ofDays(1)), deadline, deadline.plus(Duration.ofDays(30)), null,
                List.of("LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"), null, null);
    }

    /** Wraps data into the structured CloudEvent JSON the relay puts on Kafka. */
    public static String event(String type, String subject, Object data) {
        return event(UUID.randomUUID().toString(), type, subject, data);
    }

    public static String event(String id, String type, String subject, Object data) {
        return CloudEventCodec.write(new CloudEvent(CloudEvent.SPEC_VERSION, id, "/handinhand/submission-service", type,
                subject, Instant.now(), "application/json", "test-" + id, null, CloudEventCodec.toTree(data)));
    }

    public static String submittedEvent(SubmissionSubmitted data) {
        return event(EventTypes.SUBMISSION_SUBMITTED, data.submissionId().toString(), data);
    }
}
