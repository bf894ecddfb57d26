package de.handinhand.scoring.cases.service;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.events.CallPublished;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import de.handinhand.common.messaging.inbox.Inbox;
import de.handinhand.scoring.calls.CallInfo;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.service.ChangeFeed;
import de.handinhand.scoring.calls.CallInfoRepository;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.cases.mapping.CaseMapper;
import de.handinhand.scoring.cases.repository.CaseRepository;
import de.handinhand.scoring.jury.service.JuryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies submission events to cases, each in one transaction with the inbox record of its event
 * id: a redelivered event changes nothing. A submitted version older than the case's is ignored,
 * so an out-of-date redelivery cannot roll a case back.
 */
@ApplicationScoped
public class CaseUpdater {

    static final String CONSUMER = "scoring.submission-events";
    private static final Logger LOG = Logger.getLogger(CaseUpdater.class);

    private final Inbox inbox;
    private final CaseRepository cases;
    private final CallInfoRepository calls;
    private final Clock clock;
    private final ChangeFeed changes;
    private final JuryService jury;

    public CaseUpdater(Inbox inbox, CaseRepository cases, CallInfoRepository calls, Clock clock, ChangeFeed changes,
            JuryService jury) {
        this.changes = changes;
        this.jury = jury;
        this.inbox = inbox;
        this.cases = cases;
        this.calls = calls;
        this.clock = clock;
    }

    /** @return false if the event had been processed before */
    @Transactional
    public boolean apply(CloudEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return false;
        }
        switch (event.type()) {
            case EventTypes.SUBMISSION_SUBMITTED -> submitted(CloudEventCodec.data(event, SubmissionSubmitted.class));
            case EventTypes.SUBMISSION_WITHDRAWN -> withdrawn(CloudEventCodec.data(event, SubmissionWithdrawn.class));
            case EventTypes.CALL_PUBLISHED -> callPublished(CloudEventCodec.data(event, CallPublished.class));
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
        return true;
    }

    private void submitted(SubmissionSubmitted s) {
        if (s.submissionId() == null || s.callId() == null || s.version() < 1 || s.municipality() == null
                || s.municipality().id() == null || s.municipality().kreisId() == null
                || s.municipality().bundesland() == null || s.title() == null) {
            throw new MalformedEventException("submitted event lacks submissionId, callId, version, title or municipality");
        }
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
        changes.record(ChangeKind.CASE_UPDATED, c.callId, c.id, c.submissionId, null);
        if (moved) {
            for (var removed : jury.dropConflicted(c)) {
                LOG.infof("Entry %s moved to %s; juror %s is conflicted with it and no longer assigned", c.submissionId,
                        c.municipalityId, removed.juror());
            }
        }
    }

    private void withdrawn(SubmissionWithdrawn w) {
        if (w.submissionId() == null) {
            throw new MalformedEventException("withdrawn event lacks submissionId");
        }
        cases.findBySubmission(w.submissionId()).ifPresentOrElse(c -> {
            c.status = CaseStatus.WITHDRAWN;
            c.withdrawnAt = w.withdrawnAt() == null ? clock.instant() : w.withdrawnAt();
            c.updatedAt = clock.instant();
            changes.record(ChangeKind.CASE_WITHDRAWN, c.callId, c.id, c.submissionId, null);
        }, () -> LOG.warnf("Withdrawal of %s, which has no case; nothing to do", w.submissionId()));
    }

    private void callPublished(CallPublished p) {
        if (p.callId() == null || p.title() == null || p.deadline() == null || p.juryEndsAt() == null) {
            throw new MalformedEventException("call event lacks callId, title, deadline or juryEndsAt");
        }
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
    }
}
