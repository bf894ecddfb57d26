package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.api.ExtensionRequest;
import de.handinhand.submission.submission.api.SubmissionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * An organizer lets one entry be submitted (and reopened) after the call's deadline, until a given
 * instant before the jury phase ends ({@link EntryRules#requireWindow}); or takes that back. An
 * organizer of a Kreis reaches only the entries of its Kreis's calls ({@link SubmissionAccess#managedForUpdate}).
 */
@ApplicationScoped
public class DeadlineExtensions {

    private final SubmissionAccess access;
    private final CallRepository calls;
    private final EntryStore store;
    private final Clock clock;

    public DeadlineExtensions(SubmissionAccess access, CallRepository calls, EntryStore store, Clock clock) {
        this.access = access;
        this.calls = calls;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public SubmissionView extend(UUID id, ExtensionRequest request) {
        Submission s = access.managedForUpdate(id);
        Call call = calls.findById(s.callId);
        Instant now = clock.instant();
        Errors errors = new Errors();
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
        return store.view(s);
    }

    @Transactional
    public SubmissionView revoke(UUID id) {
        Submission s = access.managedForUpdate(id);
        s.extendedUntil = null;
        s.updatedAt = clock.instant();
        return store.view(s);
    }
}
