package de.handinhand.submission.submission.service;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.BadRequestException;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.FieldError;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.call.service.OrganizerScope;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.api.SubmissionRequest;
import de.handinhand.submission.submission.api.SubmissionSummary;
import de.handinhand.submission.submission.api.SubmissionUpdateRequest;
import de.handinhand.submission.submission.api.SubmissionView;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import de.handinhand.submission.submission.messaging.SubmissionEvents;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An entry of a municipality or of an applicant organisation ({@link SubmissionAccess.Entrant}):
 * DRAFT → SUBMITTED (a numbered, frozen version each time,
 * {@link SubmissionVersions}) → reopened to DRAFT and submitted again while the call is open →
 * WITHDRAWN. Every save checks the answers' shape against the call's form, submit checks
 * completeness; after the deadline only an organizer's extension ({@link DeadlineExtensions}) lets
 * it be submitted. Submit and withdraw write their event into the outbox in the same transaction
 * as the change. Who may enter which call: {@link EntryRules#requireMayEnter} (a Kreis's call only
 * from within the Kreis; applicants only calls of the PROJEKTFOERDERUNG form). Tenant rules:
 * {@link SubmissionAccess}; imported entries: {@link ImportedEntries}.
 */
@ApplicationScoped
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final SubmissionAccess access;
    private final SubmissionVersions versions;
    private final EntryStore store;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final FormTemplates forms;
    private final SubmissionEvents events;
    private final OrganizerScope scope;
    private final Caller caller;
    private final Clock clock;

    public SubmissionService(SubmissionRepository submissions, SubmissionAccess access, SubmissionVersions versions,
            EntryStore store, CallRepository calls, MunicipalityRepository municipalities, FormTemplates forms,
            SubmissionEvents events, OrganizerScope scope, Caller caller, Clock clock) {
        this.submissions = submissions;
        this.access = access;
        this.versions = versions;
        this.store = store;
        this.calls = calls;
        this.municipalities = municipalities;
        this.forms = forms;
        this.events = events;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public SubmissionView create(SubmissionRequest request) {
        SubmissionAccess.Entrant entrant = access.entrant();
        String municipalityId = entrant.municipalityId();
        Municipality municipality = municipalities.findByIdOptional(municipalityId).orElseThrow(
                () -> new ForbiddenException("Municipality " + municipalityId + " of your token is not registered"));
        Call call = calls.findForShare(request.callId())
                .orElseThrow(() -> ValidationException.of("callId", "no call with this id"));
        EntryRules.requireMayEnter(call, entrant, municipality,
                call.kreisId == null ? null : municipalities.findById(call.kreisId));
        Errors errors = new Errors();
        FormValidator.Content content = EntryRules.content(forms.of(call.formTemplate), call, request, errors, false);
        errors.throwIfAny();
        Instant now = clock.instant();
        if (call.phase(now) != CallPhase.OPEN) {
            throw EntryRules.notOpen(call, now);
        }
        Submission s = new Submission();
        s.id = UUID.randomUUID();
        s.callId = call.id;
        s.municipalityId = municipalityId;
        s.organisation = entrant.organisation();
        s.category = entrant.applicant() ? CategoryRule.forOrganisation(call.categoryList())
                : CategoryRule.derive(municipality, call.categoryList());
        s.status = SubmissionStatus.DRAFT;
        s.version = 0;
        EntryRules.apply(content, request.requestedCents(), s);
        s.unplaced = List.of();
        s.createdAt = now;
        s.updatedAt = now;
        s.createdBy = caller.username();
        store.insert(s);
        return store.view(s, call, municipality);
    }

    /** An entrant replaces its draft's content; organizers correct imported entries ({@link ImportedEntries}). */
    @Transactional
    public SubmissionView update(UUID id, SubmissionUpdateRequest update) {
        if (update.municipalityId() != null) {
            // Like every field the server owns: the entry's municipality comes from the token.
            throw new BadRequestException("Unknown field 'municipalityId'", List.of(new FieldError("municipalityId",
                    "is not a known field; an entry belongs to the municipality in your token")));
        }
        Submission s = access.ownForUpdate(id);
        Call call = calls.findById(s.callId);
        SubmissionRequest request = update.content();
        Errors errors = new Errors();
        if (request.callId() != null && !request.callId().equals(s.callId)) {
            errors.add("callId", "cannot change; an entry belongs to its call");
        }
        FormValidator.Content content = EntryRules.content(forms.of(call.formTemplate), call, request, errors, false);
        errors.throwIfAny();
        if (s.status != SubmissionStatus.DRAFT) {
            throw new ConflictException("not-a-draft", "Only a draft can be edited; this entry is " + s.status
                    + (s.status == SubmissionStatus.SUBMITTED ? " (reopen it first)" : ""));
        }
        EntryRules.apply(content, request.requestedCents(), s);
        s.updatedAt = clock.instant();
        return store.view(s, call, municipalities.findById(s.municipalityId));
    }

    public SubmissionView get(UUID id) {
        return store.view(access.readable(id));
    }

    /**
     * An entrant's own entries; an organizer's those of the calls it runs (an organizer of a Kreis:
     * its Kreis's calls; naming another Kreis's call is a 403).
     */
    public Page<SubmissionSummary> list(UUID callId, Page.Request paging) {
        SubmissionRepository.Filter filter;
        if (caller.has(Roles.ORGANIZER)) {
            if (callId != null && scope.kreis().isPresent()) {
                calls.findByIdOptional(callId).ifPresent(scope::requireRuns);
            }
            filter = new SubmissionRepository.Filter(false, null, null, callId, scope.kreis().orElse(null));
        } else {
            SubmissionAccess.Entrant entrant = access.entrant();
            filter = new SubmissionRepository.Filter(true, entrant.municipalityId(), entrant.organisation(), callId,
                    null);
        }
        var query = submissions.search(filter);
        List<SubmissionSummary> items = query.page(paging.page(), paging.size()).list().stream()
                .map(SubmissionMapper::toSummary).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    @Transactional
    public SubmissionView submit(UUID id) {
        Submission s = access.ownForUpdate(id);
        if (s.status != SubmissionStatus.DRAFT) {
            throw new ConflictException("not-a-draft", "Only a draft can be submitted; this entry is " + s.status);
        }
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        EntryRules.requireWindow(call, s, now);
        Form form = forms.of(call.formTemplate);
        Errors errors = new Errors();
        EntryRules.checkComplete(form, call, s, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("incomplete-entry", "The entry is not complete or not valid; every "
                    + "failing question is listed", errors.list());
        }
        s.status = SubmissionStatus.SUBMITTED;
        s.version += 1;
        s.submittedAt = now;
        s.updatedAt = now;
        Municipality municipality = municipalities.findById(s.municipalityId);
        List<AttachmentView> files = versions.freeze(s, call, form, municipality, caller.username(), null);
        return SubmissionMapper.toView(s, form, municipality, files);
    }

    @Transactional
    public SubmissionView reopen(UUID id) {
        Submission s = access.ownForUpdate(id);
        if (s.status != SubmissionStatus.SUBMITTED) {
            throw new ConflictException("not-submitted", "Only a submitted entry can be reopened; this entry is "
                    + s.status);
        }
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        // Reopening makes sense only while it can be submitted again.
        EntryRules.requireWindow(call, s, now);
        s.status = SubmissionStatus.DRAFT;
        s.updatedAt = now;
        return store.view(s, call, municipalities.findById(s.municipalityId));
    }

    @Transactional
    public SubmissionView withdraw(UUID id) {
        Submission s = access.ownForUpdate(id);
        if (s.status == SubmissionStatus.WITHDRAWN) {
            throw new ConflictException("already-withdrawn", "This entry is already withdrawn");
        }
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        if (call.phase(now) == CallPhase.CLOSED) {
            throw new ConflictException("call-closed", "The call is closed; its entries can no longer be withdrawn");
        }
        boolean announced = s.version > 0;
        s.status = SubmissionStatus.WITHDRAWN;
        s.withdrawnAt = now;
        s.updatedAt = now;
        Municipality municipality = municipalities.findById(s.municipalityId);
        if (announced) {
            // Only scoring and catalogue ever saw submitted versions; a draft never submitted concerns nobody else.
            events.withdrawn(s, municipality);
        }
        return store.view(s, call, municipality);
    }
}
