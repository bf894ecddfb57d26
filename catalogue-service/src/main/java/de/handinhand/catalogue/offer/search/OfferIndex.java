package de.handinhand.catalogue.offer.search;

import de.handinhand.catalogue.offer.Offer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Keeps an offer's search columns current, in the transaction that changes the offer: the
 * weighted tsvector (title A, provider B, description C, every language, umlauts spelled out so
 * that typed "ue" and written "ü" meet) with both the German stems and the folded words, which
 * the prefix query of {@link OfferSearch} needs; the folded title for sorting; and the rows of
 * {@code offer_location} that the radius search uses.
 */
@ApplicationScoped
public class OfferIndex {

    private final EntityManager em;

    public OfferIndex(EntityManager em) {
        this.em = em;
    }

    /** Call after the offer's changes are written (it flushes first). */
    public void refresh(Offer offer) {
        em.flush();
        em.createNativeQuery("""
                update offer set
                    search = setweight(to_tsvector('german', ?1) || to_tsvector('simple', ?1), 'A')
                          || setweight(to_tsvector('german', ?2) || to_tsvector('simple', ?2), 'B')
                          || setweight(to_tsvector('german', ?3) || to_tsvector('simple', ?3), 'C'),
                    title_sort = ?4
                where id = ?5""")
                .setParameter(1, Folding.fold(joined(offer.title)))
                .setParameter(2, Folding.fold(offer.provider == null ? "" : offer.provider))
                .setParameter(3, Folding.fold(joined(offer.description)))
                .setParameter(4, Folding.fold(offer.title == null ? "" : offer.title.getOrDefault("de", "")))
                .setParameter(5, offer.id)
                .executeUpdate();
        em.createNativeQuery("delete from offer_location where offer_id = ?1").setParameter(1, offer.id)
                .executeUpdate();
        List<Map<String, Object>> locations = offer.locations == null ? List.of() : offer.locations;
        for (int i = 0; i < locations.size(); i++) {
            Object lat = locations.get(i).get("lat");
            Object lon = locations.get(i).get("lon");
            if (lat instanceof Number la && lon instanceof Number lo) {
                em.createNativeQuery("insert into offer_location (offer_id, seq, lat, lon) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, offer.id).setParameter(2, i)
                        .setParameter(3, la.doubleValue()).setParameter(4, lo.doubleValue())
                        .executeUpdate();
            }
        }
    }

    private static String joined(Map<String, String> texts) {
        if (texts == null) {
            return "";
        }
        return texts.values().stream().filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }
}
