package de.handinhand.scoring.assignment.service;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.scoring.assignment.Assignment;
import de.handinhand.scoring.assignment.api.AssignmentItem;
import de.handinhand.scoring.assignment.api.AssignmentRequest;
import de.handinhand.scoring.assignment.api.AssignmentView;
import de.handinhand.scoring.assignment.api.AssignmentView.PairView;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.jury.Conflicts;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.jury.service.JuryLocks;
import de.handinhand.scoring.jury.service.JuryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Assigns jurors to a call's active entries, by hand or automatically ({@link AutoAssigner}).
 * Both add to what is there and never pair a juror with an entry they are conflicted with; a
 * manual request with any invalid pair changes nothing. Withdrawn entries get no new jurors.
 */
@ApplicationScoped
public class AssignmentService {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final EntityManager em;
    private final JuryAccess access;
    private final JuryService jury;
    private final ChangeFeed changes;
    private final JuryLocks locks;
    private final AssignmentEvents events;
    private final Clock clock;

    public AssignmentService(EntityManager em, JuryAccess access, JuryService jury, ChangeFeed changes, JuryLocks locks,
            AssignmentEvents events, Clock clock) {
        this.em = em;
        this.access = access;
        this.jury = jury;
        this.changes = changes;
        this.locks = locks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A page of the call's pairs in force, withdrawn entries' included (their jurors still read them),
     * by juror and submission id; optionally of one juror or one entry (a blank juror is no filter).
     */
    public Page<AssignmentItem> list(UUID callId, String jurorFilter, UUID submissionId, Page.Request paging) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        String juror = jurorFilter == null || jurorFilter.isBlank() ? null : jurorFilter.strip();
        String where = " from Assignment a join JuryCase c on c.id = a.caseId where a.callId = :call"
                + (juror == null ? "" : " and a.juror = :juror")
                + (submissionId == null ? "" : " and c.submissionId = :submission");
        var items = em.createQuery("select new " + AssignmentItem.class.getName() + "(a.juror, c.submissionId, c.id, "
                + "a.mode, c.status, a.createdAt)" + where + " order by a.juror, c.submissionId", AssignmentItem.class);
        var count = em.createQuery("select count(a)" + where, Long.class);
        for (var query : List.of(items, count)) {
            query.setParameter("call", callId);
            if (juror != null) {
                query.setParameter("juror", juror);
            }
            if (submissionId != null) {
                query.setParameter("submission", submissionId);
            }
        }
        return new Page<>(items.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                count.getSingleResult(), paging.page(), paging.size());
    }

    @Transactional
    public AssignmentView assign(UUID callId, AssignmentRequest request) {
        if (!access.callKnown(callId)) {
            throw NotFoundException.of("Call", callId);
        }
        JuryCall settings = access.lockSettings(callId);
        if (settings.resultsPublishedAt != null) {
            throw new ConflictException("results-published", "Results of this call are published; assignments are final");
        }
        List<String> jurors = jury.jurors(callId);
        // The jurors' conflict locks (the ones a conflict declaration takes): a conflict declared
        // meanwhile either comes first and is seen here, or waits and then removes what this run
        // assigns. Without them, a pair read against old conflicts could stay.
        locks.jurors(jurors);
        List<JuryCase> cases = em.createQuery("from JuryCase where callId = ?1 and status = ?2", JuryCase.class)
                .setParameter(1, callId).setParameter(2, CaseStatus.ACTIVE).getResultList();
        Map<String, Conflicts> conflicts = new HashMap<>();
        jurors.forEach(j -> conflicts.put(j, access.conflictsOf(j)));
        Map<UUID, Set<String>> existing = existing(callId);
        return request.mode() == Assignment.Mode.MANUAL
                ? manual(callId, request, jurors, cases, conflicts, existing, settings)
                : auto(callId, request, jurors, cases, conflicts, existing, settings);
    }

    private AssignmentView manual(UUID callId, AssignmentRequest request, List<String> jurors, List<JuryCase> cases,
            Map<String, Conflicts> conflicts, Map<UUID, Set<String>> existing, JuryCall settings) {
        Errors errors = new Errors();
        Map<UUID, JuryCase> bySubmission = new HashMap<>();
        cases.forEach(c -> bySubmission.put(c.submissionId, c));
        Set<String> onJury = new HashSet<>(jurors);
        List<Assignment> toAdd = new ArrayList<>();
        Set<String> inRequest = new HashSet<>();
        for (int i = 0; i < request.pairs().size(); i++) {
            AssignmentRequest.Pair p = request.pairs().get(i);
            String at = "pairs[" + i + "]";
            boolean ok = true;
            if (!onJury.contains(p.juror())) {
                errors.add(at + ".juror", "is not on this call's jury");
                ok = false;
            }
            JuryCase c = bySubmission.get(p.submissionId());
            if (c == null) {
                errors.add(at + ".submissionId", "is not an active entry of this call");
                ok = false;
            }
            if (!ok) {
                continue;
            }
            if (conflicts.get(p.juror()).covers(c)) {
                errors.add(at, "juror " + p.juror() + " has a conflict of interest with this entry");
            } else if (!existing.getOrDefault(c.id, Set.of()).contains(p.juror()) && inRequest.add(p.juror() + c.id)) {
                toAdd.add(assignment(callId, c, p.juror(), Assignment.Mode.MANUAL));
            }
        }
        errors.throwIfAny();
        List<PairView> added = persist(toAdd);
        return view(callId, "MANUAL", settings.assignmentSeed, added, List.of());
    }

    private AssignmentView auto(UUID callId, AssignmentRequest request, List<String> jurors, List<JuryCase> cases,
            Map<String, Conflicts> conflicts, Map<UUID, Set<String>> existing, JuryCall settings) {
        int k = request.jurorsPerSubmission();
        if (jurors.isEmpty()) {
            throw ValidationException.of("jurorsPerSubmission", "the call has no jurors yet; set them first");
        }
        if (k > jurors.size()) {
            throw ValidationException.of("jurorsPerSubmission",
                    "must be at most the number of jurors (" + jurors.size() + ")");
        }
        long seed = request.seed() != null ? request.seed() : SEEDS.nextLong();
        Map<UUID, JuryCase> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id, c));
        AutoAssigner.Result result = AutoAssigner.assign(cases.stream().map(c -> c.id).toList(), jurors, existing,
                (juror, caseId) -> !conflicts.get(juror).covers(byId.get(caseId)), k, seed);
        List<Assignment> toAdd = new ArrayList<>();
        result.added().forEach(p -> toAdd.add(assignment(callId, byId.get(p.caseId()), p.juror(), Assignment.Mode.AUTO)));
        settings.assignmentSeed = seed;
        settings.updatedAt = clock.instant();
        List<PairView> added = persist(toAdd);
        List<UUID> understaffed = result.understaffed().stream().map(id -> byId.get(id).submissionId).sorted().toList();
        return view(callId, "AUTO", seed, added, understaffed);
    }

    private Map<UUID, Set<String>> existing(UUID callId) {
        Map<UUID, Set<String>> existing = new HashMap<>();
        for (Assignment a : em.createQuery("from Assignment where callId = ?1", Assignment.class).setParameter(1, callId)
                .getResultList()) {
            existing.computeIfAbsent(a.caseId, id -> new TreeSet<>()).add(a.juror);
        }
        return existing;
    }

    private List<PairView> persist(List<Assignment> toAdd) {
        List<PairView> added = new ArrayList<>();
        for (Assignment a : toAdd) {
            em.persist(a);
            JuryCase c = em.find(JuryCase.class, a.caseId);
            added.add(new PairView(a.juror, c.submissionId, c.id));
        }
        em.flush();
        Set<UUID> changed = new HashSet<>();
        for (Assignment a : toAdd) {
            changes.record(ChangeKind.ASSIGNMENT_ADDED, a.callId, a.caseId, em.find(JuryCase.class, a.caseId).submissionId,
                    a.juror);
            changed.add(a.caseId);
        }
        events.changed(changed);
        added.sort(PAIRS);
        return added;
    }

    static final Comparator<PairView> PAIRS = Comparator.comparing(PairView::juror)
            .thenComparing(PairView::submissionId);

    private AssignmentView view(UUID callId, String mode, Long seed, List<PairView> added, List<UUID> understaffed) {
        List<String> jurors = jury.jurors(callId);
        Map<String, Integer> loads = new TreeMap<>();
        jurors.forEach(j -> loads.put(j, 0));
        List<PairView> all = new ArrayList<>();
        for (Object[] row : em.createQuery("""
                select a.juror, c.submissionId, c.id from Assignment a, JuryCase c
                 where a.caseId = c.id and a.callId = ?1 and c.status = ?2""", Object[].class)
                .setParameter(1, callId).setParameter(2, CaseStatus.ACTIVE).getResultList()) {
            all.add(new PairView((String) row[0], (UUID) row[1], (UUID) row[2]));
            loads.merge((String) row[0], 1, Integer::sum);
        }
        all.sort(PAIRS);
        return new AssignmentView(callId, mode, seed, added, all, loads, understaffed);
    }

    private Assignment assignment(UUID callId, JuryCase c, String juror, Assignment.Mode mode) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.caseId = c.id;
        a.callId = callId;
        a.juror = juror;
        a.mode = mode;
        a.createdAt = Instant.now(clock);
        return a;
    }
}
