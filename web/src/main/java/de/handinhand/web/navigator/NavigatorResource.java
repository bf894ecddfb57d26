package de.handinhand.web.navigator;

import de.handinhand.web.WebConfig;
import de.handinhand.web.api.ApiException;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.api.Offer;
import de.handinhand.web.api.OfferPage;
import de.handinhand.web.api.PublicApi;
import de.handinhand.web.common.BadRequestPage;
import de.handinhand.web.common.NotFoundPage;
import de.handinhand.web.common.PageContext;
import de.handinhand.web.i18n.Field;
import de.handinhand.web.i18n.Labels;
import de.handinhand.web.i18n.TargetGroup;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The Integrationsnavigator: the public offer search and an offer's page, no login. Every search
 * is a GET with its words and filters in the URL (shareable, works with JavaScript off); htmx
 * only swaps the results in place, and the map shows the same offers as the list.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NavigatorResource {

    static final int PAGE_SIZE = 20;
    static final List<Integer> RADII = List.of(5, 10, 25, 50);
    static final List<String> SORTS = List.of("relevance", "distance", "title", "updated");
    private static final Pattern KREIS = Pattern.compile("[0-9]{5}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);

        static native TemplateInstance offer(OfferView view, boolean print);

        static native TemplateInstance accessibility(String contact);
    }

    private final PublicApi api;
    private final Gateway gateway;
    private final Labels labels;
    private final PageContext ctx;
    private final WebConfig config;
    private final Places places = Places.load();

    public NavigatorResource(@RestClient PublicApi api, Gateway gateway, Labels labels, PageContext ctx,
            WebConfig config) {
        this.api = api;
        this.gateway = gateway;
        this.labels = labels;
        this.ctx = ctx;
        this.config = config;
    }

    @GET
    public TemplateInstance search(@RestQuery String q, @RestQuery String ort, @RestQuery String radiusKm,
            @RestQuery String field, @RestQuery String targetGroup, @RestQuery String language,
            @RestQuery String kreis, @RestQuery String free, @RestQuery String sort, @RestQuery String page) {
        SearchForm form = new SearchForm(trim(q, 200), trim(ort, 100), radius(radiusKm),
                Field.of(field).map(Enum::name).orElse(null),
                TargetGroup.of(targetGroup).map(Enum::name).orElse(null),
                matching(language, LANGUAGE), matching(kreis, KREIS), "true".equals(free),
                sort != null && SORTS.contains(sort) ? sort : null, pageNumber(page));
        Optional<Places.Place> place = places.find(form.ort());
        boolean placeUnknown = form.ort() != null && place.isEmpty();

        Map<String, String> query = new LinkedHashMap<>();
        put(query, "q", form.q());
        put(query, "field", form.field());
        put(query, "targetGroup", form.targetGroup());
        put(query, "language", form.language());
        put(query, "kreis", form.kreis());
        if (form.free()) {
            query.put("free", "true");
        }
        place.ifPresent(p -> {
            query.put("near", p.near());
            query.put("radiusKm", Integer.toString(form.radiusKm()));
        });
        String sortUsed = form.sort();
        if ("distance".equals(sortUsed) && place.isEmpty()) {
            sortUsed = null;
        }
        if (sortUsed == null && place.isPresent() && form.q() == null) {
            sortUsed = "distance";
        }
        put(query, "sort", sortUsed);
        query.put("lang", ctx.langCode());
        query.put("page", Integer.toString(form.page()));
        query.put("size", Integer.toString(PAGE_SIZE));

        OfferPage result;
        try {
            result = gateway.read(() -> api.searchOffers(query), OfferPage.class);
        } catch (ApiException e) {
            // Every parameter is checked above; a refusal here means a URL no page of ours makes.
            throw new BadRequestPage();
        }
        return Templates.search(SearchView.of(form, place.orElse(null), placeUnknown, sortUsed, result, labels, ctx,
                config, places));
    }

    @GET
    @Path("angebote/{id}")
    public TemplateInstance offer(@PathParam("id") String id, @RestQuery String ansicht) {
        if (!isUuid(id)) {
            throw new NotFoundPage();
        }
        Offer offer = gateway.read(() -> api.offer(id, ctx.langCode()), Offer.class);
        return Templates.offer(OfferView.of(offer, labels, ctx), "druck".equals(ansicht));
    }

    @GET
    @Path("barrierefreiheit")
    public TemplateInstance accessibility() {
        return Templates.accessibility(config.accessibilityContact());
    }

    static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return id.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private static String matching(String value, Pattern pattern) {
        return value != null && pattern.matcher(value.strip()).matches() ? value.strip() : null;
    }

    private static int radius(String value) {
        try {
            int r = Integer.parseInt(value == null ? "" : value.strip());
            return RADII.contains(r) ? r : 10;
        } catch (NumberFormatException e) {
            return 10;
        }
    }

    private static int pageNumber(String value) {
        try {
            int p = Integer.parseInt(value == null ? "" : value.strip());
            return Math.max(0, Math.min(p, 10_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** What the visitor asked for, checked: unknown codes and malformed values are dropped. */
    public record SearchForm(String q, String ort, int radiusKm, String field, String targetGroup, String language,
            String kreis, boolean free, String sort, int page) {

        /** The URL of this search with one parameter changed (null removes it); the page starts again. */
        String with(String name, String value, String lang) {
            Map<String, String> p = new LinkedHashMap<>();
            put(p, "q", q);
            put(p, "ort", ort);
            if (ort != null) {
                p.put("radiusKm", Integer.toString(radiusKm));
            }
            put(p, "field", field);
            put(p, "targetGroup", targetGroup);
            put(p, "language", language);
            put(p, "kreis", kreis);
            if (free) {
                p.put("free", "true");
            }
            put(p, "sort", sort);
            p.remove(name);
            if (value != null) {
                p.put(name, value);
            }
            p.put("lang", lang);
            StringBuilder url = new StringBuilder("/?");
            p.forEach((k, v) -> url.append(k).append('=').append(encode(v)).append('&'));
            url.setLength(url.length() - 1);
            return url.toString();
        }

        private static String encode(String v) {
            return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static List<Map.Entry<String, Long>> byCount(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        return entries;
    }
}
