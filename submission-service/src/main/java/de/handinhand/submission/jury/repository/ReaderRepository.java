package de.handinhand.submission.jury.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reader sets of entries (table {@code entry_reader}), one row per entry: the scoring service's
 * latest snapshot of the jurors assigned to it and not conflicted.
 */
@ApplicationScoped
public class ReaderRepository {

    private final EntityManager em;

    public ReaderRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Replaces the entry's reader set unless a higher revision is stored already; one statement, so
     * two deliveries racing for the same entry cannot interleave.
     *
     * @return false when the stored revision is higher and nothing changed
     */
    public boolean replace(UUID submissionId, UUID callId, long revision, List<String> jurors, Instant changedAt,
            Instant now) {
        int changed = em.createNativeQuery("""
                insert into entry_reader (submission_id, call_id, revision, jurors, changed_at, applied_at)
                values (?1, ?2, ?3, cast(?4 as text[]), ?5, ?6)
                on conflict (submission_id) do update set call_id = excluded.call_id,
                    revision = excluded.revision, jurors = excluded.jurors, changed_at = excluded.changed_at,
                    applied_at = excluded.applied_at
                where entry_reader.revision <= excluded.revision""")
                .setParameter(1, submissionId)
                .setParameter(2, callId)
                .setParameter(3, revision)
                .setParameter(4, jurors.toArray(String[]::new))
                .setParameter(5, changedAt)
                .setParameter(6, now)
                .executeUpdate();
        return changed == 1;
    }

    /** Whether the juror is in the entry's current reader set. */
    public boolean isReader(UUID submissionId, String username) {
        return !em.createNativeQuery("select 1 from entry_reader where submission_id = ?1 and ?2 = any (jurors)")
                .setParameter(1, submissionId)
                .setParameter(2, username)
                .getResultList().isEmpty();
    }
}
