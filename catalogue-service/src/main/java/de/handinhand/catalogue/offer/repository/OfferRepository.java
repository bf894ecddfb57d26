package de.handinhand.catalogue.offer.repository;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    public List<Offer> derivedFrom(UUID submissionId) {
        return list("originSubmissionId", Sort.ascending("originProject"), submissionId);
    }

    /** Offers of one status, optionally of one Kreis, most recently changed first. */
    public PanacheQuery<Offer> byStatus(OfferStatus status, String kreisId) {
        Sort sort = Sort.descending("updatedAt").and("id");
        if (kreisId == null) {
            return find("status", sort, status);
        }
        return find("status = :status and kreisId = :kreis", sort,
                Parameters.with("status", status).and("kreis", kreisId));
    }

    /** Published offers of a Kreis last confirmed (or, never confirmed, created) before {@code before}. */
    public List<Offer> unconfirmed(String kreisId, java.time.Instant before) {
        return list("kreisId = :kreis and status = :status and coalesce(lastConfirmedAt, createdAt) < :before",
                Sort.ascending("lastConfirmedAt").and("createdAt").and("id"),
                Parameters.with("kreis", kreisId).and("status", OfferStatus.PUBLISHED).and("before", before));
    }
}
