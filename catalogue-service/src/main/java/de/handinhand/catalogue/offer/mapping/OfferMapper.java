package de.handinhand.catalogue.offer.mapping;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.rest.OfferView;
import java.util.LinkedHashMap;
import java.util.List;

public final class OfferMapper {

    private OfferMapper() {
    }

    public static OfferView toView(Offer o) {
        OfferView.Origin origin = o.originSubmissionId == null ? null
                : new OfferView.Origin(o.originSubmissionId, o.originProject);
        return new OfferView(o.id, new LinkedHashMap<>(o.title), new LinkedHashMap<>(o.description), o.provider,
                o.kreisId, o.municipality, List.of(o.fields), List.of(o.targetGroups),
                List.of(o.languages), o.free, o.costCents, o.validFrom, o.validUntil, List.copyOf(o.locations),
                List.copyOf(o.contacts), o.schedule, o.accessibility, o.status, o.goodPractice, o.awardWinner, origin,
                o.createdAt, o.updatedAt, o.lastConfirmedAt);
    }
}
