package de.handinhand.scoring.ranking.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.common.messaging.sql.SqlValues;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.criteria.Criterion;
import de.handinhand.scoring.criteria.service.CriteriaService;
import de.handinhand.scoring.ranking.Aggregation;
import de.handinhand.scoring.ranking.service.RankingSnapshot.Row;
import de.handinhand.scoring.scores.Marks;
import de.handinhand.scoring.scores.ScoreSheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/**
 * Builds a call's {@link RankingSnapshot}. A sheet counts when it is final and its juror is still
 * assigned to the entry (a juror removed from the jury or by a conflict no longer counts); withdrawn
 * entries are left out. Entries rank by the juror-normalised score; ties share a rank.
 */
@ApplicationScoped
public class RankingCalculator {

    /** Best first: normalised score, then mean, then submission id, so the order is total and stable. */
    static final Comparator<Row> ORDER = Comparator
            .comparing((Row r) -> r.score().normalized(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> r.score().mean(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(r -> r.entry().submissionId);

    private final EntityManager em;
    private final CriteriaService criteria;

    public RankingCalculator(EntityManager em, CriteriaService criteria) {
        this.em = em;
        this.criteria = criteria;
    }

    /**
     * The final sheets whose juror is still assigned, read as plain values (not managed entities):
     * a ranking reads thousands of them and changes none.
     */
    @SuppressWarnings("unchecked")
    List<ScoreSheet> countedSheets(UUID callId) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.case_id, s.juror, s.entry_version, s.finalized_at, s.updated_at, cast(s.scores as text)
                  from score_sheet s
                 where s.call_id = ?1 and s.final
                   and exists (select 1 from assignment a where a.case_id = s.case_id and a.juror = s.juror)""")
                .setParameter(1, callId).getResultList();
        List<ScoreSheet> sheets = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ScoreSheet s = new ScoreSheet();
            s.caseId = (UUID) row[0];
            s.callId = callId;
            s.juror = (String) row[1];
            s.entryVersion = ((Number) row[2]).intValue();
            s.finalised = true;
            s.finalizedAt = SqlValues.instant(row[3]);
            s.updatedAt = SqlValues.instant(row[4]);
            try {
                s.scores = JSON.readValue((String) row[5], MARKS);
            } catch (IOException e) {
                throw new IllegalStateException("score sheet JSON unreadable", e);
            }
            sheets.add(s);
        }
        return sheets;
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> MARKS =
            new TypeReference<>() {
            };

    /** A ranking with the call's ranking version read before and after computing it. */
    public record Versioned(long before, RankingSnapshot snapshot, long after) {

        /** Nothing the ranking reads changed while it was computed: it is exactly version {@code before}'s. */
        public boolean consistent() {
            return before == after;
        }
    }

    /**
     * Computes in a transaction (and persistence context) of its own, so no entity the caller's
     * request loaded earlier stands in for the database's current row, and reads the call's
     * ranking version before and after.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Versioned computeVersioned(UUID callId) {
        long before = version(em, callId);
        RankingSnapshot snapshot = compute(callId);
        return new Versioned(before, snapshot, version(em, callId));
    }

    /** The call's ranking version (see V7__ranking_version.sql): the sum over its shards, 0 before any write. */
    static long version(EntityManager em, UUID callId) {
        Number n = (Number) em.createNativeQuery("select coalesce(sum(n), 0) from ranking_version where call_id = ?1")
                .setParameter(1, callId).getSingleResult();
        return n.longValue();
    }

    public RankingSnapshot compute(UUID callId) {
        List<Criterion> crits = criteria.criteria(callId);
        List<Aggregation.Criterion> defs = Marks.criteria(crits);
        double limit = criteria.disagreementSpread(callId);
        // Read-only: thousands of rows are only read here, so Hibernate keeps no snapshots to dirty-check.
        List<JuryCase> cases = em.createQuery("from JuryCase where callId = ?1", JuryCase.class).setParameter(1, callId)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        List<ScoreSheet> sheets = countedSheets(callId);
        Map<UUID, JuryCase> active = new HashMap<>();
        List<JuryCase> withdrawn = new ArrayList<>();
        for (JuryCase c : cases) {
            if (c.status == CaseStatus.ACTIVE) {
                active.put(c.id, c);
            } else {
                withdrawn.add(c);
            }
        }
        List<Aggregation.JurorTotal> totals = new ArrayList<>();
        Map<UUID, List<ScoreSheet>> counted = new HashMap<>();
        for (ScoreSheet s : sheets) {
            if (!active.containsKey(s.caseId)) {
                continue;
            }
            Double total = Marks.total(defs, s);
            if (total != null) {
                totals.add(new Aggregation.JurorTotal(s.caseId, s.juror, total));
                counted.computeIfAbsent(s.caseId, id -> new ArrayList<>()).add(s);
            }
        }
        Map<UUID, Aggregation.EntryScore> scores = Aggregation.aggregate(new ArrayList<>(active.keySet()), totals, limit);

        Map<String, List<Row>> byCategory = new LinkedHashMap<>();
        CallInfo call = em.find(CallInfo.class, callId);
        if (call != null && call.categories != null) {
            Arrays.stream(call.categories).forEach(cat -> byCategory.put(cat, new ArrayList<>()));
        }
        TreeSet<String> extra = new TreeSet<>();
        active.values().forEach(c -> {
            String cat = c.category == null ? RankingSnapshot.NO_CATEGORY : c.category;
            if (!byCategory.containsKey(cat)) {
                extra.add(cat);
            }
        });
        extra.forEach(cat -> byCategory.put(cat, new ArrayList<>()));
        for (JuryCase c : active.values()) {
            List<ScoreSheet> own = new ArrayList<>(counted.getOrDefault(c.id, List.of()));
            own.sort(Comparator.comparing(s -> s.juror));
            byCategory.get(c.category == null ? RankingSnapshot.NO_CATEGORY : c.category)
                    .add(new Row(c, scores.get(c.id), null, own));
        }
        Map<UUID, Row> byCase = new HashMap<>();
        Map<String, List<Row>> ranked = new LinkedHashMap<>();
        byCategory.forEach((cat, rows) -> {
            rows.sort(ORDER);
            List<Integer> ranks = Aggregation.competitionRanks(rows.stream().map(r -> r.score().normalized()).toList());
            List<Row> withRanks = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row r = new Row(rows.get(i).entry(), rows.get(i).score(), ranks.get(i), rows.get(i).sheets());
                withRanks.add(r);
                byCase.put(r.entry().id, r);
            }
            ranked.put(cat, withRanks);
        });
        withdrawn.sort(Comparator.comparing(c -> c.submissionId));
        return new RankingSnapshot(callId, crits, limit, ranked, withdrawn, byCase);
    }
}
