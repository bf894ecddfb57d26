package de.handinhand.catalogue.offer.repository;

import de.handinhand.catalogue.offer.api.OfferChange;
import de.handinhand.common.messaging.sql.SqlValues;
import de.handinhand.common.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The change history of offers: who did what to which fields, and when. */
@ApplicationScoped
public class OfferHistory {

    private final EntityManager em;

    public OfferHistory(EntityManager em) {
        this.em = em;
    }

    public void record(UUID offerId, Instant at, String by, String action, List<String> fields, String note) {
        em.createNativeQuery("insert into offer_change (offer_id, at, by_user, action, fields, note) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as text[]), ?6)")
                .setParameter(1, offerId)
                .setParameter(2, Timestamp.from(at))
                .setParameter(3, by)
                .setParameter(4, action)
                .setParameter(5, "{" + String.join(",", fields) + "}")
                .setParameter(6, note)
                .executeUpdate();
    }

    /** One page of an offer's changes, oldest first. */
    @SuppressWarnings("unchecked")
    public List<OfferChange> of(UUID offerId, Page.Request page) {
        List<Object[]> rows = em.createNativeQuery("select at, by_user, action, array_to_string(fields, ','), note "
                        + "from offer_change where offer_id = ?1 order by id limit ?2 offset ?3")
                .setParameter(1, offerId).setParameter(2, page.size()).setParameter(3, (long) page.page() * page.size())
                .getResultList();
        return rows.stream().map(r -> new OfferChange(SqlValues.instant(r[0]), (String) r[1], (String) r[2],
                r[3] == null || ((String) r[3]).isEmpty() ? List.of() : List.of(((String) r[3]).split(",")),
                (String) r[4])).toList();
    }

    public long count(UUID offerId) {
        return ((Number) em.createNativeQuery("select count(*) from offer_change where offer_id = ?1")
                .setParameter(1, offerId).getSingleResult()).longValue();
    }
}
