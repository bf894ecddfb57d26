package de.handinhand.catalogue.offer.service;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.mapping.OfferMapper;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.rest.OfferView;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Reading offers. Published offers are public; proposed and archived ones exist only for the
 * publishers of their Kreis (for anyone else a single such offer is a 404, a list of them a 403).
 */
@ApplicationScoped
public class OfferService {

    private final OfferRepository offers;
    private final Caller caller;

    public OfferService(OfferRepository offers, Caller caller) {
        this.offers = offers;
        this.caller = caller;
    }

    public Page<OfferView> list(OfferStatus status, String kreisId, Page.Request paging) {
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
        List<OfferView> items = query.page(paging.page(), paging.size()).list().stream().map(OfferMapper::toView)
                .toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    public OfferView get(UUID id) {
        Offer offer = offers.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Offer", id));
        if (offer.status != OfferStatus.PUBLISHED && !isPublisherOf(offer.kreisId)) {
            throw NotFoundException.of("Offer", id);
        }
        return OfferMapper.toView(offer);
    }

    private boolean isPublisherOf(String kreisId) {
        return caller.has(Roles.PUBLISHER) && caller.kreisId().map(kreisId::equals).orElse(false);
    }
}
