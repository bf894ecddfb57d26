package de.handinhand.catalogue.award;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.repository.OfferHistory;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.MalformedEventException;
import de.handinhand.common.messaging.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Marks the offers derived from winning entries as award winners when a call's results are
 * published, and unmarks entries that no longer win when corrected results are published again.
 * The outcome per entry is kept ({@code award_result}), so offers derived from an entry later (a
 * resubmitted version's new project) carry it too. Each event is applied once, in one
 * transaction with its inbox record; the latest publication of a call wins.
 */
@ApplicationScoped
public class AwardWinners {

    static final String CONSUMER = "catalogue.scoring-events";
    static final String BY = "scoring:results";
    private static final Logger LOG = Logger.getLogger(AwardWinners.class);

    private final Inbox inbox;
    private final OfferRepository offers;
    private final OfferHistory history;
    private final EntityManager em;
    private final Clock clock;

    public AwardWinners(Inbox inbox, OfferRepository offers, OfferHistory history, EntityManager em, Clock clock) {
        this.inbox = inbox;
        this.offers = offers;
        this.history = history;
        this.em = em;
        this.clock = clock;
    }

    /** @return false if the event had been processed before */
    @Transactional
    public boolean apply(CloudEvent event) {
        if (!inbox.firstDelivery(CONSUMER, event.id(), event.type())) {
            return false;
        }
        if (EventTypes.RESULTS_PUBLISHED.equals(event.type())) {
            published(CloudEventCodec.data(event, ResultsPublished.class), event.time());
        } else {
            LOG.debugf("Ignoring event type %s", event.type());
        }
        return true;
    }

    /** Whether the entry won in the latest published results of its call. */
    public boolean isWinner(UUID submissionId) {
        List<?> rows = em.createNativeQuery("select 1 from award_result where submission_id = ?1 and winner")
                .setParameter(1, submissionId).getResultList();
        return !rows.isEmpty();
    }

    private void published(ResultsPublished results, Instant at) {
        if (results.callId() == null || results.categories() == null) {
            throw new MalformedEventException("results event lacks callId or categories");
        }
        Instant now = clock.instant();
        Instant publishedAt = at == null ? now : at;
        for (ResultsPublished.Category category : results.categories()) {
            if (category == null || category.entries() == null) {
                throw new MalformedEventException("results event has a category without entries");
            }
            for (ResultsPublished.Entry entry : category.entries()) {
                if (entry == null || entry.submissionId() == null) {
                    throw new MalformedEventException("results event has an entry without submissionId");
                }
                int changed = em.createNativeQuery("""
                        insert into award_result (submission_id, call_id, winner, published_at)
                        values (?1, ?2, ?3, ?4)
                        on conflict (submission_id) do update set call_id = excluded.call_id,
                            winner = excluded.winner, published_at = excluded.published_at
                        where award_result.published_at <= excluded.published_at""")
                        .setParameter(1, entry.submissionId()).setParameter(2, results.callId())
                        .setParameter(3, entry.winner()).setParameter(4, publishedAt).executeUpdate();
                if (changed == 0) {
                    LOG.infof("Results for %s published at %s are older than those applied; ignored",
                            entry.submissionId(), publishedAt);
                    continue;
                }
                for (Offer offer : offers.derivedFrom(entry.submissionId())) {
                    if (offer.awardWinner != entry.winner()) {
                        offer.awardWinner = entry.winner();
                        offer.updatedAt = now;
                        history.record(offer.id, now, BY, entry.winner() ? "AWARDED" : "AWARD_REVOKED",
                                List.of("awardWinner"), "results of call " + results.callId() + ", category "
                                        + category.category() + (entry.rank() == null ? "" : ", rank " + entry.rank()));
                    }
                }
            }
        }
    }
}
