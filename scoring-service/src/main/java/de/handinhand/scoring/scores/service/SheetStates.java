package de.handinhand.scoring.scores.service;

import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.jury.Conflicts;
import de.handinhand.scoring.scores.SheetState;
import de.handinhand.scoring.scores.api.SheetProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The sheet states beside a page of cases: one query per page, not one per case. */
@ApplicationScoped
public class SheetStates {

    private final EntityManager em;

    public SheetStates(EntityManager em) {
        this.em = em;
    }

    /** The juror's own state for each of the cases. */
    public Map<UUID, SheetState> own(String juror, Collection<JuryCase> cases) {
        Map<UUID, SheetState> states = new HashMap<>();
        if (cases.isEmpty()) {
            return states;
        }
        Map<UUID, JuryCase> byId = byId(cases);
        cases.forEach(c -> states.put(c.id, SheetState.NONE));
        for (Object[] row : em.createQuery("""
                select s.caseId, s.entryVersion, s.finalised from ScoreSheet s
                 where s.juror = :juror and s.caseId in :ids""", Object[].class)
                .setParameter("juror", juror).setParameter("ids", byId.keySet()).getResultList()) {
            UUID caseId = (UUID) row[0];
            states.put(caseId, SheetState.of((Integer) row[1], (Boolean) row[2], byId.get(caseId).version));
        }
        return states;
    }

    /** For each case, how the sheets of its assigned, unconflicted jurors stand. */
    public Map<UUID, SheetProgress> progress(Collection<JuryCase> cases) {
        Map<UUID, SheetProgress> progress = new HashMap<>();
        if (cases.isEmpty()) {
            return progress;
        }
        Map<UUID, JuryCase> byId = byId(cases);
        Map<UUID, Map<SheetState, Integer>> counts = new HashMap<>();
        cases.forEach(c -> counts.put(c.id, new EnumMap<>(SheetState.class)));
        List<Object[]> rows = em.createQuery("select a.caseId, s.entryVersion, s.finalised from Assignment a "
                + "join JuryCase c on c.id = a.caseId "
                + "left join ScoreSheet s on s.caseId = a.caseId and s.juror = a.juror "
                + "where a.caseId in :ids and not " + Conflicts.coveredHql("c", "a.juror"), Object[].class)
                .setParameter("ids", byId.keySet()).getResultList();
        for (Object[] row : rows) {
            UUID caseId = (UUID) row[0];
            SheetState state = SheetState.of((Integer) row[1], Boolean.TRUE.equals(row[2]), byId.get(caseId).version);
            counts.get(caseId).merge(state, 1, Integer::sum);
        }
        counts.forEach((id, c) -> {
            int none = c.getOrDefault(SheetState.NONE, 0);
            int draft = c.getOrDefault(SheetState.DRAFT, 0);
            int fin = c.getOrDefault(SheetState.FINAL, 0);
            int outdated = c.getOrDefault(SheetState.OUTDATED, 0);
            progress.put(id, new SheetProgress(none + draft + fin + outdated, none, draft, fin, outdated));
        });
        return progress;
    }

    private static Map<UUID, JuryCase> byId(Collection<JuryCase> cases) {
        Map<UUID, JuryCase> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id, c));
        return byId;
    }
}
