package de.handinhand.catalogue.offer.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.handinhand.catalogue.WithPostgresAndOidc;
import de.handinhand.catalogue.demo.DemoOfferGenerator;
import de.handinhand.catalogue.hsds.service.HsdsExport;
import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.service.OfferCommands;
import de.handinhand.catalogue.taxonomy.OfferLanguage;
import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The index answers every search as the SQL search does: a few hundred generated searches over a
 * few hundred demo offers (plus whatever other tests left in the database), compared item by item
 * and in order, with their totals and every facet count. The SQL search is the oracle.
 *
 * <p>Two differences are by design and kept out of the comparison: the index here matches no
 * compound-word parts (the SQL has none; {@code CompoundWordsTest} covers them), and relevance
 * scores differ (PostgreSQL's ts_rank_cd against the fields' weights), so a relevance-sorted text
 * search is compared as the set of everything it finds.
 */
@QuarkusTest
@WithPostgresAndOidc
class SearchIndexEquivalenceTest {

    static final int FIRST = 80_000;
    static final int OFFERS = 400;
    static final List<String> WORDS = List.of("Sprachcafé", "Sprachkurs", "Integrationskurs", "Kurs", "Familien",
            "Kinder", "Deutsch", "Fahrrad", "Fahrräder", "Caritasverband", "Dachau", "Recklinghausen", "und", "Bicycle",
            "Frauen", "Beratung", "Jugendliche", "Ehrenamtlichen", "Garten", "Schwimmkurs", "Jobboerse", "Jobbörse",
            "Repair", "Cafe", "Workshop", "Mädchen", "Treff", "Eltern", "Volkshochschule", "Sportverein", "gemeinsam",
            "Zugewanderte", "Kinderbetreuung", "Ausbildung", "Bad", "am", "Haltern", "Brenz", "xyzzy");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OfferSearch sql;
    @Inject
    OfferRepository offers;
    @Inject
    OfferIndex offerIndex;
    @Inject
    HsdsExport hsds;

    @Test
    void theIndexAnswersAsTheSqlSearch() throws Exception {
        QuarkusTransaction.requiringNew().run(this::demoOffers);
        try (ChangeFollower follower = new ChangeFollower("equivalence", dataSource,
                new SearchIndex(new ByteBuffersDirectory(), false), null, Duration.ofSeconds(1), Duration.ofMinutes(2))) {
            follower.build();
            Random random = new Random(20261201);
            int compared = 0;
            int nonEmpty = 0;
            for (int i = 0; i < 400; i++) {
                SearchQuery q = query(random);
                OfferSearch.Result expected = sql.search(q);
                OfferSearch.Result actual = follower.index().search(q);
                String what = "search " + i + ": " + q;
                assertEquals(expected.total(), actual.total(), what);
                assertEquals(expected.facets(), actual.facets(), what);
                assertEquals(List.copyOf(expected.facets().keySet()), List.copyOf(actual.facets().keySet()), what);
                expected.facets().forEach((d, counts) -> assertEquals(List.copyOf(counts.keySet()),
                        List.copyOf(actual.facets().get(d).keySet()), what + " order of " + d));
                if (q.text() != null && q.sort() == SearchQuery.Sort.RELEVANCE) {
                    // Scores differ: everything found, as a set (a page of it depends on the ranking).
                    SearchQuery all = new SearchQuery(q.text(), q.kreis(), q.municipality(), q.field(), q.targetGroup(),
                            q.language(), q.free(), q.validOn(), q.notExpiredOn(), q.area(), q.sort(), 0, 200);
                    if (expected.total() <= 200) {
                        assertEquals(new HashSet<>(sql.search(all).hits()),
                                new HashSet<>(follower.index().search(all).hits()), what);
                    }
                } else {
                    assertEquals(expected.hits(), actual.hits(), what);
                }
                compared++;
                nonEmpty += expected.total() > 0 ? 1 : 0;
            }
            // Not a comparison of empty answers: the generated filters combine, so about half find nothing.
            assertTrue(nonEmpty >= compared / 3, "a third of the searches find something: " + nonEmpty + " of " + compared);

            // The HSDS export's services: the same words, a lower bound on the last change, pages by change.
            for (int i = 0; i < 60; i++) {
                String text = random.nextBoolean() ? pick(random, WORDS) : null;
                Instant after = random.nextBoolean() ? Instant.now().minus(random.nextInt(40), ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.MICROS) : null;
                int perPage = List.of(1, 7, 50, 200).get(random.nextInt(4));
                int page = 1 + random.nextInt(3);
                HsdsExport.Query hq = new HsdsExport.Query(text, after, page, perPage);
                var expected = hsds.servicesBySql(hq);
                SearchIndex.Export actual = follower.index().export(text, after == null ? null
                        : ChronoUnit.MICROS.between(Instant.EPOCH, after), (page - 1) * perPage, perPage);
                String what = "HSDS " + i + ": " + hq;
                assertEquals(expected.totalItems(), actual.total(), what);
                assertEquals(expected.contents().stream().map(s -> s.id()).toList(), actual.ids(), what);
            }
        }
    }

    private void demoOffers() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int n = FIRST; n < FIRST + OFFERS; n++) {
            if (offers.findByIdOptional(DemoOfferGenerator.id(n)).isPresent()) {
                continue;
            }
            Offer offer = new Offer();
            offer.id = DemoOfferGenerator.id(n);
            OfferCommands.apply(DemoOfferGenerator.offer(n), offer);
            // Some withdrawn or awaiting review: never found.
            offer.status = n % 9 == 0 ? OfferStatus.ARCHIVED : n % 11 == 0 ? OfferStatus.PROPOSED : OfferStatus.PUBLISHED;
            offer.createdAt = now.minus(400, ChronoUnit.DAYS);
            // Days apart, and some on the same instant, so the sort's tie-break (the id) counts.
            offer.updatedAt = now.minus(n % 37, ChronoUnit.DAYS);
            offer.lastConfirmedAt = offer.updatedAt;
            offers.persist(offer);
            offerIndex.refresh(offer);
        }
    }

    private static SearchQuery query(Random r) {
        String text = null;
        if (r.nextInt(3) > 0) {
            text = pick(r, WORDS) + (r.nextInt(4) == 0 ? " " + pick(r, WORDS) : "");
        }
        DemoOfferGenerator.Town town = pick(r, DemoOfferGenerator.TOWNS);
        String kreis = r.nextInt(4) == 0 ? town.kreisId() : null;
        String municipality = r.nextInt(8) == 0 ? (r.nextBoolean() ? town.name().toUpperCase() : town.name()) : null;
        FieldOfAction field = r.nextInt(4) == 0 ? pick(r, List.of(FieldOfAction.values())) : null;
        TargetGroup group = r.nextInt(5) == 0 ? pick(r, List.of(TargetGroup.values())) : null;
        OfferLanguage language = r.nextInt(5) == 0 ? pick(r, List.of(OfferLanguage.values())) : null;
        Boolean free = r.nextInt(5) == 0 ? r.nextBoolean() : null;
        LocalDate today = LocalDate.of(2026, 6, 1).plusDays(r.nextInt(400));
        LocalDate validOn = r.nextInt(6) == 0 ? LocalDate.of(2025, 10, 1).plusDays(r.nextInt(800)) : null;
        boolean expiredToo = r.nextInt(5) == 0;
        LocalDate notExpiredOn = validOn != null || expiredToo ? null : today;
        SearchQuery.Circle area = null;
        if (r.nextInt(3) == 0) {
            DemoOfferGenerator.Town centre = pick(r, DemoOfferGenerator.TOWNS);
            area = new SearchQuery.Circle(centre.lat() + (r.nextDouble() - 0.5) * 0.1,
                    centre.lon() + (r.nextDouble() - 0.5) * 0.1, List.of(0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 80.0, 500.0)
                            .get(r.nextInt(8)));
        }
        List<SearchQuery.Sort> sorts = area != null ? List.of(SearchQuery.Sort.values())
                : List.of(SearchQuery.Sort.RELEVANCE, SearchQuery.Sort.TITLE, SearchQuery.Sort.UPDATED);
        SearchQuery.Sort sort = pick(r, sorts);
        int size = List.of(1, 5, 20, 50, 200).get(r.nextInt(5));
        int page = r.nextInt(3) == 0 ? r.nextInt(6) : 0;
        return new SearchQuery(text, kreis, municipality, field, group, language, free, validOn, notExpiredOn, area, sort,
                page, size);
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
