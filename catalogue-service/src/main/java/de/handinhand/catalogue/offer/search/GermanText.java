package de.handinhand.catalogue.offer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.German2Stemmer;

/**
 * The German text analysis of the search index, built from Lucene's parts so that it matches what
 * the SQL search matched (PostgreSQL's {@code german} configuration is the Snowball German stemmer
 * with the Snowball German stop words, which Lucene ships too) and adds compound words.
 *
 * <p>The stemmer is Snowball's {@code german2} variant, which reads "ae", "oe" and "ue" as the
 * umlauts: the folding writes every umlaut that way, so it stems "Fahrräder" (folded "fahrraeder")
 * to "fahrrad" and finds "Fahrradwerkstatt"; the plain variant stems it to "fahrraed". PostgreSQL 18
 * (Snowball 3, whose {@code german} took in {@code german2}) stems the same way: checked with
 * {@code ts_lexize('german_stem', ...)} on the test database's 18.6, and by the equivalence test.
 *
 * <ul>
 *   <li>{@link #WORDS}: every word, folded ({@link Folding}: lower case, ü → ue, accents dropped),
 *       stop words included (PostgreSQL's {@code simple} half of the search vector);</li>
 *   <li>{@link #STEMS}: the Snowball German (german2) stem of every word that is not a stop word (the
 *       {@code german} half), which is also how a query's words are taken apart;</li>
 *   <li>{@link #parts}: the words and parts of compound words, each also stemmed, the parts found in a word list built from the
 *       catalogue's own vocabulary ({@link DictionaryCompoundWordTokenFilter}), so "Sprachkurs" is
 *       found inside "Deutschsprachkurs" and "Kurs" inside "Sprachkurs".</li>
 * </ul>
 *
 * Texts of every language go through the same chain: the stemmer leaves words of other scripts
 * alone, and the folding applies to any Latin script. Why not {@code GermanNormalizationFilter}
 * and {@code GermanLightStemFilter}: they map "ae" to "a" and stem differently from PostgreSQL, so
 * the index would answer differently from the SQL search that the tests keep as its oracle; the
 * folding does what the normalisation would (typed "ue" meets written "ü").
 */
public final class GermanText {

    /** Parts of compounds: at least this long, and only words at least this long are taken apart. */
    static final int MIN_PART = 4;
    static final int MIN_COMPOUND = 7;
    static final int MAX_PART = 24;

    public static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    public static final Analyzer STEMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new StopFilter(new LowerCaseFilter(source), GermanAnalyzer.getDefaultStopSet());
            return new TokenStreamComponents(source, new SnowballFilter(stream, new German2Stemmer()));
        }
    };

    private GermanText() {
    }

    /** The compound-word analysis over a word list; the list may grow (only the indexing thread reads it). */
    public static Analyzer parts(CharArraySet dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream parts = new DictionaryCompoundWordTokenFilter(new LowerCaseFilter(source), dictionary,
                        MIN_COMPOUND, MIN_PART, MAX_PART, false);
                // Each word and part both as it is and stemmed, as the text fields hold words and stems: a
                // query stem is a prefix, so "Sprachkurse" (stem sprachkurs) needs the part "sprachkurs"
                // of "Deutschsprachkurs" (stem sprachkur), and "Café" (stem caf) the stem of "cafe".
                TokenStream stems = new SnowballFilter(new KeywordRepeatFilter(parts), new German2Stemmer());
                return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(stems));
            }
        };
    }

    /** The terms an analyzer makes of a (folded) text, each once, in order. */
    public static List<String> terms(Analyzer analyzer, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }
}
