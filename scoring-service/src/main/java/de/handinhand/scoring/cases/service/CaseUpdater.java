package de.handinhand.scoring.cases.service;

import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.events.CallPublished;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.calls.CallInfoRepository;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.cases.mapping.CaseMapper;
import de.handinhand.scoring.cases.repository.CaseRepository;
import de.handinhand.scoring.jury.service.JuryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The effects of submission events on cases and calls. Each runs in the dispatcher's transaction
 * with the inbox record of its event id, so a redelivered event changes nothing. A submitted version
 * older than the case's is ignored, so an out-of-date redelivery cannot roll a case back. Data the
 * jury's tables refuse for its shape (a missing name, a code too long) can never apply: it is
 * poison and goes to the dead-letter topic, instead of holding the channel up for ever.
 */
@ApplicationScoped
public class CaseUpdater {

    private static final Logger LOG = Logger.getLogger(CaseUpdater.class);
    /** SQL state class 22: a value the column cannot hold (too long, out of range, malformed). */
    private static final String DATA_EXCEPTION = "22";
    /** Not-null and check violations: the row can never be stored as the event describes it. */
    private static final Set<String> REFUSED_VALUES = Set.of("23502", "23514");

    private final CaseRepository cases;
    private final CallInfoRepository calls;
    private final Clock clock;
    private final ChangeFeed changes;
    private final JuryService jury;
    private final EntityManager em;

    public CaseUpdater(CaseRepository cases, CallInfoRepository calls, Clock clock, ChangeFeed changes,
            JuryService jury, EntityManager em) {
        this.em = em;
        this.changes = changes;
        this.jury = jury;
        this.cases = cases;
        this.calls = calls;
        this.clock = clock;
    }

    public void submitted(SubmissionSubmitted s) {
        Instant now = clock.instant();
        JuryCase c = cases.findBySubmission(s.submissionId()).orElse(null);
        if (c == null) {
            c = new JuryCase();
            c.id = UUID.randomUUID();
            c.createdAt = now;
        } else if (c.version >= s.version()) {
            LOG.infof("Case %s already shows version %d; ignoring version %d", c.id, c.version, s.version());
            return;
        }
        // An organizer's correction of an imported entry may name another municipality: jurors
        // conflicted with the new one must lose the entry, as if they had declared the conflict now.
        boolean moved = c.municipalityId != null && !(c.municipalityId.equals(s.municipality().id())
                && c.kreisId.equals(s.municipality().kreisId()) && c.bundesland.equals(s.municipality().bundesland()));
        if (moved) {
            jury.lockReaders(c);
        }
        CaseMapper.apply(s, c);
        c.status = CaseStatus.ACTIVE;
        c.withdrawnAt = null;
        c.updatedAt = now;
        cases.persist(c);
        storeOrPoison("submitted entry " + s.submissionId());
        changes.record(ChangeKind.CASE_UPDATED, c.callId, c.id, c.submissionId, null);
        if (moved) {
            for (var removed : jury.dropConflicted(c)) {
                LOG.infof("Entry %s moved to %s; juror %s is conflicted with it and no longer assigned", c.submissionId,
                        c.municipalityId, removed.juror());
            }
        }
    }

    /** A withdrawal of an entry the jury never saw changes nothing (its submitted event was dead-lettered). */
    public void withdrawn(SubmissionWithdrawn w) {
        cases.findBySubmission(w.submissionId()).ifPresentOrElse(c -> {
            c.status = CaseStatus.WITHDRAWN;
            c.withdrawnAt = w.withdrawnAt() == null ? clock.instant() : w.withdrawnAt();
            c.updatedAt = clock.instant();
            changes.record(ChangeKind.CASE_WITHDRAWN, c.callId, c.id, c.submissionId, null);
        }, () -> LOG.warnf("Withdrawal of %s, which has no case; nothing to do", w.submissionId()));
    }

    public void callPublished(CallPublished p) {
        CallInfo call = calls.findByIdOptional(p.callId()).orElseGet(CallInfo::new);
        call.id = p.callId();
        call.title = p.title();
        call.kind = p.kind();
        call.deadline = p.deadline();
        call.juryEndsAt = p.juryEndsAt();
        call.resultsAt = p.resultsAt();
        call.categories = p.categories() == null ? new String[0] : p.categories().toArray(String[]::new);
        call.budgetCents = p.budgetCents();
        call.updatedAt = clock.instant();
        calls.persist(call);
        storeOrPoison("call " + p.callId());
    }

    /**
     * Writes what the handler changed now, so that a refusal for the data's shape surfaces here and is
     * told apart from a passing failure (a lost connection, a lock timeout), which is tried again.
     */
    private void storeOrPoison(String what) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String state = sqlState(e);
            if (state != null && (state.startsWith(DATA_EXCEPTION) || REFUSED_VALUES.contains(state))) {
                throw new MalformedEventException(what + " does not fit the jury's tables (SQL state " + state + "): "
                        + rootMessage(e));
            }
            throw e;
        }
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
