package de.handinhand.scoring.changes.service;

import de.handinhand.common.messaging.sql.SqlValues;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.api.ChangeCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The change log behind {@code GET /api/scoring/changes}. Rows are written in the business
 * transaction and carry its transaction id. A reader returns only rows of transactions older than
 * the oldest one still running (the snapshot's xmin: those have all ended, so no row with such an
 * id can still appear), ordered by (transaction id, seq). Every later commit has a transaction id
 * at or above that horizon, so it sorts after any cursor already handed out: nothing is skipped,
 * and writers need no common lock. A long transaction holds the feed back, it never loses a row.
 * The cursor ({@link ChangeCursor}) is the last (transaction id, seq), opaquely encoded.
 */
@ApplicationScoped
public class ChangeFeed {

    private final EntityManager em;

    public ChangeFeed(EntityManager em) {
        this.em = em;
    }

    public record Row(ChangeCursor position, UUID callId, UUID caseId, UUID submissionId, String juror, ChangeKind kind,
            Instant at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChangeKind kind, UUID callId, UUID caseId, UUID submissionId, String juror) {
        em.createNativeQuery("""
                insert into change_log (call_id, case_id, submission_id, juror, kind, at)
                values (?1, ?2, ?3, ?4, ?5, now())""")
                .setParameter(1, callId)
                .setParameter(2, caseId)
                .setParameter(3, submissionId)
                .setParameter(4, juror)
                .setParameter(5, kind.name())
                .executeUpdate();
    }

    /** Rows after {@code after}, oldest first, at most {@code limit}. */
    public List<Row> after(ChangeCursor after, UUID callId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select xid::text::numeric, seq, call_id, case_id, submission_id, juror, kind, at from change_log
                 where (xid::text::numeric, seq) > (?1, ?2)
                   and xid < pg_snapshot_xmin(pg_current_snapshot())
                   and (cast(?3 as uuid) is null or call_id = cast(?3 as uuid))
                 order by xid::text::numeric, seq limit ?4""")
                .setParameter(1, java.math.BigDecimal.valueOf(after.xid()))
                .setParameter(2, after.seq())
                .setParameter(3, callId == null ? null : callId.toString())
                .setParameter(4, limit)
                .getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new Row(new ChangeCursor(((Number) r[0]).longValue(), ((Number) r[1]).longValue()), (UUID) r[2],
                    (UUID) r[3], (UUID) r[4], (String) r[5], ChangeKind.valueOf((String) r[6]), SqlValues.instant(r[7])));
        }
        return result;
    }
}
