package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ApiException;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.CallPhase;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.municipality.Municipality;
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
     * {@code complete} also completeness and the form's rules across answers (as on submit); the
     * amount asked for against the call.
     */
    static FormValidator.Content content(Form form, Call call, SubmissionRequest request, Errors errors,
            boolean complete) {
        checkRequestedAmount(call, request.requestedCents(), errors, complete);
        FormValidator.Content given = new FormValidator.Content(request.title(), request.summary(),
                request.description(), request.answers(), SubmissionMapper.projects(request.projects()));
        if (!complete) {
            return FormValidator.normalise(form, given, errors);
        }
        FormValidator.Content clean = FormValidator.normaliseComplete(form, given, errors);
        FormValidator.checkRules(form, clean.answers(), request.requestedCents(), errors);
        return clean;
    }

    /** What a submit checks: completeness, the form's rules across answers, the amount asked for. */
    static void checkComplete(Form form, Call call, Submission s, Errors errors) {
        FormValidator.checkComplete(form, new FormValidator.Content(s.title, s.summary, s.description, s.answers,
                s.projects), errors);
        FormValidator.checkRules(form, s.answers, s.requestedCents, errors);
        checkRequestedAmount(call, s.requestedCents, errors, true);
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

    static ConflictException entryExists(SubmissionAccess.Entrant entrant) {
        String who = entrant.applicant() ? entrant.organisation() + " (Gemeinde " + entrant.municipalityId() + ")"
                : "Municipality " + entrant.municipalityId();
        return new ConflictException("entry-exists", who + " already has an entry for this call; edit that one");
    }

    /**
     * Who may enter the call. Applicants (initiatives and associations) enter calls of the
     * PROJEKTFOERDERUNG form, the one written for an organisation's project: the competition and the
     * dialogue report ask what a Kommune did (its council, its Bürgermeister). Municipalities enter
     * every form, PROJEKTFOERDERUNG included: the Rathäuser of small Gemeinden were project partners
     * of the Heilbronn programme too. A call a Kreis runs takes entries only from within the Kreis: its
     * municipalities (the Landkreis itself included) and the applicants working in them.
     *
     * @param home the registered municipality of the entrant (for an applicant, its Gemeinde)
     * @param kreis the registered Kreis that runs the call, for its name; null if the call has none
     */
    static void requireMayEnter(Call call, SubmissionAccess.Entrant entrant, Municipality home, Municipality kreis) {
        if (entrant.applicant() && call.formTemplate != FormTemplate.PROJEKTFOERDERUNG) {
            throw new EntryRefused("not-for-applicants", "Call '" + call.title + "' asks with its form "
                    + call.formTemplate + " what a municipality did; initiatives and associations (role applicant) "
                    + "enter calls of the form " + FormTemplate.PROJEKTFOERDERUNG);
        }
        if (call.kreisId != null && !call.kreisId.equals(home.kreisId)) {
            String runner = kreis == null ? "Kreis " + call.kreisId : kreis.name + " (" + call.kreisId + ")";
            throw new EntryRefused("outside-kreis", "Call '" + call.title + "' is run by " + runner + " and takes "
                    + "entries only from its municipalities and from initiatives working in them; "
                    + (entrant.applicant() ? "your Gemeinde " : "your municipality ") + home.name + " (" + home.id
                    + ") lies in Kreis " + home.kreisId);
        }
    }

    /**
     * 403: the caller may enter calls, but not this one; the problem's type says why
     * ({@code outside-kreis}, {@code not-for-applicants}) and its detail in words.
     */
    static final class EntryRefused extends ApiException {

        EntryRefused(String slug, String detail) {
            super(403, slug, "Forbidden", detail);
        }
    }
}
