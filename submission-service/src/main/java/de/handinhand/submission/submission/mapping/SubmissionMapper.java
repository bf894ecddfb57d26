package de.handinhand.submission.submission.mapping;

import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormDerivations;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.api.ProjectEntry;
import de.handinhand.submission.submission.api.SubmissionSummary;
import de.handinhand.submission.submission.api.SubmissionView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class SubmissionMapper {

    private SubmissionMapper() {
    }

    public static SubmissionView toView(Submission s, Form form, Municipality municipality,
            List<AttachmentView> attachments) {
        return new SubmissionView(s.id, s.callId, form.template(), s.municipalityId,
                municipality == null ? null : municipality.name, s.organisation, s.category, s.status, s.version,
                s.title, s.summary, s.description,
                FormDerivations.withRegistryAnswers(form, s.answers, municipality, s.organisation),
                s.projects.stream().map(p -> new ProjectEntry(new LinkedHashMap<>(p))).toList(), s.requestedCents,
                attachments, s.imported, s.unplaced == null ? List.of() : List.copyOf(s.unplaced),
                s.derived == null ? List.of() : List.copyOf(s.derived), s.extendedUntil,
                s.submittedAt, s.withdrawnAt, s.createdAt, s.updatedAt);
    }

    public static SubmissionSummary toSummary(Submission s) {
        return new SubmissionSummary(s.id, s.callId, s.municipalityId, s.organisation, s.category, s.status,
                s.version, s.title,
                s.submittedAt, s.updatedAt);
    }

    public static List<Map<String, Object>> projects(List<ProjectEntry> entries) {
        if (entries == null) {
            return List.of();
        }
        return entries.stream().map(e -> e == null || e.answers() == null ? Map.<String, Object>of() : e.answers())
                .toList();
    }
}
