package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.api.SubmissionRequest;
import de.handinhand.submission.submission.api.SubmissionUpdateRequest;
import de.handinhand.submission.submission.api.SubmissionView;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Entries that come from the legacy import, and an organizer's corrections of them.
 * <p>
 * {@link #register} stores what the import read as a submitted entry (version 1, marked imported,
 * its source text kept) and announces it, like a submit.
 * <p>
 * {@link #correct} lets an organizer fix what the import read wrongly: content and municipality.
 * The entry is submitted, so the whole body must pass the form as a submit would (shape and
 * completeness); the correction becomes the next numbered version, frozen with who corrected it and
 * when, and announced with a new submitted event, all in one transaction. An organizer of a Kreis
 * corrects only entries of its Kreis's calls, and within the Kreis. Entries a municipality
 * made itself stay the municipality's (403). A withdrawn entry, or one its municipality has
 * reopened, is not corrected (409): a new submitted event would bring back an entry its
 * municipality withdrew, or overwrite its own draft. Once the call is closed its entries are final
 * (409), as for a withdrawal.
 */
@ApplicationScoped
public class ImportedEntries {

    /**
     * What the import read from one text export, fitted to the call's form: the content, the text it
     * could not place, the paths of the values it derived rather than read, and the text itself.
     */
    public record Imported(Call call, Municipality municipality, FormValidator.Content content, List<String> unplaced,
            List<String> derived, String sourceText) {
    }

    private final SubmissionAccess access;
    private final SubmissionVersions versions;
    private final EntryStore store;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final FormTemplates forms;
    private final Caller caller;
    private final Clock clock;

    public ImportedEntries(SubmissionAccess access, SubmissionVersions versions, EntryStore store,
            CallRepository calls, MunicipalityRepository municipalities, FormTemplates forms, Caller caller,
            Clock clock) {
        this.access = access;
        this.versions = versions;
        this.store = store;
        this.calls = calls;
        this.municipalities = municipalities;
        this.forms = forms;
        this.caller = caller;
        this.clock = clock;
    }

    /** Stores and announces an imported entry; 409 if its municipality has an entry for the call already. */
    @Transactional
    public SubmissionView register(Imported imported) {
        Call call = imported.call();
        Municipality municipality = imported.municipality();
        Instant now = clock.instant();
        Submission s = new Submission();
        s.id = UUID.randomUUID();
        s.callId = call.id;
        s.municipalityId = municipality.id;
        s.category = CategoryRule.derive(municipality, call.categoryList());
        EntryRules.apply(imported.content(), null, s);
        s.derived = List.copyOf(imported.derived());
        s.imported = true;
        s.sourceText = imported.sourceText();
        s.unplaced = List.copyOf(imported.unplaced());
        s.status = SubmissionStatus.SUBMITTED;
        s.version = 1;
        s.submittedAt = now;
        s.createdAt = now;
        s.updatedAt = now;
        s.createdBy = caller.username();
        store.insert(s);
        Form form = forms.of(call.formTemplate);
        List<AttachmentView> files = versions.freeze(s, call, form, municipality, caller.username(), null);
        return SubmissionMapper.toView(s, form, municipality, files);
    }

    @Transactional
    public SubmissionView correct(UUID id, SubmissionUpdateRequest update) {
        if (!caller.has(Roles.ORGANIZER)) {
            throw new ForbiddenException("Only organizers correct imported entries");
        }
        Submission s = access.managedForUpdate(id);
        if (!s.imported) {
            throw new ForbiddenException("Organizers correct imported entries only; entry " + id
                    + " is its municipality's own, and only the municipality changes it");
        }
        if (s.status != SubmissionStatus.SUBMITTED) {
            throw new ConflictException(s.status == SubmissionStatus.WITHDRAWN ? "already-withdrawn" : "not-submitted",
                    s.status == SubmissionStatus.WITHDRAWN
                            ? "The entry was withdrawn by its municipality and cannot be corrected"
                            : "The municipality has reopened the entry; it is theirs to change and submit");
        }
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        if (call.phase(now) == CallPhase.CLOSED) {
            throw new ConflictException("call-closed", "The call is closed; its entries can no longer be corrected");
        }

        SubmissionRequest request = update.content();
        Errors errors = new Errors();
        if (request.callId() != null && !request.callId().equals(s.callId)) {
            errors.add("callId", "cannot change; an entry belongs to its call");
        }
        String municipalityId = update.municipalityId() == null ? s.municipalityId : update.municipalityId();
        Municipality municipality = municipalities.findByIdOptional(municipalityId).orElse(null);
        if (municipality == null) {
            errors.add("municipalityId", "no registered municipality " + municipalityId);
        } else if (call.kreisId != null && !call.kreisId.equals(municipality.kreisId)) {
            errors.add("municipalityId", municipality.name + " (" + municipality.id + ") lies in Kreis "
                    + municipality.kreisId + "; the call is run by Kreis " + call.kreisId
                    + " and takes entries from its municipalities only");
        }
        Form form = forms.of(call.formTemplate);
        FormValidator.Content content = EntryRules.content(form, call, request, errors, true);
        if (!errors.isEmpty()) {
            throw new ValidationException("incomplete-entry", "The corrected entry is not complete or not valid; "
                    + "every failing field is listed", errors.list());
        }

        if (!municipality.id.equals(s.municipalityId)) {
            store.moveTo(s, municipality);
        }
        s.category = CategoryRule.derive(municipality, call.categoryList());
        EntryRules.apply(content, request.requestedCents(), s);
        s.version += 1;
        s.updatedAt = now;
        // The entry was submitted when it was imported; the correction does not make it late or new.
        String submittedBy = versions.submittedBy(s, s.version - 1);
        List<AttachmentView> files = versions.freeze(s, call, form, municipality, submittedBy,
                new SubmissionVersions.Correction(now, caller.username()));
        return SubmissionMapper.toView(s, form, municipality, files);
    }
}
