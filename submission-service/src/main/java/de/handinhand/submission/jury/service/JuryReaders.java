package de.handinhand.submission.jury.service;

import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.events.AssignmentsChanged;
import de.handinhand.common.messaging.inbox.Inbox;
import de.handinhand.submission.jury.repository.ReaderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Learns from the scoring service which jurors may read an entry (its assigned, unconflicted
 * jurors; {@code handinhand.assignments.changed}). Each event is a full snapshot with a revision:
 * it replaces what is stored unless a higher revision arrived first. Applied once, in one
 * transaction with its inbox record; the other event types of {@code scoring-events} concern
 * other services and are skipped.
 */
@ApplicationScoped
public class JuryReaders {

    static final String CONSUMER = "submission.scoring-events";
    private static final Logger LOG = Logger.getLogger(JuryReaders.class);

    private final Inbox inbox;
    private final ReaderRepository readers;
    private final Clock clock;

    public JuryReaders(Inbox inbox, ReaderRepository readers, Clock clock) {
        this.inbox = inbox;
        this.readers = readers;
        this.clock = clock;
    }

    /** @return false if the event had been processed before */
    @Transactional
    public boolean apply(CloudEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return false;
        }
        if (EventTypes.ASSIGNMENTS_CHANGED.equals(event.type())) {
            changed(event);
        } else {
            LOG.debugf("Ignoring event type %s", event.type());
        }
        return true;
    }

    private void changed(CloudEvent event) {
        // A snapshot without a revision cannot be ordered against the others: poison, not revision 0.
        if (!event.data().path("revision").canConvertToExactIntegral()) {
            throw new MalformedEventException("assignments event " + event.id() + " lacks a whole-number revision");
        }
        AssignmentsChanged data = CloudEventCodec.data(event, AssignmentsChanged.class);
        if (data.submissionId() == null || data.jurors() == null || data.revision() < 0) {
            throw new MalformedEventException("assignments event " + event.id()
                    + " lacks submissionId or jurors, or has a negative revision");
        }
        if (data.jurors().stream().anyMatch(j -> j == null || j.isBlank())) {
            throw new MalformedEventException("assignments event " + event.id() + " names a blank juror");
        }
        List<String> jurors = List.copyOf(new TreeSet<>(data.jurors()));
        boolean applied = readers.replace(data.submissionId(), data.callId(), data.revision(), jurors,
                data.changedAt(), clock.instant());
        if (!applied) {
            LOG.infof("Readers of %s: revision %d is older than the one applied; ignored", data.submissionId(),
                    data.revision());
        }
    }
}
