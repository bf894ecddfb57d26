package de.handinhand.scoring.assignment.service;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.events.AssignmentsChanged;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.scoring.jury.Conflicts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Tells the submission service who may read an entry (its attachments): every transaction that
 * changes an entry's assigned, unconflicted jurors ends by calling {@link #changed}, which writes one
 * {@code handinhand.assignments.changed} per entry to the outbox in that transaction, with the whole
 * set and the entry's next revision.
 */
@ApplicationScoped
public class AssignmentEvents {

    private final EntityManager em;
    private final OutboxWriter outbox;
    private final Clock clock;

    public AssignmentEvents(EntityManager em, OutboxWriter outbox, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Call once per transaction, after the last change, with every case whose jurors changed.
     * Case rows are locked in id order (the last of the jury's locks, see {@code JuryLocks}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        em.flush();
        Instant now = clock.instant();
        for (UUID caseId : new TreeSet<>(caseIds)) {
            // The increment locks the case row to the end of the transaction. A concurrent change of the
            // same entry waits here, and its next statement then sees this one's committed jurors: the
            // higher revision always carries the later set, and is written to the outbox later too.
            Object[] row = (Object[]) em.createNativeQuery("""
                    update jury_case set readers_revision = readers_revision + 1 where id = ?1
                    returning call_id, submission_id, readers_revision""").setParameter(1, caseId).getSingleResult();
            UUID submissionId = (UUID) row[1];
            AssignmentsChanged data = new AssignmentsChanged((UUID) row[0], submissionId,
                    ((Number) row[2]).longValue(), readers(caseId), now);
            outbox.append(EventTypes.SCORING_TOPIC, EventTypes.ASSIGNMENTS_CHANGED, submissionId.toString(), data);
        }
    }

    /** The jurors who may read a case now: assigned to it and not conflicted with it, sorted. */
    public List<String> readers(UUID caseId) {
        List<String> jurors = new ArrayList<>(em.createQuery("select a.juror from Assignment a join JuryCase c on c.id = "
                + "a.caseId where a.caseId = ?1 and not " + Conflicts.coveredHql("c", "a.juror"), String.class)
                .setParameter(1, caseId).getResultList());
        jurors.sort(null);
        return jurors;
    }
}
