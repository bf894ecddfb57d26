package de.handinhand.submission.submission.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.AttachmentRef;
import de.handinhand.common.messaging.events.MunicipalityRef;
import de.handinhand.common.messaging.events.ProjectSnapshot;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormDerivations;
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

    private final OutboxWriter outbox;

    public SubmissionEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Writes the submitted event; returns its snapshot as JSON, to be frozen with the version. */
    public JsonNode submitted(Submission s, Call call, Form form, Municipality m, List<AttachmentView> attachments) {
        JsonNode data = CloudEventCodec.toTree(snapshot(s, call, form, m, attachments));
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.SUBMISSION_SUBMITTED, s.id.toString(), data);
        return data;
    }

    public void withdrawn(Submission s, Municipality m) {
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.SUBMISSION_WITHDRAWN, s.id.toString(),
                new SubmissionWithdrawn(s.id, s.callId, s.municipalityId, m.kreisId, s.version, s.withdrawnAt));
    }

    static SubmissionSubmitted snapshot(Submission s, Call call, Form form, Municipality m,
            List<AttachmentView> attachments) {
        List<ProjectSnapshot> projects = new ArrayList<>();
        for (int i = 0; i < s.projects.size(); i++) {
            Map<String, Object> answers = new LinkedHashMap<>(s.projects.get(i));
            projects.add(new ProjectSnapshot(i + 1, text(answers.get("D10")), text(answers.get("D15")), answers));
        }
        FormDerivations.Period period = FormDerivations.projectPeriod(form, s.answers);
        return new SubmissionSubmitted(s.id, s.callId, call.kind.name(), s.version, s.category, s.title, s.summary,
                s.description, FormDerivations.withRegistryAnswers(form, s.answers, m, s.organisation), projects,
                FormDerivations.fieldsOfAction(form, s.answers), FormDerivations.targetGroups(form, s.answers),
                s.requestedCents, new MunicipalityRef(m.id, m.name, m.type.name(), m.bundesland, m.kreisId, m.population),
                s.submittedAt, s.imported, form.template().name(),
                attachments.stream().map(a -> new AttachmentRef(a.id(), a.filename(), a.contentType(), a.sizeBytes(),
                        a.sha256())).toList(), s.unplaced, s.organisation, period.start(), period.end());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
