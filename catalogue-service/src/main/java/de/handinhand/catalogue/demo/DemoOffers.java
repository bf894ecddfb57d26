package de.handinhand.catalogue.demo;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.search.OfferIndex;
import de.handinhand.catalogue.offer.service.OfferCommands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the first {@code handinhand.demo.offers} demo offers at startup, published, as the local
 * stack wants them (100; the benchmark asks for 10,000). Offers already there are left alone, so
 * restarts add nothing twice and publishers' edits to demo offers survive.
 */
@ApplicationScoped
public class DemoOffers {

    private static final Logger LOG = Logger.getLogger(DemoOffers.class);
    static final int BATCH = 250;

    private final OfferRepository offers;
    private final OfferIndex index;
    private final Clock clock;
    private final int count;

    public DemoOffers(OfferRepository offers, OfferIndex index, Clock clock,
            @ConfigProperty(name = "handinhand.demo.offers", defaultValue = "0") int count) {
        this.offers = offers;
        this.index = index;
        this.clock = clock;
        this.count = count;
    }

    void load(@Observes StartupEvent start) {
        if (count <= 0) {
            return;
        }
        long started = System.nanoTime();
        int added = 0;
        for (int from = 0; from < count; from += BATCH) {
            int first = from;
            int last = Math.min(count, from + BATCH);
            added += QuarkusTransaction.requiringNew().call(() -> batch(first, last));
        }
        LOG.infof("Demo offers: %d added, %d of %d present, in %d ms", added, count, count,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int batch(int first, int last) {
        int added = 0;
        Instant now = clock.instant();
        for (int n = first; n < last; n++) {
            if (offers.findByIdOptional(DemoOfferGenerator.id(n)).isPresent()) {
                continue;
            }
            Offer offer = new Offer();
            offer.id = DemoOfferGenerator.id(n);
            OfferCommands.apply(DemoOfferGenerator.offer(n), offer);
            offer.status = OfferStatus.PUBLISHED;
            offer.createdAt = now.atZone(ZoneOffset.UTC).minusMonths(20).toInstant();
            offer.lastConfirmedAt = now.atZone(ZoneOffset.UTC)
                    .minusMonths(DemoOfferGenerator.monthsSinceConfirmed(n)).toInstant();
            offer.updatedAt = offer.lastConfirmedAt;
            offers.persist(offer);
            index.refresh(offer);
            added++;
        }
        return added;
    }
}
