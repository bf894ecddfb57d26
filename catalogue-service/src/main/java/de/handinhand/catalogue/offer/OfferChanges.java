package de.handinhand.catalogue.offer;

import de.handinhand.catalogue.offer.search.SearchCache;
import de.handinhand.catalogue.offer.search.SearchReadModel;
import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells the search cache and this instance's search index about every offer written, whichever code
 * path wrote it, so the writer's next search shows it (other instances learn it from the change log).
 */
public class OfferChanges {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Offer offer) {
        Arc.container().instance(SearchCache.class).get().offerChanged();
        Arc.container().instance(SearchReadModel.class).get().offerChanged();
    }
}
