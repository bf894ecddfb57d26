package de.handinhand.scoring.criteria.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.scoring.ScoringConfig;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.criteria.Criterion;
import de.handinhand.scoring.criteria.DefaultCriteria;
import de.handinhand.scoring.criteria.api.CriteriaRequest;
import de.handinhand.scoring.criteria.api.CriteriaView;
import de.handinhand.scoring.criteria.api.CriterionInput;
import de.handinhand.scoring.criteria.api.CriterionView;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.scores.ScoreSheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A call's criteria: the default set until the organizer sets others. Once any juror has saved a
 * score, a change needs {@code confirm: true} (409 otherwise); a confirmed change drops the scores
 * of removed criteria and of points outside a new scale, and sends the final sheets it touched
 * back to their jurors (no longer final), so nobody's total silently means something else.
 */
@ApplicationScoped
public class CriteriaService {

    private final EntityManager em;
    private final JuryAccess access;
    private final ChangeFeed changes;
    private final ScoringConfig config;
    private final Clock clock;

    public CriteriaService(EntityManager em, JuryAccess access, ChangeFeed changes, ScoringConfig config, Clock clock) {
        this.em = em;
        this.access = access;
        this.changes = changes;
        this.config = config;
        this.clock = clock;
    }

    /** The criteria in force: stored ones in order, or the defaults (not stored). */
    public List<Criterion> criteria(UUID callId) {
        List<Criterion> stored = em.createQuery("from Criterion where callId = ?1 order by position", Criterion.class)
                .setParameter(1, callId).getResultList();
        if (!stored.isEmpty()) {
            return stored;
        }
        List<Criterion> defaults = new ArrayList<>();
        for (int i = 0; i < DefaultCriteria.ALL.size(); i++) {
            DefaultCriteria.Def d = DefaultCriteria.ALL.get(i);
            defaults.add(criterion(callId, d.code(), d.label(), CriterionInput.DEFAULT_WEIGHT,
                    CriterionInput.DEFAULT_SCALE_MIN, CriterionInput.DEFAULT_SCALE_MAX, i));
        }
        return defaults;
    }

    public double disagreementSpread(UUID callId) {
        JuryCall settings = access.settingsOrNull(callId);
        return settings == null || settings.disagreementThreshold == null ? config.disagreementSpread()
                : settings.disagreementThreshold;
    }

    public boolean scoringStarted(UUID callId) {
        return !em.createQuery("select s.id from ScoreSheet s where s.callId = ?1").setParameter(1, callId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public CriteriaView get(UUID callId) {
        requireCall(callId);
        return view(callId, 0);
    }

    @Transactional
    public CriteriaView put(UUID callId, CriteriaRequest request) {
        List<Criterion> wanted = criteria(callId, request);
        requireCall(callId);
        JuryCall settings = access.lockSettings(callId);
        if (settings.resultsPublishedAt != null) {
            throw new ConflictException("results-published", "Results of this call are published; criteria are final");
        }
        boolean started = scoringStarted(callId);
        if (started && !Boolean.TRUE.equals(request.confirm())) {
            throw new ConflictException("scoring-started", "Jurors have already scored entries of this call; send "
                    + "\"confirm\": true to change the criteria anyway (affected final sheets go back to their jurors)");
        }
        em.createQuery("delete from Criterion where callId = ?1").setParameter(1, callId).executeUpdate();
        em.flush();
        wanted.forEach(em::persist);
        if (request.disagreementSpread() != null) {
            settings.disagreementThreshold = request.disagreementSpread();
        }
        settings.updatedAt = clock.instant();
        int reopened = started ? fitSheets(callId, wanted) : 0;
        changes.record(ChangeKind.CRITERIA_CHANGED, callId, null, null, null);
        em.flush();
        return view(callId, reopened);
    }

    /** Drops marks that no longer fit and reopens the final sheets that lost any. */
    private int fitSheets(UUID callId, List<Criterion> criteria) {
        Map<String, Criterion> byCode = new HashMap<>();
        criteria.forEach(c -> byCode.put(c.code, c));
        int reopened = 0;
        for (ScoreSheet sheet : em.createQuery("from ScoreSheet where callId = ?1", ScoreSheet.class)
                .setParameter(1, callId).getResultList()) {
            List<Map<String, Object>> kept = new ArrayList<>();
            for (Map<String, Object> mark : sheet.scores) {
                Criterion c = byCode.get(String.valueOf(mark.get("criterion")));
                Object points = mark.get("points");
                boolean fits = c != null && (points == null || inScale(new BigDecimal(points.toString()), c));
                if (fits) {
                    kept.add(mark);
                }
            }
            boolean complete = kept.size() == criteria.size();
            if (kept.size() != sheet.scores.size() || (sheet.finalised && !complete)) {
                sheet.scores = kept;
                if (sheet.finalised) {
                    sheet.finalised = false;
                    sheet.finalizedAt = null;
                    reopened++;
                }
                sheet.updatedAt = clock.instant();
            }
        }
        return reopened;
    }

    /** Whether points lie within the criterion's scale (bounds included). */
    public static boolean inScale(BigDecimal points, Criterion c) {
        return points.compareTo(BigDecimal.valueOf(c.scaleMin)) >= 0 && points.compareTo(BigDecimal.valueOf(c.scaleMax)) <= 0;
    }

    /**
     * The criteria to store. The request's constraints are checked already; what is left is that no
     * code is given twice.
     */
    private static List<Criterion> criteria(UUID callId, CriteriaRequest request) {
        Errors errors = new Errors();
        Set<String> seen = new HashSet<>();
        List<Criterion> result = new ArrayList<>();
        for (int i = 0; i < request.criteria().size(); i++) {
            CriterionInput in = request.criteria().get(i);
            if (!seen.add(in.code())) {
                errors.add("criteria[" + i + "].code", "duplicate criterion " + in.code());
            }
            result.add(criterion(callId, in.code(), in.effectiveLabel(), in.effectiveWeight(), in.effectiveScaleMin(),
                    in.effectiveScaleMax(), i));
        }
        errors.throwIfAny();
        return result;
    }

    private CriteriaView view(UUID callId, int reopened) {
        boolean defaults = em.createQuery("select c.id from Criterion c where c.callId = ?1").setParameter(1, callId)
                .setMaxResults(1).getResultList().isEmpty();
        return new CriteriaView(callId, criteria(callId).stream().map(CriteriaService::toView).toList(), defaults,
                scoringStarted(callId), disagreementSpread(callId), reopened);
    }

    public static CriterionView toView(Criterion c) {
        return new CriterionView(c.code, c.label, c.weight, c.scaleMin, c.scaleMax);
    }

    private void requireCall(UUID callId) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
    }

    private static Criterion criterion(UUID callId, String code, String label, double weight, int min, int max, int pos) {
        Criterion c = new Criterion();
        c.id = UUID.randomUUID();
        c.callId = callId;
        c.code = code;
        c.label = label;
        c.weight = weight;
        c.scaleMin = min;
        c.scaleMax = max;
        c.position = pos;
        return c;
    }
}
