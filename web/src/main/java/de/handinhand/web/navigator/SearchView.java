package de.handinhand.web.navigator;

import de.handinhand.web.WebConfig;
import de.handinhand.web.api.Offer;
import de.handinhand.web.api.OfferPage;
import de.handinhand.web.common.PageContext;
import de.handinhand.web.i18n.Labels;
import de.handinhand.web.i18n.Lang;
import de.handinhand.web.i18n.Msg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the search page shows, worked out so the template only lays it out. */
public record SearchView(
        NavigatorResource.SearchForm form,
        Places.Place place,
        boolean placeUnknown,
        String knownKreise,
        String sort,
        long total,
        int pageNumber,
        int pageCount,
        List<Card> cards,
        boolean mapped,
        List<FacetGroup> facets,
        List<Hidden> hidden,
        List<Choice> radii,
        List<Choice> sorts,
        String prevHref,
        String nextHref,
        String tiles) {

    /** One offer in the result list (and, where it has coordinates, on the map). */
    public record Card(String id, String href, String title, String titleLang, String titleDir, boolean untranslated,
            String provider, String municipality, String distance, boolean free, String cost, List<String> fields,
            boolean goodPractice, boolean awardWinner, String lat, String lon) {
    }

    public record FacetGroup(String param, String heading, List<FacetLink> links, String clearHref) {
    }

    public record FacetLink(String label, long count, String href, boolean active) {
    }

    public record Hidden(String name, String value) {
    }

    public record Choice(String value, String label, boolean selected) {
    }

    static SearchView of(NavigatorResource.SearchForm form, Places.Place place, boolean placeUnknown, String sort,
            OfferPage result, Labels labels, PageContext ctx, WebConfig config, Places places) {
        Msg msg = labels.msg();
        String lang = ctx.langCode();
        List<Card> cards = new ArrayList<>();
        for (Offer o : result.items()) {
            cards.add(card(o, labels, lang, place != null));
        }
        List<FacetGroup> facets = List.of(
                group("field", msg.facet_field(), form.field(), result.facet("field"), labels::field, form, lang),
                group("targetGroup", msg.facet_targetGroup(), form.targetGroup(), result.facet("targetGroup"),
                        labels::targetGroup, form, lang),
                group("language", msg.facet_language(), form.language(), result.facet("language"), labels::language,
                        form, lang),
                group("kreis", msg.facet_kreis(), form.kreis(), result.facet("kreis"), Places::kreisName, form, lang));
        List<Hidden> hidden = new ArrayList<>();
        for (String[] p : new String[][] {{"field", form.field()}, {"targetGroup", form.targetGroup()},
                {"language", form.language()}, {"kreis", form.kreis()}}) {
            if (p[1] != null) {
                hidden.add(new Hidden(p[0], p[1]));
            }
        }
        List<Choice> radii = NavigatorResource.RADII.stream()
                .map(r -> new Choice(Integer.toString(r), msg.search_radius_km(r), r == form.radiusKm())).toList();
        List<Choice> sorts = new ArrayList<>();
        sorts.add(new Choice("", msg.sort_default(), form.sort() == null));
        sorts.add(new Choice("relevance", msg.sort_relevance(), "relevance".equals(form.sort())));
        sorts.add(new Choice("distance", msg.sort_distance(), "distance".equals(form.sort())));
        sorts.add(new Choice("title", msg.sort_title(), "title".equals(form.sort())));
        sorts.add(new Choice("updated", msg.sort_updated(), "updated".equals(form.sort())));
        int pageCount = (int) Math.max(1, (result.total() + NavigatorResource.PAGE_SIZE - 1) / NavigatorResource.PAGE_SIZE);
        int page = form.page();
        String prev = page > 0 ? form.with("page", Integer.toString(page - 1), lang) : null;
        String next = page + 1 < pageCount ? form.with("page", Integer.toString(page + 1), lang) : null;
        String known = String.join(", ", Places.KREISE.values().stream().sorted().toList());
        String tiles = "none".equals(config.mapTiles()) ? "" : config.mapTiles();
        return new SearchView(form, place, placeUnknown, known, sort, result.total(), page + 1, pageCount, cards,
                cards.stream().anyMatch(c -> c.lat() != null), facets, hidden, radii, sorts, prev, next, tiles);
    }

    /** {@code near}: a place was searched, so the distance means something (the API sends 0 otherwise). */
    static Card card(Offer o, Labels labels, String lang, boolean near) {
        boolean untranslated = o.displayLanguage() != null && !o.displayLanguage().equals(lang);
        String titleLang = o.displayLanguage() == null ? "de" : o.displayLanguage();
        String titleDir = Lang.of(titleLang).map(Lang::dir).orElse("ltr");
        Offer.Location at = o.mapped();
        return new Card(o.id(), "/angebote/" + o.id() + "?lang=" + lang, o.displayTitle(), titleLang, titleDir,
                untranslated, o.provider(), o.municipality(),
                !near || o.distanceKm() == null ? null : labels.msg().distance_km(labels.number(o.distanceKm(), 1)),
                o.free(), o.free() || o.costCents() == null ? null : labels.money(o.costCents()),
                o.fields().stream().map(labels::field).toList(), o.goodPractice(), o.awardWinner(),
                at == null ? null : Double.toString(at.lat()), at == null ? null : Double.toString(at.lon()));
    }

    private static FacetGroup group(String param, String heading, String active, Map<String, Long> counts,
            java.util.function.Function<String, String> label, NavigatorResource.SearchForm form, String lang) {
        List<FacetLink> links = new ArrayList<>();
        for (Map.Entry<String, Long> e : NavigatorResource.byCount(counts)) {
            if (e.getValue() == 0 && !e.getKey().equals(active)) {
                continue;
            }
            links.add(new FacetLink(label.apply(e.getKey()), e.getValue(), form.with(param, e.getKey(), lang),
                    e.getKey().equals(active)));
        }
        return new FacetGroup(param, heading, links,
                Optional.ofNullable(active).map(a -> form.with(param, null, lang)).orElse(null));
    }
}
