package de.handinhand.scoring.jury.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.Page;
import de.handinhand.scoring.assignment.Assignment;
import de.handinhand.scoring.assignment.service.AssignmentEvents;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.jury.CallJuror;
import de.handinhand.scoring.jury.Conflicts;
import de.handinhand.scoring.jury.JurorConflict;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.api.CallOverview;
import de.handinhand.scoring.jury.api.ConflictsRequest;
import de.handinhand.scoring.jury.api.ConflictsView;
import de.handinhand.scoring.jury.api.JurorItem;
import de.handinhand.scoring.jury.api.JurorsView;
import de.handinhand.scoring.jury.api.RemovedAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A call's jurors and each juror's conflicts of interest. Both take effect at once: a juror who
 * leaves a jury, or declares a conflict, loses the affected assignments in the same transaction,
 * and the response lists what was removed.
 */
@ApplicationScoped
public class JuryService {

    private final EntityManager em;
    private final JuryAccess access;
    private final ChangeFeed changes;
    private final JuryLocks locks;
    private final AssignmentEvents events;

    public JuryService(EntityManager em, JuryAccess access, ChangeFeed changes, JuryLocks locks,
            AssignmentEvents events) {
        this.em = em;
        this.access = access;
        this.changes = changes;
        this.locks = locks;
        this.events = events;
    }

    public List<String> jurors(UUID callId) {
        return em.createQuery("select j.username from CallJuror j where j.callId = ?1 order by j.username", String.class)
                .setParameter(1, callId).getResultList();
    }

    public CallOverview overview(UUID callId) {
        requireCall(callId);
        if (!access.organizes(callId) && !access.onJury(callId, access.username())) {
            throw new de.handinhand.common.web.problem.ForbiddenException("Only organizers and the call's jurors read it");
        }
        CallInfo call = access.call(callId);
        JuryCall settings = access.settingsOrNull(callId);
        long active = em.createQuery("select count(c) from JuryCase c where c.callId = ?1 and c.status = ?2", Long.class)
                .setParameter(1, callId).setParameter(2, CaseStatus.ACTIVE).getSingleResult();
        long withdrawn = em.createQuery("select count(c) from JuryCase c where c.callId = ?1 and c.status = ?2", Long.class)
                .setParameter(1, callId).setParameter(2, CaseStatus.WITHDRAWN).getSingleResult();
        return new CallOverview(callId, call == null ? null : call.title, call == null ? null : call.kind,
                access.phase(callId), call == null ? null : call.deadline, call == null ? null : call.juryEndsAt,
                call == null || call.categories == null ? List.of() : List.of(call.categories),
                call == null ? null : call.budgetCents, jurors(callId), active, withdrawn,
                settings == null ? null : settings.assignmentSeed, settings == null ? null : settings.resultsPublishedAt);
    }

    /**
     * A page of the call's jurors by name, each with their load (assigned active entries) and how
     * many of those they have finalised for the entry's current version.
     */
    public Page<JurorItem> listJurors(UUID callId, Page.Request paging) {
        access.requireOrganizerOf(callId);
        List<String> names = em.createQuery("select j.username from CallJuror j where j.callId = ?1 order by j.username",
                String.class).setParameter(1, callId).setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList();
        long total = em.createQuery("select count(j) from CallJuror j where j.callId = ?1", Long.class)
                .setParameter(1, callId).getSingleResult();
        Map<String, Long> assigned = new HashMap<>();
        Map<String, Long> finished = new HashMap<>();
        if (!names.isEmpty()) {
            for (Object[] row : em.createQuery("""
                    select a.juror, count(a) from Assignment a join JuryCase c on c.id = a.caseId
                     where a.callId = :call and c.status = :active and a.juror in :names group by a.juror""", Object[].class)
                    .setParameter("call", callId).setParameter("active", CaseStatus.ACTIVE).setParameter("names", names)
                    .getResultList()) {
                assigned.put((String) row[0], (Long) row[1]);
            }
            for (Object[] row : em.createQuery("""
                    select s.juror, count(s) from ScoreSheet s join JuryCase c on c.id = s.caseId
                     where s.callId = :call and c.status = :active and s.juror in :names
                       and s.finalised = true and s.entryVersion >= c.version
                       and exists (select 1 from Assignment a where a.caseId = s.caseId and a.juror = s.juror)
                     group by s.juror""", Object[].class)
                    .setParameter("call", callId).setParameter("active", CaseStatus.ACTIVE).setParameter("names", names)
                    .getResultList()) {
                finished.put((String) row[0], (Long) row[1]);
            }
        }
        List<JurorItem> items = names.stream()
                .map(n -> new JurorItem(n, assigned.getOrDefault(n, 0L), finished.getOrDefault(n, 0L))).toList();
        return new Page<>(items, total, paging.page(), paging.size());
    }

    /** @param usernames the whole jury, checked already: user names, none twice */
    @Transactional
    public JurorsView setJurors(UUID callId, List<String> usernames) {
        Set<String> wanted = new HashSet<>(usernames);
        access.requireOrganizerOf(callId);
        if (access.lockSettings(callId).resultsPublishedAt != null) {
            // Removing a juror would drop their sheets and change the ranking the portals already read.
            throw new ConflictException("results-published", "Results of this call are published; its jury is final");
        }
        List<CallJuror> current = em.createQuery("from CallJuror where callId = ?1", CallJuror.class)
                .setParameter(1, callId).getResultList();
        List<RemovedAssignment> removed = new ArrayList<>();
        for (CallJuror j : current) {
            if (!wanted.contains(j.username)) {
                em.remove(j);
                List<Assignment> gone = em.createQuery("from Assignment where callId = ?1 and juror = ?2", Assignment.class)
                        .setParameter(1, callId).setParameter(2, j.username).getResultList();
                removed.addAll(remove(gone, "no longer on the jury"));
            }
        }
        events.changed(removed.stream().map(RemovedAssignment::caseId).collect(Collectors.toSet()));
        Set<String> existing = new HashSet<>();
        current.forEach(j -> existing.add(j.username));
        for (String name : wanted) {
            if (!existing.contains(name)) {
                CallJuror j = new CallJuror();
                j.id = UUID.randomUUID();
                j.callId = callId;
                j.username = name;
                em.persist(j);
            }
        }
        em.flush();
        return new JurorsView(callId, jurors(callId), sorted(removed));
    }

    public ConflictsView getConflicts(String username) {
        Conflicts c = access.conflictsOf(username);
        return new ConflictsView(username, List.copyOf(c.municipalities()), List.copyOf(c.kreise()),
                List.copyOf(c.bundeslaender()), List.of());
    }

    /** @param request checked already: well-formed keys and codes, not too many */
    @Transactional
    public ConflictsView setConflicts(String username, ConflictsRequest request) {
        List<String> m = distinct(request.municipalities());
        List<String> k = distinct(request.kreise());
        List<String> b = distinct(request.bundeslaender());
        // One juror's conflicts change one at a time, and not while an assignment run reads them.
        locks.jurors(List.of(username));
        requireKreisOrganizerMayChangeConflictsOf(username);
        em.createQuery("delete from JurorConflict where username = ?1").setParameter(1, username).executeUpdate();
        add(username, JurorConflict.Kind.MUNICIPALITY, m);
        add(username, JurorConflict.Kind.KREIS, k);
        add(username, JurorConflict.Kind.BUNDESLAND, b);
        Conflicts conflicts = new Conflicts(Set.copyOf(m), Set.copyOf(k), Set.copyOf(b));
        List<Assignment> mine = em.createQuery("from Assignment where juror = ?1", Assignment.class)
                .setParameter(1, username).getResultList();
        List<Assignment> conflicted = new ArrayList<>();
        for (Assignment a : mine) {
            JuryCase c = em.find(JuryCase.class, a.caseId);
            if (c != null && conflicts.covers(c)) {
                conflicted.add(a);
            }
        }
        List<RemovedAssignment> removed = remove(conflicted, "conflict of interest");
        events.changed(removed.stream().map(RemovedAssignment::caseId).collect(Collectors.toSet()));
        em.flush();
        Conflicts stored = access.conflictsOf(username);
        return new ConflictsView(username, List.copyOf(stored.municipalities()), List.copyOf(stored.kreise()),
                List.copyOf(stored.bundeslaender()), sorted(removed));
    }

    /**
     * A juror's conflicts hold for every call they judge. An organizer confined to a Kreis may set them
     * only for a juror who serves on no call but that Kreis's: otherwise lifting a conflict would let
     * the juror be assigned conflicted entries of a call another organizer runs (and setting one would
     * take assignments away there). A juror on no jury yet is anyone's to set.
     */
    private void requireKreisOrganizerMayChangeConflictsOf(String username) {
        if (access.organizerKreis().isEmpty()) {
            return;
        }
        List<UUID> calls = em.createQuery("select j.callId from CallJuror j where j.username = ?1", UUID.class)
                .setParameter(1, username).getResultList();
        List<UUID> othersCalls = calls.stream().filter(call -> !access.organizes(call)).distinct().sorted().toList();
        if (!othersCalls.isEmpty()) {
            throw new ForbiddenException("Juror " + username + " also serves on " + othersCalls.size()
                    + " call(s) that your Kreis does not run; their conflicts of interest are set by an organizer "
                    + "of every call");
        }
    }

    /**
     * Before a case moves to another municipality (an organizer corrected an imported entry): locks
     * what {@link #dropConflicted} reads, in the jury's lock order, before the case row is touched.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockReaders(JuryCase c) {
        locks.call(c.callId);
        locks.jurors(em.createQuery("select a.juror from Assignment a where a.caseId = ?1", String.class)
                .setParameter(1, c.id).getResultList());
    }

    /**
     * After a case moved: the assignments whose juror is conflicted with its new municipality, Kreis
     * or Land go, as if the conflict had been declared now; the submission service hears of it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<RemovedAssignment> dropConflicted(JuryCase c) {
        List<Assignment> conflicted = new ArrayList<>();
        for (Assignment a : em.createQuery("from Assignment where caseId = ?1", Assignment.class).setParameter(1, c.id)
                .getResultList()) {
            if (Conflicts.load(em, a.juror).covers(c)) {
                conflicted.add(a);
            }
        }
        List<RemovedAssignment> removed = remove(conflicted, "conflict of interest");
        events.changed(removed.isEmpty() ? Set.of() : Set.of(c.id));
        return sorted(removed);
    }

    private List<RemovedAssignment> remove(List<Assignment> assignments, String reason) {
        List<RemovedAssignment> removed = new ArrayList<>();
        for (Assignment a : assignments) {
            JuryCase c = em.find(JuryCase.class, a.caseId);
            removed.add(new RemovedAssignment(a.callId, a.caseId, c == null ? null : c.submissionId, a.juror, reason));
            em.remove(a);
            changes.record(ChangeKind.ASSIGNMENT_REMOVED, a.callId, a.caseId, c == null ? null : c.submissionId, a.juror);
        }
        return removed;
    }

    private void add(String username, JurorConflict.Kind kind, List<String> codes) {
        for (String code : codes) {
            JurorConflict c = new JurorConflict();
            c.id = UUID.randomUUID();
            c.username = username;
            c.kind = kind;
            c.code = code;
            em.persist(c);
        }
    }

    /** A code given twice counts once; sorted, as they are read back. */
    private static List<String> distinct(List<String> codes) {
        return codes == null ? List.of() : List.copyOf(new TreeSet<>(codes));
    }

    private void requireCall(UUID callId) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
    }

    private static List<RemovedAssignment> sorted(List<RemovedAssignment> removed) {
        removed.sort(Comparator.comparing((RemovedAssignment r) -> r.callId().toString())
                .thenComparing(r -> r.submissionId() == null ? "" : r.submissionId().toString())
                .thenComparing(RemovedAssignment::juror));
        return removed;
    }
}
