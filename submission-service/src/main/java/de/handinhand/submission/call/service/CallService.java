package de.handinhand.submission.call.service;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.api.CallRequest;
import de.handinhand.submission.call.api.CallView;
import de.handinhand.submission.call.mapping.CallMapper;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.api.FormView;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs calls: organizers create and change them, everyone may read them and their forms; each
 * change is announced on Kafka. The body's rules are {@link CallRequest}'s constraints; what needs
 * the database is here.
 */
@ApplicationScoped
public class CallService {

    private final CallRepository calls;
    private final SubmissionRepository submissions;
    private final FormTemplates forms;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CallService(CallRepository calls, SubmissionRepository submissions, FormTemplates forms,
            OutboxWriter outbox, Clock clock) {
        this.calls = calls;
        this.submissions = submissions;
        this.forms = forms;
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

    private Call require(UUID id) {
        return calls.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Call", id));
    }

    @Transactional
    public CallView create(CallRequest request) {
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
        boolean kindOrForm = call.kind != request.kind() || call.formTemplate != request.formTemplate();
        if (kindOrForm && submissions.count("callId", id) > 0) {
            throw new ConflictException("call-has-entries", "Kind and form of a call cannot change once it has entries");
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
        call.updatedAt = clock.instant();
    }

    /** Every state of a call goes out as handinhand.call.published, in the transaction that made it. */
    private CallView announce(Call call) {
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.CALL_PUBLISHED, call.id.toString(),
                CallMapper.toEvent(call));
        return CallMapper.toView(call, clock.instant());
    }
}
