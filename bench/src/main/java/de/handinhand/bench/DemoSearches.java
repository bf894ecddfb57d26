package de.handinhand.bench;

import de.handinhand.catalogue.demo.DemoOfferGenerator;
import de.handinhand.catalogue.offer.search.SearchQuery;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A realistic mix of public searches over the demo offers, for the search benchmark: words typed
 * the way people type them (inflected, without umlauts) with a Kreis or field, filters alone,
 * radius searches around the demo towns, and later pages. Deterministic for a seed; distinct.
 */
public final class DemoSearches {

    static final List<String> WORDS = List.of("Sprachcafé", "Sprachkurse", "Integrationskurs", "Hausaufgabenhilfe",
            "Fahrradwerkstatt", "Fahrrad", "Frauenschwimmen", "Schwimmen", "Jobboerse", "Bewerbung", "Paten",
            "Beratungsstelle", "Beratung", "Kleiderkammer", "Repair-Café", "Elterncafe", "Fussball", "Garten",
            "Maedchentreff", "Rassismus", "Deutsch lernen", "Fluechtlinge", "Familien", "Ehrenamtliche");
    static final List<FieldOfAction> FIELDS = List.of(FieldOfAction.SPRACHE, FieldOfAction.BILDUNG,
            FieldOfAction.BESCHAEFTIGUNG, FieldOfAction.ENGAGEMENT, FieldOfAction.SPORT, FieldOfAction.FAMILIE,
            FieldOfAction.UMWELT, FieldOfAction.KULTUR, FieldOfAction.GESUNDHEIT, FieldOfAction.SOZIALE_INFRASTRUKTUR);
    static final List<TargetGroup> GROUPS = List.of(TargetGroup.ERWACHSENE, TargetGroup.NEUZUGEWANDERTE,
            TargetGroup.JUGENDLICHE, TargetGroup.MAEDCHEN_FRAUEN, TargetGroup.KINDER_SCHULE, TargetGroup.JUNGE_ERWACHSENE);
    static final List<OfferLanguage> LANGUAGES = List.of(OfferLanguage.AR, OfferLanguage.EN, OfferLanguage.FA,
            OfferLanguage.UK, OfferLanguage.TR);
    static final double[] RADII = {5, 10, 25};

    private DemoSearches() {
    }

    /**
     * {@code count} distinct searches: about 35 % words with a filter, 30 % filters only, 25 %
     * radius searches (half of them sorted by distance), 10 % a later page or another sort. Like
     * the public search without includeExpired, each leaves out the offers expired before {@code today}.
     */
    public static List<SearchQuery> mix(int count, long seed, LocalDate today) {
        Random random = new Random(seed);
        Set<SearchQuery> out = new LinkedHashSet<>();
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 50) {
            out.add(one(random, today));
        }
        return new ArrayList<>(out);
    }

    private static SearchQuery one(Random r, LocalDate today) {
        DemoOfferGenerator.Town town = pick(r, DemoOfferGenerator.TOWNS);
        int kind = r.nextInt(100);
        if (kind < 35) {
            String word = pick(r, WORDS);
            return switch (r.nextInt(3)) {
                case 0 -> query(today, word, town.kreisId(), null, null, null, null, SearchQuery.Sort.RELEVANCE, 0);
                case 1 -> query(today, word, null, pick(r, FIELDS), null, null, null, SearchQuery.Sort.RELEVANCE, 0);
                default -> query(today, word, town.kreisId(), null, null, pick(r, LANGUAGES), null, SearchQuery.Sort.RELEVANCE, 0);
            };
        }
        if (kind < 65) {
            return switch (r.nextInt(3)) {
                case 0 -> query(today, null, town.kreisId(), pick(r, FIELDS), null, null, null, SearchQuery.Sort.UPDATED, 0);
                case 1 -> query(today, null, town.kreisId(), null, pick(r, GROUPS), null, null, SearchQuery.Sort.UPDATED, 0);
                default -> query(today, null, null, pick(r, FIELDS), null, null, Boolean.TRUE, SearchQuery.Sort.UPDATED, 0);
            };
        }
        if (kind < 90) {
            double lat = Math.round((town.lat() + (r.nextDouble() - 0.5) * 0.04) * 1e4) / 1e4;
            double lon = Math.round((town.lon() + (r.nextDouble() - 0.5) * 0.04) * 1e4) / 1e4;
            double radius = RADII[r.nextInt(RADII.length)];
            FieldOfAction field = r.nextBoolean() ? pick(r, FIELDS) : null;
            SearchQuery.Sort sort = r.nextBoolean() ? SearchQuery.Sort.DISTANCE : SearchQuery.Sort.UPDATED;
            return new SearchQuery(null, null, null, field, null, null, null, null, today,
                    new SearchQuery.Circle(lat, lon, radius), sort, 0, 20);
        }
        SearchQuery.Sort sort = r.nextBoolean() ? SearchQuery.Sort.TITLE : SearchQuery.Sort.UPDATED;
        return query(today, null, town.kreisId(), null, null, null, null, sort, 1 + r.nextInt(3));
    }

    private static SearchQuery query(LocalDate today, String text, String kreis, FieldOfAction field, TargetGroup group,
            OfferLanguage language, Boolean free, SearchQuery.Sort sort, int page) {
        return new SearchQuery(text, kreis, null, field, group, language, free, null, today, null, sort, page, 20);
    }

    /** The public API's query string for a search, as a portal would send it. */
    public static String queryString(SearchQuery q) {
        StringBuilder s = new StringBuilder();
        add(s, "q", q.text());
        add(s, "kreis", q.kreis());
        add(s, "municipality", q.municipality());
        add(s, "field", q.field());
        add(s, "targetGroup", q.targetGroup());
        add(s, "language", q.language() == null ? null : q.language().code());
        add(s, "free", q.free());
        add(s, "validOn", q.validOn());
        if (q.validOn() == null && q.notExpiredOn() == null) {
            add(s, "includeExpired", true);
        }
        if (q.geo()) {
            add(s, "near", q.area().lat() + "," + q.area().lon());
            add(s, "radiusKm", q.area().radiusKm());
        }
        add(s, "sort", q.sort().name().toLowerCase(Locale.ROOT));
        add(s, "page", q.page());
        add(s, "size", q.size());
        return s.toString();
    }

    private static void add(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(s.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
