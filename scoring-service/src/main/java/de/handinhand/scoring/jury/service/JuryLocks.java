package de.handinhand.scoring.jury.service;

import de.handinhand.scoring.jury.JuryCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The jury's write locks, held to the end of the transaction. Every writer takes them in one order
 * (a call's settings row, then jurors by name, then case rows by id, the last in
 * {@code AssignmentEvents}), so two writers never wait for each other in a circle.
 */
@ApplicationScoped
public class JuryLocks {

    private final EntityManager em;

    public JuryLocks(EntityManager em) {
        this.em = em;
    }

    /**
     * A call's jury settings, created on first use, locked for update: organizer changes of one call
     * queue. Also takes the call's advisory lock exclusively, which score saves hold shared: a change
     * waits for the saves running and the saves after it wait for it and see its outcome.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JuryCall call(UUID callId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, hashtext(?2))) l")
                .setParameter(1, CALL_LOCKS).setParameter(2, callId.toString()).getSingleResult();
        ensureSettings(callId);
        return em.find(JuryCall.class, callId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The call's advisory lock held shared, and its settings as committed: score saves run side by side
     * but wait for a criteria change or a publication (which hold it exclusively). Not a share lock on
     * the settings row: with many jurors saving at once, PostgreSQL records the row's lockers in a
     * multixact rewritten by every save, which serialised the saves of one call on that row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JuryCall callShared(UUID callId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock_shared(?1, hashtext(?2))) l")
                .setParameter(1, CALL_LOCKS).setParameter(2, callId.toString()).getSingleResult();
        JuryCall settings = em.find(JuryCall.class, callId);
        if (settings == null) {
            ensureSettings(callId);
            settings = em.find(JuryCall.class, callId);
        }
        return settings;
    }

    /** The key space (first key) of the calls' advisory locks; the jurors' locks use the one-key space. */
    static final int CALL_LOCKS = 17;

    /**
     * The jurors' conflict locks, by name: whoever reads a juror's conflicts to decide an assignment
     * holds them, and so does a conflict declaration, which then sees every pair made before it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void jurors(Collection<String> usernames) {
        for (String juror : new TreeSet<>(usernames)) {
            em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) l")
                    .setParameter(1, "juror:" + juror).getSingleResult();
        }
    }

    private void ensureSettings(UUID callId) {
        em.createNativeQuery("insert into jury_call (call_id, updated_at) values (?1, now()) on conflict do nothing")
                .setParameter(1, callId).executeUpdate();
    }
}
