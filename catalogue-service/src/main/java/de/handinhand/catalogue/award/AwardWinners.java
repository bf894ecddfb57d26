package de.handinhand.catalogue.award;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.repository.OfferHistory;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.common.messaging.CloudEvent;
import de.handinhand.common.messaging.events.ResultsPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Marks the offers derived from winning entries as award winners when a call's results are
 * published, and unmarks entries that no longer win when corrected results are published again.
 * The outcome per entry is kept ({@code award_result}), so offers derived from an entry later (a
 * resubmitted version's new project) carry it too. The latest publication of a call wins. The
 * handler of {@code ScoringEventsConsumer}, run in the dispatcher's transaction with the event's
 * inbox record, on data that passed the event record's constraints.
 */
@ApplicationScoped
public class AwardWinners {

    static final String BY = "scoring:results";
    private static final Logger LOG = Logger.getLogger(AwardWinners.class);

    private final OfferRepository offers;
    private final OfferHistory history;
    private final EntityManager em;
    private final Clock clock;

    public AwardWinners(OfferRepository offers, OfferHistory history, EntityManager em, Clock clock) {
        this.offers = offers;
        this.history = history;
        this.em = em;
        this.clock = clock;
    }

    /** Whether the entry won in the latest published results of its call. */
    public boolean isWinner(UUID submissionId) {
        List<?> rows = em.createNativeQuery("select 1 from award_result where submission_id = ?1 and winner")
                .setParameter(1, submissionId).getResultList();
        return !rows.isEmpty();
    }

    /** A call's results: the envelope's {@code time} orders publications of the same call. */
    public void published(ResultsPublished results, CloudEvent event) {
        Instant now = clock.instant();
        Instant publishedAt = event.time() == null ? now : event.time();
        for (ResultsPublished.Category category : results.categories()) {
            for (ResultsPublished.Entry entry : category.entries()) {
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
