package de.handinhand.common.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consumer side of exactly-once-in-effect: each processed event id is recorded in the same
 * transaction as the effect it caused. A redelivered event finds its id and changes nothing; two
 * concurrent deliveries serialise on the primary key and the second one sees the first.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** @return true the first time this consumer sees the event id, false for every redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String type) {
        int inserted = em.createNativeQuery("""
                insert into processed_event (consumer, event_id, type) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, type)
                .executeUpdate();
        return inserted == 1;
    }
}
