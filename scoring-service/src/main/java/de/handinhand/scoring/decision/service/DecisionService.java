package de.handinhand.scoring.decision.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.scoring.allocation.Allocator;
import de.handinhand.scoring.allocation.service.AllocationService;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.decision.DecisionChange;
import de.handinhand.scoring.decision.DecisionLine;
import de.handinhand.scoring.decision.api.DecisionLineInput;
import de.handinhand.scoring.decision.api.DecisionRequest;
import de.handinhand.scoring.decision.api.DecisionView;
import de.handinhand.scoring.jury.JuryCall;
import de.handinhand.scoring.jury.JuryPhase;
import de.handinhand.scoring.jury.service.JuryAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The committee's decision on a FUNDING call's grants (the Heilbronn "Gremium"). It starts from the
 * computed allocation, stored line by line when the committee first changes it (or at publication),
 * each line keeping the computed grant beside the decided one. A grant may be partial; one that
 * differs from the computation needs a reason; the grants never add up to more than the call's
 * budget; every change goes into the history. Publishing the results makes it final. Changes to one
 * call run one after the other (the call's jury settings row is locked), so two committee members
 * saving at once cannot together exceed the budget.
 */
@ApplicationScoped
public class DecisionService {

    private final EntityManager em;
    private final JuryAccess access;
    private final AllocationService allocation;
    private final Clock clock;

    public DecisionService(EntityManager em, JuryAccess access, AllocationService allocation, Clock clock) {
        this.em = em;
        this.access = access;
        this.allocation = allocation;
        this.clock = clock;
    }

    /** The stored decision, or while none is stored the computed allocation as the proposal. */
    public DecisionView get(UUID callId) {
        CallInfo call = fundingCall(callId);
        List<DecisionLine> stored = lines(callId);
        JuryCall settings = access.settingsOrNull(callId);
        Instant publishedAt = settings == null ? null : settings.resultsPublishedAt;
        if (stored.isEmpty()) {
            List<DecisionLine> proposal = new ArrayList<>();
            for (Allocator.Line l : computed(callId)) {
                proposal.add(started(callId, l, null, null));
            }
            return view(call, proposal, List.of(), false, publishedAt);
        }
        return view(call, stored, history(callId), true, publishedAt);
    }

    @Transactional
    public DecisionView put(UUID callId, DecisionRequest request) {
        CallInfo call = fundingCall(callId);
        JuryCall settings = access.lockSettings(callId);
        if (settings.resultsPublishedAt != null) {
            throw new ConflictException("decision-final", "The results of this call were published at "
                    + settings.resultsPublishedAt + "; the decision is final");
        }
        JuryPhase phase = JuryPhase.of(call, clock.instant());
        if (phase != JuryPhase.CLOSED) {
            throw new ConflictException("jury-phase-not-over", "The committee decides once the jury phase is over "
                    + "(the ranking is final then); the call is in phase " + phase);
        }
        Instant now = clock.instant();
        String by = access.username();
        Map<UUID, DecisionLine> lines = byEntry(start(callId, now, by));
        Map<UUID, JuryCase> cases = cases(callId);
        Errors errors = new Errors();
        Set<UUID> seen = new HashSet<>();
        Map<UUID, Long> wanted = new HashMap<>();
        List<DecisionLineInput> in = request.lines();
        for (int i = 0; i < in.size(); i++) {
            DecisionLineInput l = in.get(i);
            String at = "lines[" + i + "]";
            if (!seen.add(l.submissionId())) {
                errors.add(at + ".submissionId", "is given twice");
                continue;
            }
            DecisionLine line = lines.get(l.submissionId());
            JuryCase c = cases.get(l.submissionId());
            if (line == null || c == null) {
                errors.add(at + ".submissionId", "is not an entry of this call");
                continue;
            }
            long grant = l.grantCents();
            if (c.status == CaseStatus.WITHDRAWN && grant > 0) {
                errors.add(at + ".grantCents", "the entry is withdrawn; its grant can only be 0");
            } else if (c.requestedCents != null && grant > c.requestedCents) {
                errors.add(at + ".grantCents", "is more than the " + Allocator.euro(c.requestedCents) + " requested");
            }
            if (grant != line.computedCents && blank(l.reason())) {
                errors.add(at + ".reason", "is required: the grant of " + Allocator.euro(grant) + " differs from the "
                        + "computed allocation of " + Allocator.euro(line.computedCents));
            }
            wanted.put(l.submissionId(), grant);
        }
        long total = 0;
        for (DecisionLine line : lines.values()) {
            total += wanted.getOrDefault(line.submissionId, line.grantCents);
        }
        if (total > call.budgetCents) {
            String why = "the grants would add up to " + Allocator.euro(total) + ", " + Allocator.euro(total
                    - call.budgetCents) + " above the budget of " + Allocator.euro(call.budgetCents);
            boolean named = false;
            for (int i = 0; i < in.size(); i++) {
                DecisionLine line = lines.get(in.get(i).submissionId());
                if (line != null && in.get(i).grantCents() > line.grantCents) {
                    errors.add("lines[" + i + "].grantCents", why);
                    named = true;
                }
            }
            if (!named) {
                errors.add("lines", why);
            }
        }
        errors.throwIfAny();
        for (DecisionLineInput l : in) {
            DecisionLine line = lines.get(l.submissionId());
            String reason = blank(l.reason()) ? null : l.reason().strip();
            if (line.grantCents == l.grantCents() && Objects.equals(line.reason, reason)) {
                continue;
            }
            record(callId, line.submissionId, by, now, line.grantCents, l.grantCents(), reason);
            line.grantCents = l.grantCents();
            line.reason = reason;
            line.changedBy = by;
            line.changedAt = now;
        }
        settings.updatedAt = now;
        em.flush();
        return view(call, lines(callId), history(callId), true, null);
    }

    /**
     * At publication, in the publishing transaction (the call's settings locked): the decided grant of
     * each entry, the decision stored first if the committee never changed the computation. Refuses a
     * decision that no longer holds (an entry withdrawn since, a budget lowered since).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Long> finalGrants(UUID callId) {
        CallInfo call = fundingCall(callId);
        List<DecisionLine> lines = start(callId, clock.instant(), access.username());
        Map<UUID, JuryCase> cases = cases(callId);
        Map<UUID, Long> grants = new LinkedHashMap<>();
        long total = 0;
        for (DecisionLine line : lines) {
            JuryCase c = cases.get(line.submissionId);
            if (line.grantCents > 0 && (c == null || c.status == CaseStatus.WITHDRAWN)) {
                throw new ConflictException("decision-outdated", "Entry " + line.submissionId + " was withdrawn after "
                        + "the committee granted it " + Allocator.euro(line.grantCents) + "; set its grant to 0 first");
            }
            total += line.grantCents;
            grants.put(line.submissionId, line.grantCents);
        }
        if (total > call.budgetCents) {
            throw new ConflictException("decision-outdated", "The grants add up to " + Allocator.euro(total)
                    + ", above the call's budget of " + Allocator.euro(call.budgetCents) + " (lowered since)");
        }
        return grants;
    }

    /** The call if the caller organizes it and it is a FUNDING call with a budget to decide over. */
    private CallInfo fundingCall(UUID callId) {
        access.requireOrganizerOf(callId);
        CallInfo call = access.call(callId);
        if (call == null || !"FUNDING".equals(call.kind)) {
            throw new ConflictException("not-a-funding-call", "Only FUNDING calls have a committee's decision on grants");
        }
        if (call.budgetCents == null || call.budgetCents <= 0) {
            throw new ConflictException("no-budget", "The call has no budget to decide over; set it on the call first");
        }
        return call;
    }

    /**
     * The stored lines, starting from the computed allocation every entry that has none yet (all of
     * them the first time; later an entry the organizer imported after the decision started).
     */
    private List<DecisionLine> start(UUID callId, Instant now, String by) {
        Map<UUID, DecisionLine> stored = byEntry(lines(callId));
        List<Allocator.Line> computed = computed(callId);
        boolean added = false;
        for (Allocator.Line l : computed) {
            if (!stored.containsKey(l.submissionId())) {
                DecisionLine line = started(callId, l, by, now);
                em.persist(line);
                record(callId, l.submissionId(), by, now, null, l.awardedCents(), "computed allocation: " + l.reason());
                added = true;
            }
        }
        if (added) {
            em.flush();
        }
        return lines(callId);
    }

    private List<Allocator.Line> computed(UUID callId) {
        return allocation.allocate(callId, null).allocation().lines();
    }

    private static DecisionLine started(UUID callId, Allocator.Line l, String by, Instant now) {
        DecisionLine line = new DecisionLine();
        line.callId = callId;
        line.submissionId = l.submissionId();
        line.computedCents = l.awardedCents();
        line.computedDecision = l.decision().name();
        line.computedReason = l.reason();
        line.grantCents = l.awardedCents();
        line.changedBy = by;
        line.changedAt = now;
        return line;
    }

    private void record(UUID callId, UUID submissionId, String by, Instant at, Long old, long now, String reason) {
        DecisionChange change = new DecisionChange();
        change.callId = callId;
        change.submissionId = submissionId;
        change.changedBy = by;
        change.changedAt = at;
        change.oldCents = old;
        change.newCents = now;
        change.reason = reason;
        em.persist(change);
    }

    private List<DecisionLine> lines(UUID callId) {
        return em.createQuery("from DecisionLine where callId = ?1", DecisionLine.class).setParameter(1, callId)
                .getResultList();
    }

    private List<DecisionChange> history(UUID callId) {
        return em.createQuery("from DecisionChange where callId = ?1 order by seq", DecisionChange.class)
                .setParameter(1, callId).getResultList();
    }

    private Map<UUID, JuryCase> cases(UUID callId) {
        Map<UUID, JuryCase> cases = new HashMap<>();
        em.createQuery("from JuryCase where callId = ?1", JuryCase.class).setParameter(1, callId).getResultList()
                .forEach(c -> cases.put(c.submissionId, c));
        return cases;
    }

    private static Map<UUID, DecisionLine> byEntry(List<DecisionLine> lines) {
        Map<UUID, DecisionLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.submissionId, l));
        return map;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private DecisionView view(CallInfo call, List<DecisionLine> lines, List<DecisionChange> history, boolean stored,
            Instant publishedAt) {
        Map<UUID, JuryCase> cases = cases(call.id);
        Map<UUID, Integer> ranks = new HashMap<>();
        for (Allocator.Line l : computed(call.id)) {
            if (l.rank() != null) {
                ranks.put(l.submissionId(), l.rank());
            }
        }
        List<DecisionView.Line> out = new ArrayList<>();
        long total = 0;
        for (DecisionLine l : lines) {
            JuryCase c = cases.get(l.submissionId);
            total += l.grantCents;
            out.add(new DecisionView.Line(l.submissionId, c == null ? null : c.municipalityId,
                    c == null ? null : c.municipalityName, c == null ? null : c.title, c == null ? null : c.category,
                    c == null ? null : c.status.name(), ranks.get(l.submissionId), c == null ? null : c.requestedCents,
                    l.computedCents, l.computedDecision, l.computedReason, l.grantCents, l.reason,
                    l.grantCents != l.computedCents, l.changedBy, l.changedAt));
        }
        // Best first, as the committee reads down the ranking: category, rank (unranked last), then name.
        out.sort(Comparator.comparing((DecisionView.Line l) -> l.category() == null ? "" : l.category())
                .thenComparing(DecisionView.Line::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(l -> l.municipalityName() == null ? "" : l.municipalityName())
                .thenComparing(DecisionView.Line::submissionId));
        List<DecisionView.Change> changes = history.stream().map(h -> new DecisionView.Change(h.submissionId,
                h.changedBy, h.changedAt, h.oldCents, h.newCents, h.reason)).toList();
        return new DecisionView(call.id, call.budgetCents, total, call.budgetCents - total, stored,
                publishedAt != null, publishedAt, out, changes);
    }
}
