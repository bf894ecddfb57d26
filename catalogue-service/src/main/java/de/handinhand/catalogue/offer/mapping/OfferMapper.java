package de.handinhand.catalogue.offer.mapping;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.api.Link;
import de.handinhand.catalogue.offer.api.OfferView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Offer entity to the API's view and to the data of {@code handinhand.offer.published}. */
public final class OfferMapper {

    public static final String GERMAN = "de";

    private OfferMapper() {
    }

    public static OfferView toView(Offer o) {
        return toView(o, GERMAN, null);
    }

    /** The offer with its texts shown in {@code language} where it has them, German otherwise. */
    public static OfferView toView(Offer o, String language, Double distanceKm) {
        String shown = language != null && o.title.containsKey(language) ? language : GERMAN;
        OfferView.Origin origin = o.originSubmissionId == null ? null
                : new OfferView.Origin(o.originSubmissionId, o.originProject);
        String description = o.description.getOrDefault(shown, o.description.get(GERMAN));
        return new OfferView(o.id, new LinkedHashMap<>(o.title), new LinkedHashMap<>(o.description), shown,
                o.title.getOrDefault(shown, o.title.get(GERMAN)), description, o.provider,
                o.kreisId, o.municipality, List.of(o.fields), List.of(o.targetGroups),
                List.of(o.languages), o.free, o.costCents, o.validFrom, o.validUntil, List.copyOf(o.locations),
                List.copyOf(o.contacts), o.schedule, o.accessibility, o.website, links(o), o.status,
                o.status == OfferStatus.REJECTED ? o.reviewNote : null, o.reviewNote, o.goodPractice, o.awardWinner,
                origin, distanceKm, o.createdAt, o.updatedAt, o.lastConfirmedAt);
    }

    private static List<Link> links(Offer o) {
        return o.links == null ? List.of()
                : o.links.stream().map(l -> new Link((String) l.get("label"), (String) l.get("url"))).toList();
    }

    /** The data of a {@code handinhand.offer.published} event: what another directory needs to follow. */
    public static Map<String, Object> toEvent(Offer o) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("offerId", o.id.toString());
        data.put("kreisId", o.kreisId);
        data.put("municipality", o.municipality);
        data.put("title", o.title);
        data.put("fields", List.of(o.fields));
        data.put("targetGroups", List.of(o.targetGroups));
        data.put("website", o.website);
        data.put("goodPractice", o.goodPractice);
        data.put("awardWinner", o.awardWinner);
        data.put("originSubmissionId", o.originSubmissionId == null ? null : o.originSubmissionId.toString());
        data.put("updatedAt", o.updatedAt.toString());
        return data;
    }
}
