package de.handinhand.scoring.jury.service;

import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.jury.Conflicts;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.JuryPhase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The jury's tenant rules in one place, so no endpoint can skip them: an organizer runs every call,
 * unless the token carries {@code kreis_id} — then only the calls that Kreis runs ({@code kreisId} of
 * {@code handinhand.call.published}); a juror reads a case only while assigned to it and not
 * conflicted with its municipality, Kreis or Land; to everyone else a case does not exist (404).
 */
@RequestScoped
public class JuryAccess {

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;
    private final JuryLocks locks;
    private Conflicts ownConflicts;

    public JuryAccess(EntityManager em, Caller caller, Clock clock, JuryLocks locks) {
        this.em = em;
        this.locks = locks;
        this.caller = caller;
        this.clock = clock;
    }

    /** Has the organizer role; which calls they organize is {@link #organizes}. */
    public boolean organizer() {
        return caller.has(Roles.ORGANIZER);
    }

    /** The Kreis an organizer's token confines them to; empty for organizers of every call. */
    public Optional<String> organizerKreis() {
        return organizer() ? caller.kreisId() : Optional.empty();
    }

    /**
     * Whether the caller organizes this call: an organizer without {@code kreis_id} organizes every
     * call, a Kreis organizer those whose {@code kreisId} is theirs. A call not announced yet (only its
     * cases are known) has no Kreis to match, so a Kreis organizer does not organize it.
     */
    public boolean organizes(UUID callId) {
        if (!organizer()) {
            return false;
        }
        Optional<String> kreis = caller.kreisId();
        if (kreis.isEmpty()) {
            return true;
        }
        CallInfo call = call(callId);
        return call != null && kreis.get().equals(call.kreisId);
    }

    /**
     * For every operation by which an organizer runs a call: 404 for an unknown call, 403 for a
     * caller who does not organize it (a juror, or a Kreis organizer of another Kreis's call).
     */
    public void requireOrganizerOf(UUID callId) {
        if (!callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        if (!organizes(callId)) {
            throw new ForbiddenException(organizer() ? "This call is run by another Kreis; your token carries "
                    + Caller.KREIS_CLAIM + " " + caller.kreisId().orElse("") : "Only the call's organizers may do this");
        }
    }

    /** The calls a Kreis organizer runs; null for an organizer of every call (no restriction). */
    public Set<UUID> organizedCalls() {
        Optional<String> kreis = organizerKreis();
        if (kreis.isEmpty()) {
            return null;
        }
        return new TreeSet<>(em.createQuery("select c.id from CallInfo c where c.kreisId = ?1", UUID.class)
                .setParameter(1, kreis.get()).getResultList());
    }

    public boolean juror() {
        return !organizer() && caller.has(Roles.JUROR);
    }

    public String username() {
        return caller.username();
    }

    public Conflicts conflictsOf(String username) {
        return Conflicts.load(em, username);
    }

    /** The calling juror's conflicts, read once per request. */
    public Conflicts ownConflicts() {
        if (ownConflicts == null) {
            ownConflicts = conflictsOf(username());
        }
        return ownConflicts;
    }

    public boolean assigned(String juror, UUID caseId) {
        return !em.createQuery("select a.id from Assignment a where a.caseId = ?1 and a.juror = ?2")
                .setParameter(1, caseId).setParameter(2, juror).setMaxResults(1).getResultList().isEmpty();
    }

    /** The case ids of a call assigned to the calling juror, minus conflicted ones. */
    public Set<UUID> ownCaseIds(UUID callId) {
        List<JuryCase> cases = em.createQuery("""
                select c from JuryCase c where c.callId = ?1
                   and exists (select 1 from Assignment a where a.caseId = c.id and a.juror = ?2)""", JuryCase.class)
                .setParameter(1, callId).setParameter(2, username()).getResultList();
        Set<UUID> ids = new TreeSet<>();
        Conflicts conflicts = ownConflicts();
        cases.stream().filter(c -> !conflicts.covers(c)).forEach(c -> ids.add(c.id));
        return ids;
    }

    /** The case if the caller may read it; otherwise 404, so its existence does not leak. */
    public JuryCase readableCase(UUID caseId) {
        JuryCase c = em.find(JuryCase.class, caseId);
        if (c == null || !mayRead(c)) {
            throw NotFoundException.of("Case", caseId);
        }
        return c;
    }

    public boolean mayRead(JuryCase c) {
        if (organizer()) {
            return organizes(c.callId);
        }
        return caller.has(Roles.JUROR) && assigned(username(), c.id) && !ownConflicts().covers(c);
    }

    public boolean onJury(UUID callId, String username) {
        return !em.createQuery("select j.id from CallJuror j where j.callId = ?1 and j.username = ?2")
                .setParameter(1, callId).setParameter(2, username).setMaxResults(1).getResultList().isEmpty();
    }

    /** Organizer only; jurors and the rest get 403. */
    public void requireOrganizer() {
        if (!organizer()) {
            throw new ForbiddenException("Only organizers may do this");
        }
    }

    public CallInfo call(UUID callId) {
        return em.find(CallInfo.class, callId);
    }

    public JuryPhase phase(UUID callId) {
        return JuryPhase.of(call(callId), clock.instant());
    }

    /**
     * The jury's settings of a call, created on first use and locked for the rest of the transaction:
     * organizer changes to one call (criteria, assignment, publication) run one after the other.
     */
    public JuryCall lockSettings(UUID callId) {
        return locks.call(callId);
    }

    /**
     * The jury's settings of a call, created on first use and share-locked for the rest of the
     * transaction: score saves run side by side, but wait for a criteria change or the publication
     * of results (which lock the row for update) and see their outcome.
     */
    public JuryCall shareSettings(UUID callId) {
        return locks.callShared(callId);
    }

    /** Read-only: the settings if any were stored. */
    public JuryCall settingsOrNull(UUID callId) {
        return em.find(JuryCall.class, callId);
    }

    public boolean callKnown(UUID callId) {
        return call(callId) != null || !em.createQuery("select c.id from JuryCase c where c.callId = ?1")
                .setParameter(1, callId).setMaxResults(1).getResultList().isEmpty();
    }
}
