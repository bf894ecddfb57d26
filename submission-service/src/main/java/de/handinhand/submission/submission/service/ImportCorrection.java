package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
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
import de.handinhand.submission.submission.SubmissionVersion;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import de.handinhand.submission.submission.repository.SubmissionVersionRepository;
import de.handinhand.submission.submission.rest.SubmissionRequest;
import de.handinhand.submission.submission.rest.SubmissionUpdateRequest;
import de.handinhand.submission.submission.rest.SubmissionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An organizer corrects what the legacy import read wrongly: content and municipality of an
 * imported entry. The entry is submitted, so the whole body must pass the form as a submit would
 * (shape and completeness); the correction becomes the next numbered version, frozen with who
 * corrected it and when, and announced with a new submitted event, all in one transaction.
 * Entries a municipality made itself stay the municipality's (403). A withdrawn entry, or one its
 * municipality has reopened, is not corrected (409): a new submitted event would bring back an
 * entry its municipality withdrew, or overwrite its own draft. Once the call is closed its entries
 * are final (409), as for a withdrawal.
 */
@ApplicationScoped
public class ImportCorrection {

    private final SubmissionService lifecycle;
    private final SubmissionAccess access;
    private final SubmissionRepository submissions;
    private final SubmissionVersionRepository versions;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final FormTemplates forms;
    private final Caller caller;
    private final Clock clock;

    public ImportCorrection(SubmissionService lifecycle, SubmissionAccess access, SubmissionRepository submissions,
            SubmissionVersionRepository versions, CallRepository calls, MunicipalityRepository municipalities,
            FormTemplates forms, Caller caller, Clock clock) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.submissions = submissions;
        this.versions = versions;
        this.calls = calls;
        this.municipalities = municipalities;
        this.forms = forms;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public SubmissionView correct(UUID id, SubmissionUpdateRequest update) {
        if (!caller.has(Roles.ORGANIZER)) {
            throw new ForbiddenException("Only organizers correct imported entries");
        }
        Submission s = access.anyForUpdate(id);
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

        Errors errors = new Errors();
        if (update == null) {
            errors.add("body", "is required").throwIfAny();
        }
        SubmissionRequest request = update.content();
        if (request.callId() != null && !request.callId().equals(s.callId)) {
            errors.add("callId", "cannot change; an entry belongs to its call");
        }
        Municipality municipality = municipalities.findById(s.municipalityId);
        if (update.municipalityId() != null) {
            municipality = municipalities.findByIdOptional(update.municipalityId().strip()).orElse(null);
            if (municipality == null) {
                errors.add("municipalityId", "no registered municipality " + update.municipalityId());
            }
        }
        Form form = forms.of(call.formTemplate);
        errors.requireText("title", request.title(), 300);
        SubmissionService.checkRequestedAmount(call, request.requestedCents(), errors, true);
        FormValidator.Content content = FormValidator.normaliseComplete(form, new FormValidator.Content(
                request.title(), request.summary(), request.description(), request.answers(),
                SubmissionMapper.projects(request.projects())), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("incomplete-entry", "The corrected entry is not complete or not valid; "
                    + "every failing field is listed", errors.list());
        }

        if (!municipality.id.equals(s.municipalityId)) {
            if (submissions.exists(call.id, municipality.id)) {
                throw SubmissionService.entryExists(municipality.id);
            }
            s.municipalityId = municipality.id;
            try {
                submissions.flush();
            } catch (org.hibernate.exception.ConstraintViolationException e) {
                // Another entry for that municipality and call was made a moment ago.
                throw SubmissionService.entryExists(municipality.id);
            }
        }
        s.category = CategoryRule.derive(municipality, call.categoryList());
        SubmissionService.apply(content, request.requestedCents(), s);
        s.version += 1;
        s.updatedAt = now;
        // The entry was submitted when it was imported; the correction does not make it late or new.
        String submittedBy = versions.findByIdOptional(new SubmissionVersion.Key(s.id, s.version - 1))
                .map(v -> v.submittedBy).orElse(s.createdBy);
        lifecycle.freeze(s, call, form, municipality, submittedBy, now, caller.username());
        return lifecycle.view(s, call, municipality);
    }
}
