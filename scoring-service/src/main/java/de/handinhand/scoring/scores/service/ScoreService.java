package de.handinhand.scoring.scores.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.common.web.problem.ApiException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.FieldError;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.criteria.Criterion;
import de.handinhand.scoring.criteria.service.CriteriaService;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.JuryPhase;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.precheck.PreCheck;
import de.handinhand.scoring.ranking.Aggregation;
import de.handinhand.scoring.ranking.service.KeptRanking;
import de.handinhand.scoring.ranking.service.RankingSnapshot;
import de.handinhand.scoring.scores.Marks;
import de.handinhand.scoring.scores.ScoreSheet;
import de.handinhand.scoring.scores.api.ScoreRequest;
import de.handinhand.scoring.scores.api.ScoreSheetView;
import de.handinhand.scoring.scores.api.SheetView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A juror's scores. Only an assigned, unconflicted juror scores a case, only in the jury phase and
 * only an active entry; the whole sheet is checked before anything is stored. A final sheet is
 * locked, unless the entry has been resubmitted since: then the juror may score the new version.
 */
@ApplicationScoped
public class ScoreService {

    private final EntityManager em;
    private final JuryAccess access;
    private final CriteriaService criteria;
    private final KeptRanking ranking;
    private final ChangeFeed changes;
    private final Clock clock;

    public ScoreService(EntityManager em, JuryAccess access, CriteriaService criteria, KeptRanking ranking,
            ChangeFeed changes, Clock clock) {
        this.em = em;
        this.access = access;
        this.criteria = criteria;
        this.ranking = ranking;
        this.changes = changes;
        this.clock = clock;
    }

    public ScoreSheetView sheet(UUID caseId) {
        JuryCase c = access.readableCase(caseId);
        return view(c, criteria.criteria(c.callId), true);
    }

    @Transactional
    public ScoreSheetView save(UUID caseId, ScoreRequest request) {
        JuryCase c = access.readableCase(caseId);
        String juror = access.username();
        // First, so that the criteria and the publication read below cannot change until this save commits.
        JuryCall settings = access.shareSettings(c.callId);
        List<Criterion> crits = criteria.criteria(c.callId);
        boolean finalise = Boolean.TRUE.equals(request.finalise());
        List<Map<String, Object>> marks = marks(request, crits, finalise);
        JuryPhase phase = access.phase(c.callId);
        if (phase != JuryPhase.JURY) {
            throw new JuryConflict("not-jury-phase", "Scores are taken only in the jury phase (from the deadline until "
                    + "the jury phase ends); the call is in phase " + phase,
                    List.of(new FieldError("phase", "is " + phase + ", must be JURY")));
        }
        if (settings.resultsPublishedAt != null) {
            throw new JuryConflict("results-published", "Results of this call are published; scores are final",
                    List.of(new FieldError("phase", "results are published")));
        }
        if (c.status != CaseStatus.ACTIVE) {
            throw new JuryConflict("entry-withdrawn", "The entry was withdrawn and is no longer scored",
                    List.of(new FieldError("status", "is WITHDRAWN")));
        }
        // Microseconds, as PostgreSQL stores it: the answer shows what a later read shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // One statement creates or replaces the sheet, row-locked, unless it is final for this entry version
        // (then no row comes back): what a lock, a read and an update did in three round trips.
        @SuppressWarnings("unchecked")
        List<Object> saved = em.createNativeQuery("""
                insert into score_sheet as s (id, case_id, call_id, juror, entry_version, final, finalized_at, scores,
                                              updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, case when ?6 then cast(?7 as timestamptz) end, cast(?8 as jsonb), ?7)
                on conflict (case_id, juror) do update
                   set entry_version = excluded.entry_version, final = excluded.final,
                       finalized_at = excluded.finalized_at, scores = excluded.scores, updated_at = excluded.updated_at
                 where not (s.final and s.entry_version >= excluded.entry_version)
                returning s.id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, c.id).setParameter(3, c.callId)
                .setParameter(4, juror).setParameter(5, c.version).setParameter(6, finalise)
                .setParameter(7, now).setParameter(8, json(marks)).getResultList();
        if (saved.isEmpty()) {
            throw new JuryConflict("sheet-final", "Your sheet for this entry is final; it reopens only if the entry is "
                    + "resubmitted", List.of(new FieldError("final", "the sheet is already final")));
        }
        changes.record(finalise ? ChangeKind.SHEET_FINALISED : ChangeKind.SHEET_SAVED, c.callId, c.id, c.submissionId,
                juror);
        // The entry's result needs the whole call's ranking; a save answers without it (GET has it).
        return view(c, crits, false);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(List<Map<String, Object>> marks) {
        try {
            return JSON.writeValueAsString(marks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("marks not writable as JSON", e);
        }
    }

    /**
     * The marks to store, checked against the call's criteria; the request's own constraints (marks
     * given, codes well-formed, points with two decimals at most, comments not too long) hold already.
     */
    private static List<Map<String, Object>> marks(ScoreRequest request, List<Criterion> crits, boolean finalise) {
        Errors errors = new Errors();
        Map<String, Criterion> byCode = new LinkedHashMap<>();
        crits.forEach(c -> byCode.put(c.code, c));
        Set<String> seen = new HashSet<>();
        Map<String, Map<String, Object>> marks = new LinkedHashMap<>();
        for (int i = 0; i < request.scores().size(); i++) {
            ScoreRequest.Mark m = request.scores().get(i);
            String at = "scores[" + i + "]";
            Criterion c = byCode.get(m.criterion());
            if (c == null) {
                errors.add(at + ".criterion", "unknown criterion " + m.criterion() + "; this call has "
                        + String.join(", ", byCode.keySet()));
                continue;
            }
            if (!seen.add(c.code)) {
                errors.add(at + ".criterion", "criterion " + c.code + " is given twice");
                continue;
            }
            boolean na = Boolean.TRUE.equals(m.notApplicable());
            if (m.points() != null && !CriteriaService.inScale(m.points(), c)) {
                errors.add(at + ".points", "must be between " + c.scaleMin + " and " + c.scaleMax);
            }
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("criterion", c.code);
            stored.put("points", na || m.points() == null ? null : m.points().stripTrailingZeros().toPlainString());
            stored.put("notApplicable", na);
            stored.put("comment", m.comment() == null || m.comment().isBlank() ? null : m.comment().strip());
            marks.put(c.code, stored);
        }
        if (finalise) {
            for (Criterion c : crits) {
                Map<String, Object> m = marks.get(c.code);
                if (m == null || (m.get("points") == null && !Boolean.TRUE.equals(m.get("notApplicable")))) {
                    errors.add("scores." + c.code, "needs points or notApplicable before the sheet can be final");
                }
            }
        }
        errors.throwIfAny();
        List<Map<String, Object>> ordered = new ArrayList<>();
        crits.stream().map(c -> marks.get(c.code)).filter(java.util.Objects::nonNull).forEach(ordered::add);
        return ordered;
    }

    private ScoreSheetView view(JuryCase c, List<Criterion> crits, boolean withResult) {
        List<Aggregation.Criterion> defs = Marks.criteria(crits);
        List<ScoreSheet> sheets = em.createQuery("""
                select s from ScoreSheet s where s.caseId = ?1
                   and exists (select 1 from Assignment a where a.caseId = s.caseId and a.juror = s.juror)""",
                ScoreSheet.class).setParameter(1, c.id).getResultList();
        sheets.sort(Comparator.comparing(s -> s.juror));
        boolean organizer = access.organizer();
        String me = access.username();
        ScoreSheet mine = organizer ? null : sheets.stream().filter(s -> s.juror.equals(me)).findFirst().orElse(null);
        boolean othersVisible = organizer || (mine != null && mine.finalised);
        ScoreSheetView.Result result = null;
        if (othersVisible && withResult) {
            // The call's kept ranking: recomputed only when its version moved, not on every sheet read.
            RankingSnapshot.Row row = ranking.current(c.callId).byCase().get(c.id);
            if (row != null) {
                Aggregation.EntryScore s = row.score();
                result = new ScoreSheetView.Result(row.rank(), s.mean(), s.median(), s.normalized(), s.spread(),
                        s.disagreement(), s.jurorCount());
            }
        }
        return new ScoreSheetView(c.id, c.submissionId, c.callId, c.category, c.municipalityId, c.municipalityName,
                c.title, c.version, c.status, access.phase(c.callId), crits.stream().map(CriteriaService::toView).toList(),
                mine == null ? null : sheetView(mine, defs, c),
                othersVisible, othersVisible ? sheets.stream().map(s -> sheetView(s, defs, c)).toList() : null, result,
                PreCheck.of(c.answers));
    }

    static SheetView sheetView(ScoreSheet s, List<Aggregation.Criterion> defs, JuryCase c) {
        List<SheetView.MarkView> marks = s.scores.stream().map(m -> new SheetView.MarkView(
                String.valueOf(m.get("criterion")), m.get("points") == null ? null : new BigDecimal(m.get("points").toString()),
                Boolean.TRUE.equals(m.get("notApplicable")), m.get("comment") == null ? null : m.get("comment").toString()))
                .toList();
        return new SheetView(s.juror, s.entryVersion, s.entryVersion < c.version, s.finalised, s.finalizedAt,
                Aggregation.round(Marks.total(defs, s), 2), marks, s.updatedAt);
    }

    /** 409 that names what stands in the way, like a field error. */
    static final class JuryConflict extends ApiException {

        private final List<FieldError> errors;

        JuryConflict(String slug, String detail, List<FieldError> errors) {
            super(409, slug, "Conflict", detail);
            this.errors = List.copyOf(errors);
        }

        @Override
        public List<FieldError> errors() {
            return errors;
        }
    }
}
