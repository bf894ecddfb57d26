package de.handinhand.submission.submission.service;

import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.attachment.repository.AttachmentRepository;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.api.SubmissionView;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What the services of this package share to store and show an entry: one entry per entrant (a
 * municipality, or an organisation in its Gemeinde) and call, also when two requests race (the
 * database's unique keys decide, the loser gets a 409), and the entry as the API shows it.
 */
@ApplicationScoped
class EntryStore {

    private final SubmissionRepository submissions;
    private final AttachmentRepository attachments;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final FormTemplates forms;

    EntryStore(SubmissionRepository submissions, AttachmentRepository attachments, CallRepository calls,
            MunicipalityRepository municipalities, FormTemplates forms) {
        this.submissions = submissions;
        this.attachments = attachments;
        this.calls = calls;
        this.municipalities = municipalities;
        this.forms = forms;
    }

    /** Inserts a new entry; its entrant's entry for the call, if it has one, wins with a 409. */
    void insert(Submission s) {
        SubmissionAccess.Entrant entrant = new SubmissionAccess.Entrant(s.municipalityId, s.organisation);
        if (submissions.exists(s.callId, s.municipalityId, s.organisation)) {
            throw EntryRules.entryExists(entrant);
        }
        try {
            submissions.persist(s);
            submissions.flush();
        } catch (ConstraintViolationException e) {
            // Inserted by another request a moment ago.
            throw EntryRules.entryExists(entrant);
        }
    }

    /** Gives a municipality's entry to another municipality, which must not have an entry for the call. */
    void moveTo(Submission s, Municipality municipality) {
        SubmissionAccess.Entrant entrant = new SubmissionAccess.Entrant(municipality.id, s.organisation);
        if (submissions.exists(s.callId, municipality.id, s.organisation)) {
            throw EntryRules.entryExists(entrant);
        }
        s.municipalityId = municipality.id;
        try {
            submissions.flush();
        } catch (ConstraintViolationException e) {
            throw EntryRules.entryExists(entrant);
        }
    }

    List<AttachmentView> attachments(UUID submissionId) {
        return attachments.ofSubmission(submissionId).stream().map(AttachmentView::of).toList();
    }

    SubmissionView view(Submission s) {
        return view(s, calls.findById(s.callId), municipalities.findById(s.municipalityId));
    }

    SubmissionView view(Submission s, Call call, Municipality municipality) {
        return SubmissionMapper.toView(s, forms.of(call.formTemplate), municipality, attachments(s.id));
    }
}
