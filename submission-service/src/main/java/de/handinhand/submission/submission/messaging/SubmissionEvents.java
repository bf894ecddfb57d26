package de.handinhand.submission.submission.messaging;

import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.messaging.events.ProjectSnapshot;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.submission.Submission;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the submission events' snapshots and writes them to the outbox inside the caller's
 * transaction. The snapshot is the contract with scoring and catalogue.
 */
@ApplicationScoped
public class SubmissionEvents {

    /** C26a–j of the competition form and the field of action each stands for (API.md code list). */
    static final Map<String, String> FIELD_QUESTIONS = Map.of(
            "C26a", "WOHNEN", "C26b", "SOZIALE_INFRASTRUKTUR", "C26c", "BILDUNG", "C26d", "BESCHAEFTIGUNG",
            "C26e", "KULTUR", "C26f", "SPORT", "C26g", "GESUNDHEIT", "C26h", "UMWELT", "C26i", "BETEILIGUNG",
            "C26j", "ENGAGEMENT");

    private final OutboxWriter outbox;

    public SubmissionEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public SubmissionSubmitted submitted(Submission s, Call call, Municipality m) {
        SubmissionSubmitted data = snapshot(s, call, m);
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.SUBMISSION_SUBMITTED, s.id.toString(), data);
        return data;
    }

    public void withdrawn(Submission s, Municipality m) {
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.SUBMISSION_WITHDRAWN, s.id.toString(),
                new SubmissionWithdrawn(s.id, s.callId, s.municipalityId, m.kreisId, s.version, s.withdrawnAt));
    }

    /** The snapshot as a plain map, for storing it with the frozen version. */
    public static Map<String, Object> asMap(SubmissionSubmitted snapshot) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = CloudEventCodec.mapper().convertValue(snapshot, Map.class);
        return map;
    }

    static SubmissionSubmitted snapshot(Submission s, Call call, Municipality m) {
        List<ProjectSnapshot> projects = new ArrayList<>();
        for (int i = 0; i < s.projects.size(); i++) {
            Map<String, Object> answers = new LinkedHashMap<>(s.projects.get(i));
            projects.add(new ProjectSnapshot(i + 1, text(answers.get("D10")), text(answers.get("D15")), answers));
        }
        return new SubmissionSubmitted(s.id, s.callId, call.kind.name(), s.version, s.category, s.title, s.summary,
                s.description, new LinkedHashMap<>(s.answers), projects, fieldsOfAction(s.answers),
                targetGroups(s.answers), null,
                new MunicipalityRef(m.id, m.name, m.type.name(), m.bundesland, m.kreisId, m.population),
                s.submittedAt, false);
    }

    static List<String> fieldsOfAction(Map<String, Object> answers) {
        return FIELD_QUESTIONS.entrySet().stream()
                .filter(e -> answered(answers.get(e.getKey())))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
    }

    static List<String> targetGroups(Map<String, Object> answers) {
        Object c23 = answers.get("C23");
        if (c23 instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static boolean answered(Object value) {
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return value instanceof String text && !text.isBlank() && !"NO".equals(text);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
