package de.handinhand.submission.report.service;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.call.service.OrganizerScope;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormDerivations;
import de.handinhand.submission.form.FormTemplates;
import de.handinhand.submission.form.FormValidator;
import de.handinhand.submission.form.templates.ProjektfoerderungForm;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.report.FinalReport;
import de.handinhand.submission.report.ReportState;
import de.handinhand.submission.report.ReportStatus;
import de.handinhand.submission.report.api.ReportRequest;
import de.handinhand.submission.report.api.ReportSummary;
import de.handinhand.submission.report.api.ReportView;
import de.handinhand.submission.report.repository.GrantRepository;
import de.handinhand.submission.report.repository.ReportRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.service.SubmissionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Closing the loop of a Kreis's funding programme: after a funded project's end, the entrant that
 * entered it (its organisation, or a municipality for its own project) writes a short final report
 * in the PROJEKTBERICHT form, as a draft, then submits it once. Only an entry of a PROJEKTFOERDERUNG
 * call, funded by the latest published results of its call ({@link Grants}), and only after the end
 * date its application gave (a day in Europe/Berlin); each refusal says which of these is missing
 * (409). The organizers of the call (of its Kreis) list its funded projects with their reports'
 * state and read each submitted report; a draft stays its writer's.
 */
@ApplicationScoped
public class ReportService {

    /** The day a project ends is a German calendar day, whatever zone the server runs in. */
    static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");

    private final ReportRepository reports;
    private final GrantRepository grants;
    private final SubmissionAccess access;
    private final CallRepository calls;
    private final MunicipalityRepository municipalities;
    private final FormTemplates forms;
    private final OrganizerScope scope;
    private final Caller caller;
    private final Clock clock;

    public ReportService(ReportRepository reports, GrantRepository grants, SubmissionAccess access,
            CallRepository calls, MunicipalityRepository municipalities, FormTemplates forms, OrganizerScope scope,
            Caller caller, Clock clock) {
        this.reports = reports;
        this.grants = grants;
        this.access = access;
        this.calls = calls;
        this.municipalities = municipalities;
        this.forms = forms;
        this.scope = scope;
        this.caller = caller;
        this.clock = clock;
    }

    /** The entry's report: its writer reads the draft too, an organizer only a submitted report. */
    public ReportView get(UUID id) {
        Submission s = access.readable(id);
        FinalReport report = reports.findByIdOptional(s.id)
                .filter(r -> r.status == ReportStatus.SUBMITTED || !caller.has(Roles.ORGANIZER))
                .orElseThrow(() -> new NotFoundException("Entry " + id + " has no "
                        + (caller.has(Roles.ORGANIZER) ? "submitted " : "") + "final report"));
        return view(s, calls.findById(s.callId), report);
    }

    /** Writes the draft report (the first time) or replaces its answers; each answer is checked against the form. */
    @Transactional
    public ReportView save(UUID id, ReportRequest request) {
        Submission s = access.ownForUpdate(id);
        Call call = calls.findById(s.callId);
        Form form = requireDue(s, call);
        Errors errors = new Errors();
        FormValidator.Content clean = FormValidator.normalise(form, content(request.answers()), errors);
        errors.throwIfAny();
        Instant now = clock.instant();
        FinalReport report = reports.findByIdOptional(s.id).orElse(null);
        if (report == null) {
            report = new FinalReport();
            report.submissionId = s.id;
            report.status = ReportStatus.DRAFT;
            report.createdAt = now;
            report.createdBy = caller.username();
            report.answers = clean.answers();
            report.updatedAt = now;
            reports.persist(report);
        } else {
            requireDraft(report);
            report.answers = clean.answers();
            report.updatedAt = now;
        }
        return view(s, call, report);
    }

    /** Submits the draft: complete, and the form's rules hold (422 listing every failing code); final afterwards. */
    @Transactional
    public ReportView submit(UUID id) {
        Submission s = access.ownForUpdate(id);
        Call call = calls.findById(s.callId);
        Form form = requireDue(s, call);
        FinalReport report = reports.findByIdOptional(s.id).orElseThrow(() -> new ConflictException("no-report",
                "Entry " + id + " has no final report yet; write it first (PUT /api/submissions/" + id + "/report)"));
        requireDraft(report);
        Errors errors = new Errors();
        FormValidator.checkComplete(form, content(report.answers), errors);
        FormValidator.checkRules(form, report.answers, null, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("incomplete-report", "The final report is not complete or not valid; every "
                    + "failing question is listed", errors.list());
        }
        Instant now = clock.instant();
        report.status = ReportStatus.SUBMITTED;
        report.submittedAt = now;
        report.submittedBy = caller.username();
        report.updatedAt = now;
        return view(s, call, report);
    }

    /**
     * The call's funded projects with their reports' state, by organisation (or municipality) name;
     * for the organizers who run the call (of another Kreis's call: 403). Empty for a call whose
     * form has no final report.
     */
    public Page<ReportSummary> list(UUID callId, Page.Request paging) {
        Call call = calls.findByIdOptional(callId).orElseThrow(() -> NotFoundException.of("Call", callId));
        scope.requireRuns(call);
        if (call.formTemplate.reportForm().isEmpty()) {
            // Its entries file no final report, funded or not: nothing to follow.
            return new Page<>(List.of(), 0, paging.page(), paging.size());
        }
        LocalDate today = today();
        List<ReportSummary> items = reports.funded(call.id, ProjektfoerderungForm.END, paging.page(), paging.size())
                .stream().map(f -> new ReportSummary(f.submissionId(), f.title(), f.organisation(), f.municipalityId(),
                        f.municipalityName(), f.grantCents(), f.projectEnd(), state(f, today), f.submittedAt()))
                .toList();
        return new Page<>(items, reports.countFunded(call.id), paging.page(), paging.size());
    }

    private static ReportState state(ReportRepository.Funded f, LocalDate today) {
        if (f.report() != null) {
            return f.report() == ReportStatus.SUBMITTED ? ReportState.SUBMITTED : ReportState.DRAFT;
        }
        return f.projectEnd() != null && today.isAfter(f.projectEnd()) ? ReportState.DUE : ReportState.RUNNING;
    }

    /**
     * The entry files a final report now: its call's form has one, it is submitted, the latest
     * published results fund it, and its project has ended. Returns the report form.
     */
    private Form requireDue(Submission s, Call call) {
        FormTemplate reportForm = call.formTemplate.reportForm().orElseThrow(() -> new ConflictException(
                "no-final-report", "Entries of call " + call.id + " (form " + call.formTemplate + ") file no final "
                        + "report; funded projects of PROJEKTFOERDERUNG calls do"));
        if (s.status != SubmissionStatus.SUBMITTED) {
            throw new ConflictException("not-funded", "Entry " + s.id + " is " + s.status
                    + "; only a submitted, funded project files a final report");
        }
        Long grant = grants.of(s.id).map(GrantRepository.Grant::grantCents).orElse(null);
        if (grant == null || grant <= 0) {
            throw new ConflictException("not-funded", grants.published(call.id)
                    ? "Entry " + s.id + " is not funded by the published results of its call; only funded projects "
                            + "file a final report"
                    : "The results of call " + call.id + " are not published yet; only funded projects file a final "
                            + "report");
        }
        LocalDate end = FormDerivations.projectPeriod(forms.of(call.formTemplate), s.answers).end();
        LocalDate today = today();
        if (end == null || !today.isAfter(end)) {
            throw new ConflictException("project-running", "The project runs until " + end + "; its final report is "
                    + "filed after that day (today is " + today + ")");
        }
        return forms.of(reportForm);
    }

    private static void requireDraft(FinalReport report) {
        if (report.status != ReportStatus.DRAFT) {
            throw new ConflictException("report-submitted", "The final report was submitted at " + report.submittedAt
                    + " and is final");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LOCAL);
    }

    private static FormValidator.Content content(Map<String, Object> answers) {
        return new FormValidator.Content(null, null, null, answers, List.of());
    }

    private ReportView view(Submission s, Call call, FinalReport report) {
        Municipality m = municipalities.findById(s.municipalityId);
        FormDerivations.Period period = FormDerivations.projectPeriod(forms.of(call.formTemplate), s.answers);
        Long grant = grants.of(s.id).map(GrantRepository.Grant::grantCents).orElse(null);
        return new ReportView(s.id, s.callId, s.title, s.organisation, s.municipalityId, m == null ? null : m.name,
                grant, period.start(), period.end(), report.status, report.answers, report.createdAt,
                report.createdBy, report.updatedAt, report.submittedAt, report.submittedBy);
    }
}
