package de.handinhand.submission.call.service;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.mapping.CallMapper;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.call.rest.CallRequest;
import de.handinhand.submission.call.rest.CallView;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Runs calls: organizers create and change them, everyone may read them; each change is announced on Kafka. */
@ApplicationScoped
public class CallService {

    static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    static final int MAX_CATEGORIES = 20;

    private final CallRepository calls;
    private final SubmissionRepository submissions;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CallService(CallRepository calls, SubmissionRepository submissions, OutboxWriter outbox, Clock clock) {
        this.calls = calls;
        this.submissions = submissions;
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

    public Call require(UUID id) {
        return calls.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Call", id));
    }

    @Transactional
    public CallView create(CallRequest request) {
        validate(request);
        Instant now = clock.instant();
        Call call = new Call();
        call.id = UUID.randomUUID();
        call.title = request.title().strip();
        call.kind = request.kind();
        call.formTemplate = request.formTemplate();
        call.opensAt = request.opensAt();
        call.deadline = request.deadline();
        call.juryEndsAt = request.juryEndsAt();
        call.resultsAt = request.resultsAt();
        call.categories = request.categories().toArray(String[]::new);
        call.budgetCents = request.budgetCents();
        call.createdAt = now;
        call.updatedAt = now;
        calls.persist(call);
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.CALL_PUBLISHED, call.id.toString(),
                CallMapper.toEvent(call));
        return CallMapper.toView(call, now);
    }

    @Transactional
    public CallView update(UUID id, CallRequest request) {
        validate(request);
        Call call = calls.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> NotFoundException.of("Call", id));
        boolean kindOrForm = call.kind != request.kind() || call.formTemplate != request.formTemplate();
        if (kindOrForm && submissions.count("callId", id) > 0) {
            throw new de.handinhand.common.web.problem.ConflictException("call-has-entries",
                    "Kind and form of a call cannot change once it has entries");
        }
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
        outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.CALL_PUBLISHED, call.id.toString(),
                CallMapper.toEvent(call));
        return CallMapper.toView(call, clock.instant());
    }

    static void validate(CallRequest request) {
        Errors errors = new Errors();
        if (request == null) {
            errors.add("body", "is required").throwIfAny();
        }
        errors.requireText("title", request.title(), 300)
                .require("kind", request.kind())
                .require("formTemplate", request.formTemplate())
                .require("opensAt", request.opensAt())
                .require("deadline", request.deadline())
                .require("juryEndsAt", request.juryEndsAt())
                .plausibleInstant("opensAt", request.opensAt())
                .plausibleInstant("deadline", request.deadline())
                .plausibleInstant("juryEndsAt", request.juryEndsAt())
                .plausibleInstant("resultsAt", request.resultsAt());
        if (request.opensAt() != null && request.deadline() != null && !request.opensAt().isBefore(request.deadline())) {
            errors.add("deadline", "must be after opensAt");
        }
        if (request.deadline() != null && request.juryEndsAt() != null
                && !request.deadline().isBefore(request.juryEndsAt())) {
            errors.add("juryEndsAt", "must be after deadline");
        }
        if (request.resultsAt() != null && request.juryEndsAt() != null
                && request.resultsAt().isBefore(request.juryEndsAt())) {
            errors.add("resultsAt", "must not be before juryEndsAt");
        }
        List<String> categories = request.categories();
        if (categories == null || categories.isEmpty()) {
            errors.add("categories", "at least one category is required");
        } else if (categories.size() > MAX_CATEGORIES) {
            errors.add("categories", "at most " + MAX_CATEGORIES + " categories");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < categories.size(); i++) {
                String code = categories.get(i);
                if (code == null || !CATEGORY.matcher(code).matches()) {
                    errors.add("categories[" + i + "]", "must be an upper-case code such as STADT_GROSS");
                } else if (!seen.add(code)) {
                    errors.add("categories[" + i + "]", "duplicate category " + code);
                }
            }
        }
        if (request.kind() == CallKind.FUNDING) {
            if (request.budgetCents() == null || request.budgetCents() <= 0) {
                errors.add("budgetCents", "a funding call needs a budget in euro cents greater than 0");
            }
        } else if (request.budgetCents() != null) {
            errors.add("budgetCents", "only FUNDING calls have a budget");
        }
        errors.throwIfAny();
    }
}
