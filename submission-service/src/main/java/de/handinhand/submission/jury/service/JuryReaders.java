package de.handinhand.submission.jury.service;

import de.handinhand.common.messaging.events.AssignmentsChanged;
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
 * it replaces what is stored unless a higher revision arrived first. An entry this service does not
 * know is kept all the same. Runs in the event dispatcher's transaction, with the event's inbox
 * record; the event's own constraints ({@link AssignmentsChanged}) are checked before.
 */
@ApplicationScoped
public class JuryReaders {

    private static final Logger LOG = Logger.getLogger(JuryReaders.class);

    private final ReaderRepository readers;
    private final Clock clock;

    public JuryReaders(ReaderRepository readers, Clock clock) {
        this.readers = readers;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(AssignmentsChanged data) {
        List<String> jurors = List.copyOf(new TreeSet<>(data.jurors()));
        boolean applied = readers.replace(data.submissionId(), data.callId(), data.revision(), jurors,
                data.changedAt(), clock.instant());
        if (!applied) {
            LOG.infof("Readers of %s: revision %d is older than the one applied; ignored", data.submissionId(),
                    data.revision());
        }
    }
}
