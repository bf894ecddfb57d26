package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.submission.DerivedFields;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.api.SubmissionRequest;
import de.handinhand.submission.submission.mapping.SubmissionMapper;
import java.time.Instant;

/**
 * The rules of an entry that need its call or its form, shared by every way an entry is written
 * (a municipality's draft and submit, an organizer's correction of an import). What the body
 * alone decides is {@link SubmissionRequest}'s constraints.
 */
final class EntryRules {

    private EntryRules() {
    }

    /**
     * The content checked against the call's form, normalised: its shape on every save, with
     * {@code complete} also completeness (as on submit); the amount asked for against the call.
     */
    static FormValidator.Content content(Form form, Call call, SubmissionRequest request, Errors errors,
            boolean complete) {
        checkRequestedAmount(call, request.requestedCents(), errors, complete);
        FormValidator.Content given = new FormValidator.Content(request.title(), request.summary(),
                request.description(), request.answers(), SubmissionMapper.projects(request.projects()));
        return complete ? FormValidator.normaliseComplete(form, given, errors)
                : FormValidator.normalise(form, given, errors);
    }

    /** Only funding calls take an amount, at most their budget; a complete funding entry names one. */
    static void checkRequestedAmount(Call call, Long requested, Errors errors, boolean complete) {
        if (call.kind != CallKind.FUNDING) {
            if (requested != null) {
                errors.add("requestedCents", "only entries to funding calls ask for an amount");
            }
        } else if (requested == null) {
            if (complete) {
                errors.add("requestedCents", "is required for a funding call");
            }
        } else if (call.budgetCents != null && requested > call.budgetCents) {
            errors.add("requestedCents", "exceeds the call's budget of " + call.budgetCents + " cents");
        }
    }

    /** Writes checked content into the entry; a derived mark stays only where its value does. */
    static void apply(FormValidator.Content content, Long requestedCents, Submission s) {
        s.derived = DerivedFields.unchanged(s, content);
        s.title = content.title();
        s.summary = content.summary();
        s.description = content.description();
        s.answers = content.answers();
        s.projects = content.projects();
        s.requestedCents = requestedCents;
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
}
