package de.handinhand.catalogue.offer.repository;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.common.web.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<Offer, UUID> {

    /** One page of a query; a page beyond what an int offset reaches is empty rather than an error. */
    public static List<Offer> page(PanacheQuery<Offer> query, Page.Request page) {
        if ((long) page.page() * page.size() > Integer.MAX_VALUE - page.size()) {
            return List.of();
        }
        return query.page(page.page(), page.size()).list();
    }

    /**
     * The offers with these ids that exist, in the ids' order. Hibernate's multi-id load binds the ids
     * as one array ({@code id = any(?)} on PostgreSQL), so its statement is translated once; an HQL
     * {@code id in ?1} with a list of varying length was translated again on every call (JFR: a
     * third of a search page's Hibernate time).
     */
    public List<Offer> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getSession().findMultiple(Offer.class, ids).stream().filter(java.util.Objects::nonNull).toList();
    }

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

    /** Published offers of a Kreis last confirmed (or, never confirmed, created) before {@code before}, oldest first. */
    public PanacheQuery<Offer> unconfirmed(String kreisId, java.time.Instant before) {
        return find("kreisId = :kreis and status = :status and coalesce(lastConfirmedAt, createdAt) < :before",
                Sort.ascending("lastConfirmedAt").and("createdAt").and("id"),
                Parameters.with("kreis", kreisId).and("status", OfferStatus.PUBLISHED).and("before", before));
    }

    /**
     * The offers one caller proposed, newest first: by token subject; by user name where no subject
     * was recorded (older proposals); and, given a municipality, the offers derived from its entries.
     */
    public PanacheQuery<Offer> proposedBy(String subject, String username, String municipalityId) {
        Sort sort = Sort.descending("createdAt").and("id");
        StringBuilder where = new StringBuilder(
                "(proposedBySub is null and originSubmissionId is null and proposedBy = :username)");
        Parameters parameters = Parameters.with("username", username);
        if (subject != null) {
            where.append(" or proposedBySub = :subject");
            parameters.and("subject", subject);
        }
        if (municipalityId != null) {
            where.append(" or originMunicipalityId = :municipality");
            parameters.and("municipality", municipalityId);
        }
        return find(where.toString(), sort, parameters);
    }
}
