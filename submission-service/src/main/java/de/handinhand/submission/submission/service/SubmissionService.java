package de.handinhand.submission.submission.service;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.BadRequestException;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.FieldError;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.attachment.repository.AttachmentRepository;
import de.handinhand.submission.attachment.rest.AttachmentView;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.DerivedFields;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.SubmissionVersion;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import de.handinhand.submission.submission.messaging.SubmissionEvents;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import de.handinhand.submission.submission.repository.SubmissionVersionRepository;
import de.handinhand.submission.submission.rest.ExtensionRequest;
import de.handinhand.submission.submission.rest.SubmissionRequest;
import de.handinhand.submission.submission.rest.SubmissionSummary;
import de.handinhand.submission.submission.rest.SubmissionUpdateRequest;
import de.handinhand.submission.submission.rest.SubmissionView;
import de.handinhand.submission.submission.rest.VersionSummary;
import de.handinhand.submission.submission.rest.VersionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The entry lifecycle: DRAFT → SUBMITTED (a numbered, frozen version each time) → reopened to
 * DRAFT and submitted again while the call is open → WITHDRAWN. Every save checks the answers'
 * shape against the call's form, submit checks completeness; after the deadline only an
 * organizer's extension for this entry lets it be submitted. Submit and withdraw write their
 * event into the outbox in the same transaction as the change. Tenant rules: {@link SubmissionAccess}.
 */
@ApplicationScoped
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final SubmissionVersionRepository versions;
    private final SubmissionAccess access;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final AttachmentRepository attachments;
    private final FormTemplates forms;
    private final SubmissionEvents events;
    private final Caller caller;
    private final Clock clock;

    public SubmissionService(SubmissionRepository submissions, SubmissionVersionRepository versions,
            SubmissionAccess access, CallRepository calls, MunicipalityRepository municipalities,
            AttachmentRepository attachments, FormTemplates forms, SubmissionEvents events, Caller caller,
            Clock clock) {
        this.submissions = submissions;
        this.versions = versions;
        this.access = access;
        this.calls = calls;
        this.municipalities = municipalities;
        this.attachments = attachments;
        this.forms = forms;
        this.events = events;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public SubmissionView create(SubmissionRequest request) {
        String municipalityId = caller.requireMunicipality();
        Municipality municipality = municipalities.findByIdOptional(municipalityId).orElseThrow(
                () -> new ForbiddenException("Municipality " + municipalityId + " of your token is not registered"));
        Errors errors = new Errors();
        if (request == null) {
            errors.add("body", "is required").throwIfAny();
        }
        Call call = null;
        if (request.callId() == null) {
            errors.add("callId", "is required");
        } else {
            call = calls.findForShare(request.callId()).orElse(null);
            if (call == null) {
                errors.add("callId", "no call with this id");
            }
        }
        if (call == null) {
            errors.requireText("title", request.title(), 300).throwIfAny();
        }
        FormValidator.Content content = content(call, request, errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        if (call.phase(now) != CallPhase.OPEN) {
            throw notOpen(call, now);
        }
        if (submissions.exists(call.id, municipalityId)) {
            throw entryExists(municipalityId);
        }
        Submission s = new Submission();
        s.id = UUID.randomUUID();
        s.callId = call.id;
        s.municipalityId = municipalityId;
        s.category = CategoryRule.derive(municipality, call.categoryList());
        s.status = SubmissionStatus.DRAFT;
        s.version = 0;
        apply(content, request.requestedCents(), s);
        s.unplaced = List.of();
        s.createdAt = now;
        s.updatedAt = now;
        s.createdBy = caller.username();
        persistNew(s);
        return view(s, call, municipality);
    }

    /** A municipality replaces its draft's content; organizers correct imported entries ({@link ImportCorrection}). */
    @Transactional
    public SubmissionView update(UUID id, SubmissionUpdateRequest update) {
        if (update != null && update.municipalityId() != null) {
            // Like every field the server owns: the entry's municipality comes from the token.
            throw new BadRequestException("Unknown field 'municipalityId'", List.of(new FieldError("municipalityId",
                    "is not a known field; an entry belongs to the municipality in your token")));
        }
        Submission s = access.ownForUpdate(id);
        Call call = calls.findById(s.callId);
        Errors errors = new Errors();
        if (update == null) {
            errors.add("body", "is required").throwIfAny();
        }
        SubmissionRequest request = update.content();
        if (request.callId() != null && !request.callId().equals(s.callId)) {
            errors.add("callId", "cannot change; an entry belongs to its call");
        }
        FormValidator.Content content = content(call, request, errors);
        errors.throwIfAny();
        if (s.status != SubmissionStatus.DRAFT) {
            throw new ConflictException("not-a-draft", "Only a draft can be edited; this entry is " + s.status
                    + (s.status == SubmissionStatus.SUBMITTED ? " (reopen it first)" : ""));
        }
        apply(content, request.requestedCents(), s);
        s.updatedAt = clock.instant();
        return view(s, call, municipalities.findById(s.municipalityId));
    }

    public SubmissionView get(UUID id) {
        Submission s = access.readable(id);
        return view(s, calls.findById(s.callId), municipalities.findById(s.municipalityId));
    }

    public Page<SubmissionSummary> list(UUID callId, Page.Request paging) {
        String municipality = caller.has(Roles.ORGANIZER) ? null : caller.requireMunicipality();
        var query = submissions.search(municipality, callId);
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
        requireWindow(call, s, now);
        Form form = forms.of(call.formTemplate);
        Errors errors = new Errors();
        FormValidator.checkComplete(form, new FormValidator.Content(s.title, s.summary, s.description, s.answers,
                s.projects), errors);
        checkRequestedAmount(call, s.requestedCents, errors, true);
        if (!errors.isEmpty()) {
            throw new ValidationException("incomplete-entry", "The entry is not complete or not valid; every "
                    + "failing question is listed", errors.list());
        }
        s.status = SubmissionStatus.SUBMITTED;
        s.version += 1;
        s.submittedAt = now;
        s.updatedAt = now;
        Municipality municipality = municipalities.findById(s.municipalityId);
        List<AttachmentView> files = freeze(s, call, form, municipality, caller.username());
        return SubmissionMapper.toView(s, form, municipality, files);
    }

    /**
     * Freezes the entry's current state as its new version and announces it; also used by the
     * legacy import, whose entries arrive submitted. The snapshot is built once: the event carries
     * it, the version row stores the same JSON. Returns the entry's attachments.
     */
    public List<AttachmentView> freeze(Submission s, Call call, Form form, Municipality municipality, String by) {
        return freeze(s, call, form, municipality, by, null, null);
    }

    /**
     * The same for a version an organizer made by correcting the entry: {@code submittedBy} is who
     * submitted the entry, {@code correctedAt} and {@code correctedBy} record the correction.
     */
    List<AttachmentView> freeze(Submission s, Call call, Form form, Municipality municipality, String submittedBy,
            Instant correctedAt, String correctedBy) {
        List<AttachmentView> files = attachments.ofSubmission(s.id).stream().map(AttachmentView::of).toList();
        JsonNode snapshot = events.submitted(s, call, form, municipality, files);
        versions.insert(s.id, s.version, CloudEventCodec.json(snapshot), s.submittedAt, submittedBy, correctedAt,
                correctedBy);
        return files;
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
        requireWindow(call, s, now);
        s.status = SubmissionStatus.DRAFT;
        s.updatedAt = now;
        return view(s, call, municipalities.findById(s.municipalityId));
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
        return view(s, call, municipality);
    }

    public Page<VersionSummary> versions(UUID id, Page.Request paging) {
        Submission s = access.readable(id);
        var query = versions.ofSubmission(s.id);
        List<VersionSummary> items = query.page(paging.page(), paging.size()).list().stream()
                .map(v -> new VersionSummary(v.key.version(), v.submittedAt, v.submittedBy, v.correctedAt,
                        v.correctedBy))
                .toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    public VersionView version(UUID id, int number) {
        Submission s = access.readable(id);
        SubmissionVersion v = versions.findByIdOptional(new SubmissionVersion.Key(s.id, number))
                .orElseThrow(() -> NotFoundException.of("Version", number + " of submission " + id));
        return new VersionView(v.key.version(), v.submittedAt, v.submittedBy, v.correctedAt, v.correctedBy,
                v.snapshot);
    }

    /** An organizer lets one entry be submitted after the deadline, until {@code until}. */
    @Transactional
    public SubmissionView extend(UUID id, ExtensionRequest request) {
        Errors errors = new Errors();
        if (request == null || request.until() == null) {
            errors.add("until", "is required").throwIfAny();
        }
        errors.optionalText("reason", request.reason(), 500);
        Submission s = access.anyForUpdate(id);
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        if (!request.until().isAfter(now)) {
            errors.add("until", "must be in the future");
        }
        if (!request.until().isAfter(call.deadline)) {
            errors.add("until", "must be after the call's deadline " + call.deadline);
        }
        if (request.until().isAfter(call.juryEndsAt)) {
            errors.add("until", "must not be after the jury phase ends (" + call.juryEndsAt + ")");
        }
        errors.throwIfAny();
        if (s.status == SubmissionStatus.WITHDRAWN) {
            throw new ConflictException("already-withdrawn", "A withdrawn entry cannot be extended");
        }
        s.extendedUntil = request.until();
        s.updatedAt = now;
        return view(s, call, municipalities.findById(s.municipalityId));
    }

    @Transactional
    public SubmissionView revokeExtension(UUID id) {
        Submission s = access.anyForUpdate(id);
        s.extendedUntil = null;
        s.updatedAt = clock.instant();
        return view(s, calls.findById(s.callId), municipalities.findById(s.municipalityId));
    }

    /** The call is open, or the deadline passed but this entry has an organizer's extension that still runs. */
    static void requireWindow(Call call, Submission s, Instant now) {
        CallPhase phase = call.phase(now);
        boolean extended = s.extendedUntil != null && now.isBefore(s.extendedUntil) && phase != CallPhase.CLOSED;
        if (phase != CallPhase.OPEN && !extended) {
            throw notOpen(call, now);
        }
    }

    static ConflictException notOpen(Call call, Instant now) {
        CallPhase phase = call.phase(now);
        String when = phase == CallPhase.UPCOMING ? "it opens at " + call.opensAt
                : "its deadline passed at " + call.deadline + "; only an organizer's extension allows a late submit";
        return new ConflictException("call-not-open",
                "The call '" + call.title + "' is not open for entries (" + phase + "; " + when + ")");
    }

    static ConflictException entryExists(String municipalityId) {
        return new ConflictException("entry-exists",
                "Municipality " + municipalityId + " already has an entry for this call; edit that one");
    }

    /** Inserts a new entry; a concurrent insert for the same municipality and call loses with a 409. */
    public void persistNew(Submission s) {
        try {
            submissions.persist(s);
            submissions.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw entryExists(s.municipalityId);
        }
    }

    private FormValidator.Content content(Call call, SubmissionRequest request, Errors errors) {
        errors.requireText("title", request.title(), 300);
        if (call == null) {
            return null;
        }
        checkRequestedAmount(call, request.requestedCents(), errors, false);
        return FormValidator.normalise(forms.of(call.formTemplate), new FormValidator.Content(request.title(),
                request.summary(), request.description(), request.answers(),
                SubmissionMapper.projects(request.projects())), errors);
    }

    static void checkRequestedAmount(Call call, Long requested, Errors errors, boolean complete) {
        if (call.kind != CallKind.FUNDING) {
            if (requested != null) {
                errors.add("requestedCents", "only entries to funding calls ask for an amount");
            }
            return;
        }
        if (requested == null) {
            if (complete) {
                errors.add("requestedCents", "is required for a funding call");
            }
        } else if (requested <= 0) {
            errors.add("requestedCents", "must be more than 0 euro cents");
        } else if (call.budgetCents != null && requested > call.budgetCents) {
            errors.add("requestedCents", "exceeds the call's budget of " + call.budgetCents + " cents");
        }
    }

    static void apply(FormValidator.Content content, Long requestedCents, Submission s) {
        s.derived = DerivedFields.unchanged(s, content);
        s.title = content.title();
        s.summary = content.summary();
        s.description = content.description();
        s.answers = content.answers();
        s.projects = content.projects();
        s.requestedCents = requestedCents;
    }

    SubmissionView view(Submission s, Call call, Municipality municipality) {
        List<AttachmentView> files = attachments.ofSubmission(s.id).stream().map(AttachmentView::of).toList();
        return SubmissionMapper.toView(s, forms.of(call.formTemplate), municipality, files);
    }
}
