package de.handinhand.catalogue.offer;

import de.handinhand.catalogue.offer.search.SearchCache;
import de.handinhand.catalogue.offer.search.SearchReadModel;
import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Tells the search cache and this instance's search index about every offer written, whichever code
 * path wrote it, so the writer's next search shows it (other instances learn it from the change log).
 * Once per transaction, after its commit: loading 10,000 demo offers registers one callback, not
 * 20,000.
 */
public class OfferChanges {

    /** The marker a transaction carries once its callback is registered. */
    private static final Object REGISTERED = OfferChanges.class;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Offer offer) {
        TransactionSynchronizationRegistry transactions =
                Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (transactions.getTransactionKey() == null) {
            committed();
            return;
        }
        if (transactions.getResource(REGISTERED) != null) {
            return;
        }
        transactions.putResource(REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed();
                }
            }
        });
    }

    private static void committed() {
        Arc.container().instance(SearchCache.class).get().offersCommitted();
        Arc.container().instance(SearchReadModel.class).get().offersCommitted();
    }
}
