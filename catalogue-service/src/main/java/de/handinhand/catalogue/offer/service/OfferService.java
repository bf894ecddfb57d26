package de.handinhand.catalogue.offer.service;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.api.OfferView;
import de.handinhand.catalogue.offer.api.SearchPage;
import de.handinhand.catalogue.offer.mapping.OfferMapper;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.search.OfferSearch;
import de.handinhand.catalogue.offer.search.SearchCache;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.offer.search.SearchReadModel;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading offers. Published offers are public; proposed, rejected and archived ones exist only for
 * the publishers of their Kreis and for whoever proposed them (for anyone else a single such offer
 * is a 404, a list of them a 403).
 */
@ApplicationScoped
public class OfferService {

    private final OfferRepository offers;
    private final SearchReadModel search;
    private final Caller caller;
    private final SearchCache cache;

    public OfferService(OfferRepository offers, SearchReadModel search, Caller caller, SearchCache cache) {
        this.offers = offers;
        this.search = search;
        this.caller = caller;
        this.cache = cache;
    }

    /**
     * The public search over published offers, with facets, texts in {@code language} where present.
     * The index answers a search in about the time the page cache took to look a page up, and is
     * current without the cache's version check: the page cache serves only the SQL engine.
     */
    public SearchPage search(SearchQuery query, String language) {
        if (search.usesIndex()) {
            return compute(query, language);
        }
        return cache.get(new SearchCache.Key(query, language), () -> compute(query, language));
    }

    private SearchPage compute(SearchQuery query, String language) {
        OfferSearch.Result result = search.search(query);
        Map<UUID, Offer> found = result.hits().isEmpty() ? Map.of()
                : search.pageOffers(result.hits().stream().map(OfferSearch.Hit::id).toList(),
                        offers::byIds);
        List<OfferView> items = result.hits().stream().filter(h -> found.containsKey(h.id()))
                .map(h -> OfferMapper.toView(found.get(h.id()), language, h.distanceKm())).toList();
        return new SearchPage(items, result.total(), query.page(), query.size(), result.facets());
    }

    /** Proposed, archived or rejected offers: only for the publishers of their Kreis. */
    public SearchPage list(OfferStatus status, String kreisId, Page.Request paging, String language) {
        OfferStatus wanted = status == null ? OfferStatus.PUBLISHED : status;
        String kreis = kreisId;
        if (wanted != OfferStatus.PUBLISHED) {
            if (caller.isAnonymous()) {
                throw new UnauthorizedException();
            }
            if (!caller.has(Roles.PUBLISHER)) {
                throw new ForbiddenException("Only publishers may list " + wanted + " offers");
            }
            String own = caller.requireKreis();
            if (kreis != null && !kreis.equals(own)) {
                throw new ForbiddenException("You publish for Kreis " + own + ", not " + kreis);
            }
            kreis = own;
        }
        var query = offers.byStatus(wanted, kreis);
        List<OfferView> items = OfferRepository.page(query, paging).stream()
                .map(o -> OfferMapper.toView(o, language, null)).toList();
        return new SearchPage(items, query.count(), paging.page(), paging.size(), null);
    }

    public OfferView get(UUID id, String language) {
        Offer offer = offers.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Offer", id));
        if (offer.status != OfferStatus.PUBLISHED && !isPublisherOf(offer.kreisId) && !isProposerOf(offer)) {
            throw NotFoundException.of("Offer", id);
        }
        return OfferMapper.toView(offer, language, null);
    }

    /**
     * The offers the caller proposed, in any status, newest first; for a submitter also the offers
     * derived from their municipality's entries. Rejected ones carry the publisher's reason.
     */
    public Page<OfferView> mine(Page.Request paging, String language) {
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        var query = offers.proposedBy(caller.subject().orElse(null), caller.username(), submitterMunicipality());
        List<OfferView> items = OfferRepository.page(query, paging).stream()
                .map(o -> OfferMapper.toView(o, language, null)).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    /** The same rule as {@link OfferRepository#proposedBy}, for one offer. */
    private boolean isProposerOf(Offer offer) {
        if (caller.isAnonymous()) {
            return false;
        }
        if (offer.proposedBySub != null) {
            return caller.subject().map(offer.proposedBySub::equals).orElse(false);
        }
        if (offer.originSubmissionId != null) {
            return offer.originMunicipalityId != null && offer.originMunicipalityId.equals(submitterMunicipality());
        }
        return caller.username().equals(offer.proposedBy);
    }

    /** A submitter's municipality: its entries' derived offers are the submitter's proposals too. */
    private String submitterMunicipality() {
        return caller.has(Roles.SUBMITTER) ? caller.municipalityId().orElse(null) : null;
    }

    private boolean isPublisherOf(String kreisId) {
        return caller.has(Roles.PUBLISHER) && caller.kreisId().map(kreisId::equals).orElse(false);
    }
}
