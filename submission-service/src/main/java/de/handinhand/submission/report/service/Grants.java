package de.handinhand.submission.report.service;

import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.submission.report.repository.GrantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Learns from the scoring service which entries are funded ({@code handinhand.results.published}):
 * per entry the grant of the latest publication of its call. A correction (a higher revision)
 * replaces the call's grants as a whole, an entry it no longer lists included; an older revision
 * arriving late is ignored. Runs in the event dispatcher's transaction, with the event's inbox record.
 */
@ApplicationScoped
public class Grants {

    private static final Logger LOG = Logger.getLogger(Grants.class);

    private final GrantRepository grants;
    private final Clock clock;

    public Grants(GrantRepository grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void published(ResultsPublished data) {
        // Publications written before revisions were counted were the first and only one.
        int revision = Math.max(1, data.revision());
        List<GrantRepository.Line> lines = new ArrayList<>();
        data.categories().forEach(category -> category.entries().forEach(entry -> {
            if (entry.grantCents() != null && entry.grantCents() < 0) {
                // Never storable, however often it is tried: to the dead-letter topic.
                throw new MalformedEventException("Results of call " + data.callId() + " grant "
                        + entry.grantCents() + " cents to " + entry.submissionId());
            }
            lines.add(new GrantRepository.Line(entry.submissionId(), entry.grantCents()));
        }));
        if (!grants.claim(data.callId(), revision, data.publishedAt(), clock.instant())) {
            LOG.infof("Results of call %s: revision %d is older than the one applied; ignored", data.callId(),
                    revision);
            return;
        }
        grants.replace(data.callId(), revision, lines);
    }
}
