package de.handinhand.submission.call.service;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.api.CallRequest;
import de.handinhand.submission.call.api.CallView;
import de.handinhand.submission.call.mapping.CallMapper;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.api.FormView;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs calls: organizers create and change them (an organizer of a Kreis only that Kreis's calls,
 * {@link OrganizerScope}), everyone may read them and their forms; each change is announced on
 * Kafka. The body's rules are {@link CallRequest}'s constraints; what needs the database or the
 * token is here.
 */
@ApplicationScoped
public class CallService {

    private final CallRepository calls;
    private final SubmissionRepository submissions;
    private final MunicipalityRepository municipalities;
    private final FormTemplates forms;
    private final OrganizerScope scope;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CallService(CallRepository calls, SubmissionRepository submissions, MunicipalityRepository municipalities,
            FormTemplates forms, OrganizerScope scope, OutboxWriter outbox, Clock clock) {
        this.calls = calls;
        this.submissions = submissions;
        this.municipalities = municipalities;
        this.forms = forms;
        this.scope = scope;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Page<CallView> list(Page.Request paging) {
        Instant now = clock.instant();
        List<CallView> items = calls.page(paging.page(), paging.size()).stream()
                .map(call -> CallMapper.toView(call, now))
                .toList();
        return new Page<>(items, calls.count(), paging.page(), paging.size());
    }

    public CallView get(UUID id) {
        return CallMapper.toView(require(id), clock.instant());
    }

    public FormView form(UUID id) {
        return FormView.of(forms.of(require(id).formTemplate));
    }

    /** The form of the final report the call's funded projects file; 404 for a call whose form has none. */
    public FormView reportForm(UUID id) {
        Call call = require(id);
        return call.formTemplate.reportForm().map(forms::of).map(FormView::of)
                .orElseThrow(() -> new NotFoundException("Call " + id + " (form " + call.formTemplate
                        + ") has no final report; only PROJEKTFOERDERUNG calls do"));
    }

    private Call require(UUID id) {
        return calls.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Call", id));
    }

    @Transactional
    public CallView create(CallRequest request) {
        scope.requireMayAssign(request.kreisId());
        requireRegisteredKreis(request.kreisId());
        Call call = new Call();
        call.id = UUID.randomUUID();
        apply(request, call);
        call.createdAt = call.updatedAt;
        calls.persist(call);
        return announce(call);
    }

    @Transactional
    public CallView update(UUID id, CallRequest request) {
        Call call = calls.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> NotFoundException.of("Call", id));
        scope.requireRuns(call);
        scope.requireMayAssign(request.kreisId());
        requireRegisteredKreis(request.kreisId());
        // Who entered depended on the Kreis (only its municipalities and initiatives), what they
        // answered on kind and form: none of them changes under existing entries.
        boolean fixed = call.kind != request.kind() || call.formTemplate != request.formTemplate()
                || !Objects.equals(call.kreisId, request.kreisId());
        if (fixed && submissions.count("callId", id) > 0) {
            throw new ConflictException("call-has-entries",
                    "Kind, form and Kreis of a call cannot change once it has entries");
        }
        apply(request, call);
        return announce(call);
    }

    private void apply(CallRequest request, Call call) {
        call.title = request.title().strip();
        call.kind = request.kind();
        call.formTemplate = request.formTemplate();
        call.opensAt = request.opensAt();
        call.deadline = request.deadline();
        call.juryEndsAt = request.juryEndsAt();
        call.resultsAt = request.resultsAt();
        call.categories = request.categories().toArray(String[]::new);
        call.budgetCents = request.budgetCents();
        call.kreisId = request.kreisId();
        call.updatedAt = clock.instant();
    }

    /** A Kreis that runs calls is registered as its own Kreis: a Landkreis, or a kreisfreie Stadt. */
    private void requireRegisteredKreis(String kreisId) {
        if (kreisId == null) {
            return;
        }
        Municipality kreis = municipalities.findByIdOptional(kreisId).orElse(null);
        if (kreis == null || !kreisId.equals(kreis.kreisId)) {
            throw ValidationException.of("kreisId", kreis == null ? "no registered Kreis " + kreisId
                    : kreisId + " (" + kreis.name + ") is registered, but not as a Kreis of its own");
        }
    }

    /** Every state of a call goes out as handinhand.call.published, in the transaction that made it. */
    private CallView announce(Call call) {
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.CALL_PUBLISHED, call.id.toString(),
                CallMapper.toEvent(call));
        return CallMapper.toView(call, clock.instant());
    }
}
