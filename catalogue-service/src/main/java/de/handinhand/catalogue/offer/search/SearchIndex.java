package de.handinhand.catalogue.offer.search;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * The search read model of one catalogue instance: an in-process Lucene index of the published
 * offers that answers a {@link SearchQuery} exactly as {@link OfferSearch} (the SQL search) does,
 * texts aside where compound words find more (see {@link GermanText}).
 *
 * <p>Lucene finds the text matches (each query word's stem as a prefix of any word or stem of the
 * title, provider or description, as the SQL's {@code offer_query} does, or of a compound's part)
 * and the candidates of a radius search ({@link LatLonPoint}). Everything else is read from a
 * {@link View} that is rebuilt whenever the index changes: one bit set per facet value, the filters'
 * columns as arrays and each sort order as a rank per document. A search then costs a pass over its
 * matches and, for the disjunctive facets, one bit-set intersection count per facet value (the
 * counts of a dimension leave out that dimension's own filter), which measured faster than
 * {@code DrillSideways} and gives the same counts.
 *
 * <p>Writes ({@link #replaceAll}, {@link #apply}) come from one thread at a time (the follower);
 * searches run concurrently on the current view, which a write replaces in one step.
 */
public final class SearchIndex implements Closeable {

    static final String ID = "id";
    static final String LOCATION = "location";
    static final String PARTS = "parts";
    /** Text fields and their weights: PostgreSQL's default weights of A, B and C. */
    static final String[][] TEXT_FIELDS = {
            {"title_w", "title_s", "1.0"}, {"provider_w", "provider_s", "0.4"}, {"description_w", "description_s", "0.2"}};
    static final float PARTS_WEIGHT = 0.1f;

    private static final FieldType TEXT = new FieldType();

    static {
        // Matching only: no frequencies, positions or norms (the scores are the fields' weights).
        TEXT.setIndexOptions(IndexOptions.DOCS);
        TEXT.setTokenized(true);
        TEXT.setOmitNorms(true);
        TEXT.freeze();
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final boolean compounds;
    private final CharArraySet dictionary = new CharArraySet(1024, false);
    private final Map<String, OfferRow> rows = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile View view;
    private volatile java.util.function.Consumer<Collection<UUID>> changes = ids -> {
    };

    /**
     * @param compounds whether the query also matches compound words' parts; only the equivalence
     *                  test with the SQL search (which has no such parts) switches it off
     */
    public SearchIndex(Directory directory, boolean compounds) {
        this.directory = directory;
        this.compounds = compounds;
        Map<String, Analyzer> analyzers = new HashMap<>();
        for (String[] field : TEXT_FIELDS) {
            analyzers.put(field[0], GermanText.WORDS);
            analyzers.put(field[1], GermanText.STEMS);
        }
        analyzers.put(PARTS, GermanText.parts(dictionary));
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), analyzers));
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        config.setRAMBufferSizeMB(16);
        config.setCommitOnClose(false);
        try {
            writer = new IndexWriter(directory, config);
            view = View.of(DirectoryReader.open(writer), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (FieldOfAction field : FieldOfAction.values()) {
            vocabulary(field.labelDe());
        }
        for (TargetGroup group : TargetGroup.values()) {
            vocabulary(group.labelDe());
        }
    }

    /** Source of every published offer, read twice by {@link #replaceAll}: first for the word list. */
    public interface Offers {
        void forEach(java.util.function.Consumer<OfferRow> sink) throws Exception;
    }

    /**
     * Replaces the whole index with these offers (at start). The word list of the compound parts
     * comes first, so every offer is taken apart with the whole catalogue's vocabulary; reading the
     * offers twice keeps the texts of only one offer in memory at a time.
     */
    public synchronized void replaceAll(Offers offers) throws Exception {
        writer.deleteAll();
        rows.clear();
        offers.forEach(this::vocabulary);
        offers.forEach(row -> {
            try {
                writer.addDocument(document(row));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows.put(row.id().toString(), row.withoutTexts());
        });
        refresh();
    }

    /**
     * Brings these offers up to date: {@code published} holds the ones that are published now, every
     * other id of {@code changed} is removed. Searchable when this returns.
     */
    public synchronized void apply(Collection<UUID> changed, Map<UUID, OfferRow> published) {
        try {
            for (UUID id : changed) {
                OfferRow row = published.get(id);
                String key = id.toString();
                if (row == null) {
                    if (rows.remove(key) != null) {
                        writer.deleteDocuments(new Term(ID, key));
                    }
                } else {
                    vocabulary(row);
                    rows.put(key, row.withoutTexts());
                    writer.updateDocument(new Term(ID, key), document(row));
                }
            }
            refresh();
            changes.accept(changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Told the ids of the offers whose changes each {@link #apply} made searchable. */
    public void onChange(java.util.function.Consumer<Collection<UUID>> listener) {
        this.changes = listener;
    }

    private void refresh() throws IOException {
        DirectoryReader current = view.reader();
        DirectoryReader next = DirectoryReader.openIfChanged(current, writer);
        if (next != null) {
            view = View.of(next, rows);
            generation.incrementAndGet();
            // Searches still running on the old view keep their reader open until they end.
            current.decRef();
        }
    }

    /** Moves on with every change applied: searches can tell a new state of the index. */
    public long generation() {
        return generation.get();
    }

    public int size() {
        return rows.size();
    }

    private void vocabulary(OfferRow row) {
        vocabulary(row.title());
        vocabulary(row.description());
    }

    private void vocabulary(String text) {
        if (text != null) {
            for (String word : GermanText.terms(GermanText.WORDS, Folding.fold(text))) {
                if (word.length() >= GermanText.MIN_PART && word.length() <= GermanText.MAX_PART
                        && Character.isLetter(word.charAt(0))) {
                    dictionary.add(word);
                }
            }
        }
    }

    private static Document document(OfferRow row) {
        Document doc = new Document();
        String id = row.id().toString();
        doc.add(new StringField(ID, id, Field.Store.NO));
        doc.add(new SortedDocValuesField(ID, new BytesRef(id)));
        String[] texts = {row.title(), row.provider(), row.description()};
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < TEXT_FIELDS.length; i++) {
            String folded = texts[i] == null ? "" : Folding.fold(texts[i]);
            doc.add(new Field(TEXT_FIELDS[i][0], folded, TEXT));
            doc.add(new Field(TEXT_FIELDS[i][1], folded, TEXT));
            all.append(folded).append('\n');
        }
        doc.add(new Field(PARTS, all.toString(), TEXT));
        for (int i = 0; i < row.lats().length; i++) {
            doc.add(new LatLonPoint(LOCATION, row.lats()[i], row.lons()[i]));
        }
        return doc;
    }

    /** The text query of the search words; null when they are only stop words (no text filter then). */
    Query textQuery(String text) {
        List<String> stems = GermanText.terms(GermanText.STEMS, Folding.fold(text));
        if (stems.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String stem : stems) {
            List<Query> anyField = new ArrayList<>();
            for (String[] field : TEXT_FIELDS) {
                float weight = Float.parseFloat(field[2]);
                anyField.add(new BoostQuery(new ConstantScoreQuery(term(field[0], stem)), weight));
                anyField.add(new BoostQuery(new ConstantScoreQuery(term(field[1], stem)), weight));
            }
            if (compounds) {
                anyField.add(new BoostQuery(new ConstantScoreQuery(term(PARTS, stem)), PARTS_WEIGHT));
            }
            all.add(new DisjunctionMaxQuery(anyField, 0), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    /** As the SQL's offer_query: stems of four letters or more are prefixes, shorter ones whole words. */
    private static Query term(String field, String stem) {
        Term term = new Term(field, stem);
        return stem.codePointCount(0, stem.length()) >= 4 ? new PrefixQuery(term) : new TermQuery(term);
    }

    public OfferSearch.Result search(SearchQuery q) {
        return withView(v -> v.search(q, q.text() == null ? null : textQuery(q.text())));
    }

    private interface ViewWork<T> {
        T on(View view) throws IOException;
    }

    /**
     * Runs {@code work} on the current view, holding its reader so a refresh cannot close it meanwhile;
     * a view closed between reading and holding it has been replaced, so the newer one is taken.
     */
    private <T> T withView(ViewWork<T> work) {
        while (true) {
            View v = view;
            if (!v.reader().tryIncRef()) {
                continue;
            }
            try {
                return work.on(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    v.reader().decRef();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * An instant in microseconds since 1970, as {@code updated_at} is compared. Not
     * {@code ChronoUnit.MICROS.between}: it counts in nanoseconds first, which overflow after 2262,
     * and {@code modified_after} may lie anywhere up to 9999.
     */
    public static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** A page of the HSDS export's services, by id, and their total. */
    public record Export(List<UUID> ids, long total) {
    }

    /**
     * The HSDS export's services: the search words matched as the public search matches them, changed
     * at or after {@code modifiedAfterMicros} (null: any time), oldest change first, then by id.
     */
    public Export export(String text, Long modifiedAfterMicros, int offset, int limit) {
        return withView(v -> {
            SearchQuery words = new SearchQuery(text, null, null, null, null, null, null, null, null, null,
                    SearchQuery.Sort.UPDATED, 0, 1);
            FixedBitSet found = v.maxDoc() == 0 ? new FixedBitSet(1)
                    : v.matches(words, text == null ? null : textQuery(text), null);
            List<Integer> docs = new ArrayList<>();
            BitSetIterator it = new BitSetIterator(found, 0);
            for (int doc = it.nextDoc(); doc != BitSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (modifiedAfterMicros == null || v.docs()[doc].updatedMicros() >= modifiedAfterMicros) {
                    docs.add(doc);
                }
            }
            docs.sort(Comparator.comparingInt(doc -> v.updatedAscRank()[doc]));
            List<UUID> ids = docs.subList(Math.min(offset, docs.size()), Math.min(offset + limit, docs.size())).stream()
                    .map(doc -> v.docs()[doc].id()).toList();
            return new Export(ids, docs.size());
        });
    }

    @Override
    public synchronized void close() throws IOException {
        view.reader().decRef();
        writer.rollback();
        directory.close();
    }

    /** A reader and everything a search reads besides the text and the radius, by document number. */
    record View(DirectoryReader reader, IndexSearcher searcher, int maxDoc, FixedBitSet live, OfferRow[] docs,
            Map<String, Map<String, FixedBitSet>> facets, Map<String, Integer> municipalities, int[] municipality,
            int[] titleRank, int[] updatedRank, int[] updatedAscRank, int[] titleOrder, int[] updatedOrder,
            int[] validFrom, int[] validUntil, FixedBitSet free, Places places) {

        static View of(DirectoryReader reader, Map<String, OfferRow> rows) throws IOException {
            int maxDoc = reader.maxDoc();
            FixedBitSet live = new FixedBitSet(Math.max(maxDoc, 1));
            OfferRow[] docs = new OfferRow[maxDoc];
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(ID);
                Bits liveDocs = leaf.reader().getLiveDocs();
                if (ids == null) {
                    continue;
                }
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((liveDocs == null || liveDocs.get(doc)) && ids.advanceExact(doc)) {
                        OfferRow row = rows.get(ids.lookupOrd(ids.ordValue()).utf8ToString());
                        if (row != null) {
                            docs[leaf.docBase + doc] = row;
                            live.set(leaf.docBase + doc);
                        }
                    }
                }
            }
            Map<String, Map<String, FixedBitSet>> facets = new LinkedHashMap<>();
            SearchStatements.DIMENSIONS.forEach(d -> facets.put(d, new HashMap<>()));
            Map<String, Integer> municipalities = new HashMap<>();
            int[] municipality = new int[maxDoc];
            // The filters' columns as arrays: a filter reads them in order, not an object per document.
            int[] validFrom = new int[maxDoc];
            int[] validUntil = new int[maxDoc];
            FixedBitSet free = new FixedBitSet(Math.max(maxDoc, 1));
            List<Integer> present = new ArrayList<>();
            for (int doc = 0; doc < maxDoc; doc++) {
                OfferRow row = docs[doc];
                if (row == null) {
                    continue;
                }
                present.add(doc);
                validFrom[doc] = row.validFrom();
                validUntil[doc] = row.validUntil();
                if (row.free()) {
                    free.set(doc);
                }
                if (row.kreis() != null) {
                    bit(facets.get("kreis"), row.kreis(), maxDoc, doc);
                }
                for (String value : row.fields()) {
                    bit(facets.get("field"), value, maxDoc, doc);
                }
                for (String value : row.targetGroups()) {
                    bit(facets.get("targetGroup"), value, maxDoc, doc);
                }
                for (String value : row.languages()) {
                    bit(facets.get("language"), value, maxDoc, doc);
                }
                municipality[doc] = row.municipality() == null ? -1
                        : municipalities.computeIfAbsent(lower(row.municipality()), k -> municipalities.size());
            }
            Comparator<Integer> byId = Comparator.comparing(doc -> docs[doc].id().toString());
            Comparator<Integer> byTitle = Comparator.<Integer, String>comparing(doc -> docs[doc].titleSort(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byId);
            Comparator<Integer> byUpdated = Comparator.<Integer>comparingLong(doc -> docs[doc].updatedMicros())
                    .reversed().thenComparing(byId);
            Comparator<Integer> byUpdatedAscending = Comparator.<Integer>comparingLong(doc -> docs[doc].updatedMicros())
                    .thenComparing(byId);
            IndexSearcher searcher = new IndexSearcher(reader);
            int[] titleOrder = order(present, byTitle);
            int[] updatedOrder = order(present, byUpdated);
            return new View(reader, searcher, maxDoc, live, docs, facets, municipalities, municipality,
                    ranks(titleOrder, maxDoc), ranks(updatedOrder, maxDoc), ranks(order(present, byUpdatedAscending), maxDoc),
                    titleOrder, updatedOrder, validFrom, validUntil, free, Places.of(docs));
        }

        private static void bit(Map<String, FixedBitSet> values, String value, int maxDoc, int doc) {
            values.computeIfAbsent(value, v -> new FixedBitSet(maxDoc)).set(doc);
        }

        /** The documents in this order. */
        private static int[] order(List<Integer> docs, Comparator<Integer> order) {
            List<Integer> sorted = new ArrayList<>(docs);
            sorted.sort(order);
            return sorted.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Each document's place in an order. */
        private static int[] ranks(int[] order, int maxDoc) {
            int[] rank = new int[maxDoc];
            for (int i = 0; i < order.length; i++) {
                rank[order[i]] = i;
            }
            return rank;
        }

        OfferSearch.Result search(SearchQuery q, Query text) throws IOException {
            if (maxDoc == 0) {
                Map<String, Map<String, Long>> none = new LinkedHashMap<>();
                SearchStatements.DIMENSIONS.forEach(d -> none.put(d, new LinkedHashMap<>()));
                return new OfferSearch.Result(List.of(), 0, none);
            }
            boolean scored = text != null && q.sort() == SearchQuery.Sort.RELEVANCE;
            // Per matching document only (not per document of the index): little garbage per search.
            Sparse scores = scored ? new Sparse() : null;
            FixedBitSet base = matches(q, text, scores);
            // The filters without facets: town, cost, validity, the exact radius.
            Sparse distances = q.geo() ? new Sparse() : null;
            Radius radius = q.geo() ? new Radius(q.area()) : null;
            Integer town = q.municipality() == null ? null : municipalities.getOrDefault(lower(q.municipality()), -2);
            int validOn = q.validOn() == null ? 0 : (int) q.validOn().toEpochDay();
            int notExpiredOn = q.notExpiredOn() == null ? 0 : (int) q.notExpiredOn().toEpochDay();
            if (q.free() != null) {
                if (q.free()) {
                    base.and(free);
                } else {
                    base.andNot(free);
                }
            }
            if (town != null || q.validOn() != null || q.notExpiredOn() != null || q.geo()) {
                BitSetIterator it = new BitSetIterator(base, 0);
                for (int doc = it.nextDoc(); doc != BitSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    boolean keep = (town == null || municipality[doc] == town)
                            && (q.validOn() == null || (validFrom[doc] <= validOn && validUntil[doc] >= validOn))
                            && (q.notExpiredOn() == null || validUntil[doc] >= notExpiredOn);
                    if (keep && q.geo()) {
                        double distance = places.haversineIfWithin(doc, radius);
                        keep = !Double.isNaN(distance);
                        if (keep) {
                            distances.add(doc, distance);
                        }
                    }
                    if (!keep) {
                        base.clear(doc);
                    }
                }
            }
            // Facets: each dimension counted with the other dimensions' filters, without its own.
            FixedBitSet[] chosen = new FixedBitSet[SearchStatements.DIMENSIONS.size()];
            for (int i = 0; i < chosen.length; i++) {
                String value = chosenValue(q, SearchStatements.DIMENSIONS.get(i));
                if (value != null) {
                    chosen[i] = facets.get(SearchStatements.DIMENSIONS.get(i)).getOrDefault(value, new FixedBitSet(maxDoc));
                }
            }
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            for (int i = 0; i < chosen.length; i++) {
                FixedBitSet scope = base;
                for (int other = 0; other < chosen.length; other++) {
                    if (other != i && chosen[other] != null) {
                        scope = scope == base ? base.clone() : scope;
                        scope.and(chosen[other]);
                    }
                }
                List<Map.Entry<String, Long>> values = new ArrayList<>();
                for (Map.Entry<String, FixedBitSet> value : facets.get(SearchStatements.DIMENSIONS.get(i)).entrySet()) {
                    long n = FixedBitSet.intersectionCount(scope, value.getValue());
                    if (n > 0) {
                        values.add(Map.entry(value.getKey(), n));
                    }
                }
                // Largest first, then by code, as the SQL search orders them.
                values.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                Map<String, Long> ordered = new LinkedHashMap<>();
                values.forEach(e -> ordered.put(e.getKey(), e.getValue()));
                counts.put(SearchStatements.DIMENSIONS.get(i), ordered);
            }
            FixedBitSet hits = base;
            for (FixedBitSet c : chosen) {
                if (c != null) {
                    hits = hits == base ? base.clone() : hits;
                    hits.and(c);
                }
            }
            int total = hits.cardinality();
            long from = (long) q.page() * q.size();
            List<OfferSearch.Hit> page = new ArrayList<>();
            if (from < total) {
                int wanted = (int) Math.min(total, from + q.size());
                List<Integer> sorted = new ArrayList<>(wanted);
                int[] fixed = q.sort() == SearchQuery.Sort.TITLE ? titleOrder
                        : q.sort() == SearchQuery.Sort.UPDATED || (q.sort() == SearchQuery.Sort.RELEVANCE && scores == null)
                                ? updatedOrder : null;
                if (q.sort() == SearchQuery.Sort.DISTANCE) {
                    sorted.addAll(nearest(hits, distances, wanted));
                } else if (fixed != null) {
                    // A fixed order: walk it until the page is full (no sorting of all the hits).
                    for (int i = 0; i < fixed.length && sorted.size() < wanted; i++) {
                        if (hits.get(fixed[i])) {
                            sorted.add(fixed[i]);
                        }
                    }
                } else {
                    Comparator<Integer> order = order(q, scores, distances);
                    // The first "wanted" in order: a bounded heap whose head is the last of them.
                    PriorityQueue<Integer> top = new PriorityQueue<>(wanted + 1, order.reversed());
                    BitSetIterator all = new BitSetIterator(hits, 0);
                    for (int doc = all.nextDoc(); doc != BitSetIterator.NO_MORE_DOCS; doc = all.nextDoc()) {
                        if (top.size() < wanted) {
                            top.add(doc);
                        } else if (order.compare(doc, top.peek()) < 0) {
                            top.poll();
                            top.add(doc);
                        }
                    }
                    sorted.addAll(top);
                    sorted.sort(order);
                }
                for (int doc : sorted.subList((int) from, sorted.size())) {
                    // The page's distances as the SQL computes them, term by term (the order used the fast ones).
                    page.add(new OfferSearch.Hit(docs[doc].id(), q.geo() ? round(kilometres(nearestHaversine(docs[doc], radius))) : null));
                }
            }
            return new OfferSearch.Result(page, total, counts);
        }

        /**
         * The first {@code wanted} hits by distance, then id: the distances are read in document order
         * beside the hits, the nearest kept in a small sorted array.
         */
        private List<Integer> nearest(FixedBitSet hits, Sparse distances, int wanted) {
            int[] best = new int[wanted];
            double[] bestDistance = new double[wanted];
            int n = 0;
            for (int i = 0; i < distances.size; i++) {
                int doc = distances.docs[i];
                if (!hits.get(doc)) {
                    continue;
                }
                double d = distances.values[i];
                if (n == wanted && !before(d, doc, bestDistance[n - 1], best[n - 1])) {
                    continue;
                }
                int at = n == wanted ? n - 1 : n;
                while (at > 0 && before(d, doc, bestDistance[at - 1], best[at - 1])) {
                    best[at] = best[at - 1];
                    bestDistance[at] = bestDistance[at - 1];
                    at--;
                }
                best[at] = doc;
                bestDistance[at] = d;
                n = Math.min(wanted, n + 1);
            }
            List<Integer> result = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                result.add(best[i]);
            }
            return result;
        }

        private boolean before(double distance, int doc, double otherDistance, int other) {
            int c = Double.compare(distance, otherDistance);
            return c != 0 ? c < 0 : docs[doc].id().toString().compareTo(docs[other].id().toString()) < 0;
        }

        private FixedBitSet matches(SearchQuery q, Query text, Sparse scores) throws IOException {
            if (text == null && !q.geo()) {
                return live.clone();
            }
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            if (text != null) {
                query.add(text, BooleanClause.Occur.MUST);
            }
            if (q.geo()) {
                // Candidates a little beyond the radius; the exact test (the SQL's formula) follows.
                SearchQuery.Circle c = q.area();
                query.add(LatLonPoint.newDistanceQuery(LOCATION, c.lat(), c.lon(), c.radiusKm() * 1000 * 1.001 + 10),
                        BooleanClause.Occur.FILTER);
            }
            FixedBitSet bits = new FixedBitSet(maxDoc);
            searcher.search(query.build(), new SimpleCollector() {
                private int docBase;
                private Scorable scorer;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    docBase = context.docBase;
                }

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    int global = docBase + doc;
                    if (live.get(global)) {
                        bits.set(global);
                        if (scores != null) {
                            scores.add(global, scorer.score());
                        }
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return scores != null ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return bits;
        }

        private Comparator<Integer> order(SearchQuery q, Sparse scores, Sparse distances) {
            Comparator<Integer> byId = Comparator.comparing(doc -> docs[doc].id().toString());
            return switch (q.sort()) {
                case TITLE -> Comparator.comparingInt(doc -> titleRank[doc]);
                case UPDATED -> Comparator.comparingInt(doc -> updatedRank[doc]);
                case DISTANCE -> Comparator.<Integer>comparingDouble(distances::get).thenComparing(byId);
                case RELEVANCE -> scores == null ? Comparator.comparingInt(doc -> updatedRank[doc])
                        : Comparator.<Integer>comparingDouble(scores::get).reversed()
                                .thenComparingInt(doc -> updatedRank[doc]);
            };
        }

        private static String chosenValue(SearchQuery q, String dimension) {
            return switch (dimension) {
                case "field" -> q.field() == null ? null : q.field().name();
                case "kreis" -> q.kreis();
                case "targetGroup" -> q.targetGroup() == null ? null : q.targetGroup().name();
                case "language" -> q.language() == null ? null : q.language().code();
                default -> throw new IllegalArgumentException(dimension);
            };
        }
    }

    /** A value per document, added in increasing document order, read back by binary search. */
    static final class Sparse {
        private int[] docs = new int[64];
        private double[] values = new double[64];
        private int size;

        void add(int doc, double value) {
            if (size == docs.length) {
                docs = java.util.Arrays.copyOf(docs, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            docs[size] = doc;
            values[size++] = value;
        }

        double get(int doc) {
            int i = java.util.Arrays.binarySearch(docs, 0, size, doc);
            return i >= 0 ? values[i] : 0;
        }
    }


    /**
     * Every document's locations in one flat array, worked out once per view: per location its
     * latitude and longitude and the sines and cosines of their halves. A radius search then tests a
     * location with multiplications only ({@link #haversineIfWithin}), where the SQL's formula takes
     * three sines and cosines, and reads the locations in document order from one array instead of
     * following each offer's own arrays: a dense radius search at 100,000 offers tests tens of
     * thousands of locations, and the trigonometry, then the scattered reads were most of the
     * catalogue's CPU there (JFR).
     */
    record Places(int[] start, double[] points) {

        private static final int STRIDE = 6;

        static Places of(OfferRow[] docs) {
            int[] start = new int[docs.length + 1];
            for (int doc = 0; doc < docs.length; doc++) {
                start[doc + 1] = start[doc] + (docs[doc] == null ? 0 : docs[doc].lats().length);
            }
            double[] points = new double[STRIDE * start[docs.length]];
            for (int doc = 0; doc < docs.length; doc++) {
                if (docs[doc] != null) {
                    double[] own = docs[doc].places();
                    System.arraycopy(own, 0, points, STRIDE * start[doc], own.length);
                }
            }
            return new Places(start, points);
        }

        /**
         * One offer's locations as a view keeps them, {@value #STRIDE} values each: latitude, longitude,
         * and the sine and cosine of half the latitude and of half the longitude in radians.
         */
        static double[] points(double[] lats, double[] lons) {
            double[] points = new double[STRIDE * lats.length];
            for (int i = 0; i < lats.length; i++) {
                int at = STRIDE * i;
                points[at] = lats[i];
                points[at + 1] = lons[i];
                points[at + 2] = Math.sin(Math.toRadians(lats[i]) / 2);
                points[at + 3] = Math.cos(Math.toRadians(lats[i]) / 2);
                points[at + 4] = Math.sin(Math.toRadians(lons[i]) / 2);
                points[at + 5] = Math.cos(Math.toRadians(lons[i]) / 2);
            }
            return points;
        }

        /**
         * As the SQL: whether one of the document's locations lies inside the bounding box and within
         * the radius; if so the haversine term {@code a} of its nearest location (the distance is
         * {@code 2R asin(sqrt(a))}, growing with {@code a}), else NaN. {@code a} comes from the
         * angle-difference identities, which differ from the SQL's term-by-term formula by a few units
         * in the last place; where that could tip the decision ({@link Radius#margin} of the limit), the
         * SQL's formula decides ({@link Radius#within}).
         */
        double haversineIfWithin(int doc, Radius r) {
            double min = Double.MAX_VALUE;
            boolean within = false;
            for (int at = STRIDE * start[doc], end = STRIDE * start[doc + 1]; at < end; at += STRIDE) {
                double sinLat = points[at + 2] * r.cosHalfLat - points[at + 3] * r.sinHalfLat;
                double sinLon = points[at + 4] * r.cosHalfLon - points[at + 5] * r.sinHalfLon;
                double cosLat = points[at + 3] * points[at + 3] - points[at + 2] * points[at + 2];
                double a = sinLat * sinLat + r.cosCentre * cosLat * sinLon * sinLon;
                min = Math.min(min, a);
                if (!within && r.inBox(points[at], points[at + 1])) {
                    within = Math.abs(a - r.limit) > r.margin ? a < r.limit : r.within(points[at], points[at + 1]);
                }
            }
            return within ? min : Double.NaN;
        }
    }

    /** The haversine term of the offer's nearest location, by the SQL's formula. */
    private static double nearestHaversine(OfferRow row, Radius r) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < row.lats().length; i++) {
            min = Math.min(min, r.haversine(row.lats()[i], row.lons()[i]));
        }
        return min;
    }

    /** A search's circle with its bounding box, its haversine limit and what depends on its centre alone. */
    static final class Radius {
        final SearchQuery.Circle area;
        final double dLat;
        final double dLon;
        final double limit;
        /**
         * How far the fast {@code a} of {@link Places} may be from the SQL formula's: both err by a few
         * units in the last place of the half-angle sines (about 1e-16 each, squared against a sine of
         * at most sqrt(limit) near the limit), so 4e-15 sqrt(limit) holds with room; the relative part
         * keeps the SQL's own decision within a hair of the radius.
         */
        final double margin;
        final double cosCentre;
        final double sinHalfLat;
        final double cosHalfLat;
        final double sinHalfLon;
        final double cosHalfLon;

        Radius(SearchQuery.Circle area) {
            this.area = area;
            this.dLat = area.radiusKm() / 111.2;
            double cos = Math.max(Math.cos(Math.toRadians(area.lat())), 0.01);
            this.dLon = Math.min(area.radiusKm() / (111.32 * cos), 180);
            double half = Math.sin(area.radiusKm() / (2 * SearchStatements.EARTH_KM));
            this.limit = half * half;
            this.margin = limit * 1e-9 + 4e-15 * Math.sqrt(limit);
            this.cosCentre = Math.cos(Math.toRadians(area.lat()));
            double lat = Math.toRadians(area.lat()) / 2;
            double lon = Math.toRadians(area.lon()) / 2;
            this.sinHalfLat = Math.sin(lat);
            this.cosHalfLat = Math.cos(lat);
            this.sinHalfLon = Math.sin(lon);
            this.cosHalfLon = Math.cos(lon);
        }

        boolean inBox(double lat, double lon) {
            return lat >= area.lat() - dLat && lat <= area.lat() + dLat && lon >= area.lon() - dLon
                    && lon <= area.lon() + dLon;
        }

        /** The SQL's decision for one location: its formula's {@code a}, then the distance in km within a hair. */
        boolean within(double lat, double lon) {
            double a = haversine(lat, lon);
            return Math.abs(a - limit) > limit * 1e-9 ? a < limit : kilometres(a) <= area.radiusKm();
        }

        /** The haversine term {@code a} of a location, as the SQL's formula computes it, term by term in its order. */
        double haversine(double lat, double lon) {
            double sinLat = Math.sin(Math.toRadians(lat - area.lat()) / 2);
            double sinLon = Math.sin(Math.toRadians(lon - area.lon()) / 2);
            return sinLat * sinLat + cosCentre * Math.cos(Math.toRadians(lat)) * sinLon * sinLon;
        }
    }

    static double kilometres(double haversine) {
        return 2 * SearchStatements.EARTH_KM * Math.asin(Math.sqrt(haversine));
    }



    private static double round(double km) {
        return Math.round(km * 100) / 100.0;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
