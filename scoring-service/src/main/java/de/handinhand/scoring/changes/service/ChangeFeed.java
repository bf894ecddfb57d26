package de.handinhand.scoring.changes.service;

import de.handinhand.common.web.problem.BadRequestException;
import de.handinhand.scoring.changes.ChangeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The change log behind {@code GET /api/scoring/changes}. Rows are written in the business
 * transaction; writers take one transaction-scoped advisory lock first, so sequence numbers become
 * visible in the order they were drawn and a reader that has passed a cursor never misses a row
 * committed later with a smaller number. The cursor is the last sequence number, opaquely encoded.
 */
@ApplicationScoped
public class ChangeFeed {

    /** Advisory lock key of the change log ("SCOR" in ASCII). */
    static final long LOCK = 0x53434F52L;
    private static final String PREFIX = "chg1:";

    private final EntityManager em;

    public ChangeFeed(EntityManager em) {
        this.em = em;
    }

    public record Row(long seq, UUID callId, UUID caseId, UUID submissionId, String juror, ChangeKind kind, Instant at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ChangeKind kind, UUID callId, UUID caseId, UUID submissionId, String juror) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1)) l").setParameter(1, LOCK).getSingleResult();
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
    public List<Row> after(long after, UUID callId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select seq, call_id, case_id, submission_id, juror, kind, at from change_log
                 where seq > ?1 and (cast(?2 as uuid) is null or call_id = cast(?2 as uuid))
                 order by seq limit ?3""")
                .setParameter(1, after)
                .setParameter(2, callId == null ? null : callId.toString())
                .setParameter(3, limit)
                .getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            result.add(new Row(((Number) r[0]).longValue(), (UUID) r[1], (UUID) r[2], (UUID) r[3], (String) r[4],
                    ChangeKind.valueOf((String) r[5]), instant(r[6])));
        }
        return result;
    }

    public static String cursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor stands for; null or empty is the beginning. */
    public static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400
        }
        throw BadRequestException.ofParameter("since", "is not a cursor this feed handed out");
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
