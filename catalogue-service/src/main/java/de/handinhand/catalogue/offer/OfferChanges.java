package de.handinhand.catalogue.offer;

import de.handinhand.catalogue.offer.search.SearchCache;
import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** Tells the search cache about every offer written, whichever code path wrote it. */
public class OfferChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Offer offer) {
        Arc.container().instance(SearchCache.class).get().offerChanged();
    }
}
