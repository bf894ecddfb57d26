package de.handinhand.submission.submission.service;

import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.SubmissionVersion;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import de.handinhand.submission.submission.messaging.SubmissionEvents;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import de.handinhand.submission.submission.repository.SubmissionVersionRepository;
import de.handinhand.submission.submission.rest.SubmissionRequest;
import de.handinhand.submission.submission.rest.SubmissionSummary;
import de.handinhand.submission.submission.rest.SubmissionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The entry lifecycle DRAFT → SUBMITTED → WITHDRAWN. Every method decides access itself: a
 * submitter reaches only entries of the municipality in its token (others' entries do not exist
 * for it: 404), an organizer reaches all. Submit and withdraw write their event into the outbox in
 * the same transaction as the status change.
 */
@ApplicationScoped
public class SubmissionService {

    private final SubmissionRepository submissions;
    private final SubmissionVersionRepository versions;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final SubmissionEvents events;
    private final Caller caller;
    private final Clock clock;

    public SubmissionService(SubmissionRepository submissions, SubmissionVersionRepository versions,
            CallRepository calls, MunicipalityRepository municipalities, SubmissionEvents events, Caller caller,
            Clock clock) {
        this.submissions = submissions;
        this.versions = versions;
        this.calls = calls;
        this.municipalities = municipalities;
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
            call = calls.findByIdOptional(request.callId()).orElse(null);
            if (call == null) {
                errors.add("callId", "no call with this id");
            }
        }
        Content content = content(request, errors);
        errors.throwIfAny();
        requireOpen(call, clock.instant());
        if (submissions.exists(call.id, municipalityId)) {
            throw new ConflictException("entry-exists",
                    "Municipality " + municipalityId + " already has an entry for this call; edit that one");
        }
        Instant now = clock.instant();
        Submission s = new Submission();
        s.id = UUID.randomUUID();
        s.callId = call.id;
        s.municipalityId = municipalityId;
        s.category = CategoryRule.derive(municipality, call.categories);
        s.status = SubmissionStatus.DRAFT;
        s.version = 0;
        content.applyTo(s);
        s.createdAt = now;
        s.updatedAt = now;
        s.createdBy = caller.username();
        try {
            submissions.persist(s);
            submissions.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            // A concurrent create for the same municipality and call won the race.
            throw new ConflictException("entry-exists",
                    "Municipality " + municipalityId + " already has an entry for this call; edit that one");
        }
        return SubmissionMapper.toView(s, municipality);
    }

    @Transactional
    public SubmissionView update(UUID id, SubmissionRequest request) {
        Submission s = ownForUpdate(id);
        Errors errors = new Errors();
        if (request == null) {
            errors.add("body", "is required").throwIfAny();
        }
        if (request.callId() != null && !request.callId().equals(s.callId)) {
            errors.add("callId", "cannot change; an entry belongs to its call");
        }
        Content content = content(request, errors);
        errors.throwIfAny();
        if (s.status != SubmissionStatus.DRAFT) {
            throw new ConflictException("not-a-draft", "Only a draft can be edited; this entry is " + s.status);
        }
        content.applyTo(s);
        s.updatedAt = clock.instant();
        return SubmissionMapper.toView(s, municipalities.findById(s.municipalityId));
    }

    public SubmissionView get(UUID id) {
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        checkRead(s);
        return SubmissionMapper.toView(s, municipalities.findById(s.municipalityId));
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
        Submission s = ownForUpdate(id);
        if (s.status != SubmissionStatus.DRAFT) {
            throw new ConflictException("not-a-draft", "Only a draft can be submitted; this entry is " + s.status);
        }
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        requireOpen(call, now);
        Errors errors = new Errors();
        errors.requireText("title", s.title, 300).requireText("summary", s.summary, 5000);
        if (!errors.isEmpty()) {
            throw new ValidationException("incomplete-entry", "The entry is not complete", errors.list());
        }
        Municipality municipality = municipalities.findById(s.municipalityId);
        s.status = SubmissionStatus.SUBMITTED;
        s.version += 1;
        s.submittedAt = now;
        s.updatedAt = now;
        SubmissionSubmitted snapshot = events.submitted(s, call, municipality);
        SubmissionVersion frozen = new SubmissionVersion();
        frozen.key = new SubmissionVersion.Key(s.id, s.version);
        frozen.snapshot = SubmissionEvents.asMap(snapshot);
        frozen.submittedAt = now;
        frozen.submittedBy = caller.username();
        versions.persist(frozen);
        return SubmissionMapper.toView(s, municipality);
    }

    @Transactional
    public SubmissionView withdraw(UUID id) {
        Submission s = ownForUpdate(id);
        if (s.status == SubmissionStatus.WITHDRAWN) {
            throw new ConflictException("already-withdrawn", "This entry is already withdrawn");
        }
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        if (call.phase(now) == CallPhase.CLOSED) {
            throw new ConflictException("call-closed", "The call is closed; its entries can no longer be withdrawn");
        }
        boolean wasSubmitted = s.status == SubmissionStatus.SUBMITTED || s.version > 0;
        s.status = SubmissionStatus.WITHDRAWN;
        s.withdrawnAt = now;
        s.updatedAt = now;
        Municipality municipality = municipalities.findById(s.municipalityId);
        if (wasSubmitted) {
            // Only scoring and catalogue ever saw submitted entries; a withdrawn draft concerns nobody else.
            events.withdrawn(s, municipality);
        }
        return SubmissionMapper.toView(s, municipality);
    }

    /** The caller's own entry, locked for a change; organizers do not change entries of municipalities. */
    private Submission ownForUpdate(UUID id) {
        String municipalityId = caller.requireMunicipality();
        Submission s = submissions.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (!s.municipalityId.equals(municipalityId)) {
            throw NotFoundException.of("Submission", id);
        }
        return s;
    }

    private void checkRead(Submission s) {
        if (caller.has(Roles.ORGANIZER)) {
            return;
        }
        if (!s.municipalityId.equals(caller.requireMunicipality())) {
            throw NotFoundException.of("Submission", s.id);
        }
    }

    private static void requireOpen(Call call, Instant now) {
        CallPhase phase = call.phase(now);
        if (phase != CallPhase.OPEN) {
            String when = phase == CallPhase.UPCOMING ? "it opens at " + call.opensAt
                    : "its deadline passed at " + call.deadline;
            throw new ConflictException("call-not-open",
                    "The call '" + call.title + "' is not open for entries (" + phase + "; " + when + ")");
        }
    }

    private static Content content(SubmissionRequest request, Errors errors) {
        errors.requireText("title", request.title(), 300)
                .optionalText("summary", request.summary(), 5000)
                .optionalText("description", request.description(), 100_000);
        Map<String, Object> answers = AnswerShape.answers("answers", request.answers(), AnswerShape.QUESTION_CODE,
                errors);
        List<Map<String, Object>> projects = SubmissionMapper.projects(request.projects());
        if (projects.size() > AnswerShape.MAX_PROJECTS) {
            errors.add("projects", "at most " + AnswerShape.MAX_PROJECTS + " single projects");
        }
        List<Map<String, Object>> cleanProjects = new java.util.ArrayList<>();
        for (int i = 0; i < projects.size() && i < AnswerShape.MAX_PROJECTS; i++) {
            cleanProjects.add(AnswerShape.answers("projects[" + i + "].answers", projects.get(i),
                    AnswerShape.PROJECT_CODE, errors));
        }
        return new Content(request.title(), request.summary(), request.description(), answers, cleanProjects);
    }

    private record Content(String title, String summary, String description, Map<String, Object> answers,
            List<Map<String, Object>> projects) {

        void applyTo(Submission s) {
            s.title = title == null ? null : title.strip();
            s.summary = summary;
            s.description = description;
            s.answers = answers;
            s.projects = projects;
        }
    }
}
