package de.handinhand.scoring.cases.mapping;

import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.cases.api.CaseDetail;
import de.handinhand.scoring.cases.api.CaseSummary;
import de.handinhand.scoring.scores.SheetState;
import de.handinhand.scoring.scores.api.SheetProgress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public final class CaseMapper {

    private CaseMapper() {
    }

    /** @param sheet the juror's own sheet state (null for organizers); @param sheets organizers' counts (else null) */
    public static CaseSummary toSummary(JuryCase c, SheetState sheet, SheetProgress sheets) {
        return new CaseSummary(c.id, c.submissionId, c.callId, c.municipalityId, c.municipalityName, c.kreisId,
                c.bundesland, c.category, c.title, c.version, c.status, c.imported, c.submittedAt, c.updatedAt, sheet,
                sheets);
    }

    public static CaseDetail toDetail(JuryCase c, SheetState sheet, SheetProgress sheets) {
        return new CaseDetail(c.id, c.submissionId, c.callId, c.municipalityId, c.municipalityName, c.kreisId,
                c.bundesland, c.category, c.title, c.summary, c.description, new LinkedHashMap<>(c.answers),
                List.copyOf(c.projects), c.version, c.status, c.submittedAt, c.withdrawnAt, c.updatedAt,
                c.requestedCents, de.handinhand.scoring.precheck.PreCheck.of(c.answers), c.imported,
                c.unplaced == null ? List.of() : List.copyOf(c.unplaced), sheet, sheets);
    }

    /** Copies the submitted snapshot onto the case. */
    public static void apply(SubmissionSubmitted s, JuryCase c) {
        c.submissionId = s.submissionId();
        c.callId = s.callId();
        c.municipalityId = s.municipality().id();
        c.municipalityName = s.municipality().name();
        c.kreisId = s.municipality().kreisId();
        c.bundesland = s.municipality().bundesland();
        c.category = s.category();
        c.title = s.title();
        c.summary = s.summary();
        c.description = s.description();
        c.answers = s.answers() == null ? Map.of() : new LinkedHashMap<>(s.answers());
        c.projects = s.projects() == null ? List.of()
                : s.projects().stream().map(p -> (Map<String, Object>) new LinkedHashMap<>(p.answers())).toList();
        c.version = s.version();
        c.requestedCents = s.requestedCents();
        c.callKind = s.callKind();
        c.submittedAt = s.submittedAt();
        c.imported = s.imported();
        // Events written before the field existed carry none.
        c.unplaced = s.unplaced() == null ? List.of() : s.unplaced().stream().filter(Objects::nonNull).toList();
    }
}
