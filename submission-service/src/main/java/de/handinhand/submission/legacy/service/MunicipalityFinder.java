package de.handinhand.submission.legacy.service;

import de.handinhand.common.web.problem.FieldError;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in the municipality registry, the one a text export speaks for.
 *
 * <p>A registered municipality is <em>named</em> where its name stands in the text as whole
 * words: "Landkreis Dachau", "Werra-Meißner-Kreises", or its bare name ("Dachau") with or without
 * a word of its kind before it ("der Stadt Lindenbrunn", "im Landkreis Hohenfeld"). A kind word
 * decides between a town and a Kreis of the same name; a bare name counts for both. Names never
 * match inside other words or hyphenated names ("Allendorf" is not in "Bad Sooden-Allendorf").
 *
 * <p>The text also says which <em>kind</em> of municipality speaks: "unsere Stadt", "unserer
 * Gemeinde", "unser Landkreis", "wir als Kreis" (two votes each), "der Landkreis reagierte", "die
 * Stadt begleitet" (a kind word with an article and no name after it, one vote). The candidates of
 * the speaking kind are preferred when there are any; among the rest the most often named wins.
 * A true tie is refused, naming the candidates. When a contact block names the municipality, only
 * the registered ones that name denotes are candidates.
 *
 * <p>The text is read once as words, and the registry is indexed by each name's first word, so the
 * cost is linear in the text; no regular expression runs over it.
 */
final class MunicipalityFinder {

    private static final Set<String> KREIS_WORDS = Set.of("landkreis", "landkreises", "kreis", "kreises",
            "landratsamt", "landratsamts", "landratsamtes", "kreisverwaltung", "kreisgebiet", "kreisgebiets",
            "kreisgebietes");
    private static final Set<String> TOWN_WORDS = Set.of("stadt", "gemeinde", "markt", "marktgemeinde", "kreisstadt",
            "stadtverwaltung", "gemeindeverwaltung", "ortsgemeinde", "hansestadt", "landeshauptstadt",
            "universitaetsstadt", "kleinstadt", "grossstadt", "stadtgemeinde", "rathaus");
    /** Words a registry name may start with that say its kind and are not part of the name proper. */
    private static final Set<String> NAME_PREFIXES = Set.of("landkreis", "kreis", "stadt", "gemeinde", "markt",
            "kreisstadt", "hansestadt", "landeshauptstadt", "universitaetsstadt", "marktgemeinde", "ortsgemeinde");
    private static final Set<String> POSSESSIVES = Set.of("unser", "unsere", "unserer", "unseren", "unserem",
            "unseres");
    private static final Set<String> ARTICLES = Set.of("der", "die", "das", "dem", "den", "des");
    private static final Set<String> KREIS_SELF = Set.of("landkreis", "landkreises", "kreis", "kreises", "kreisgebiet",
            "kreisgebiets", "kreisgebietes", "kreisverwaltung", "landratsamt");
    private static final Set<String> TOWN_SELF = Set.of("stadt", "gemeinde", "markt", "marktgemeinde", "kreisstadt",
            "stadtverwaltung", "gemeindeverwaltung", "ortsgemeinde", "kleinstadt");

    private static final Set<String> NAMING_TOWN_WORDS = Set.of("stadt", "gemeinde", "markt");

    enum Kind { TOWN, KREIS }

    /** A registered municipality's name as words: all of it, and the name proper without a kind word. */
    private record Entry(Municipality municipality, Kind kind, List<String> full, List<String> core) {
    }

    private record NamePattern(Entry entry, List<String> words, boolean bare) {
    }

    /** How often and how a candidate is named. */
    record Tally(Municipality municipality, int mentions, int typed) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<NamePattern>> byFirstWord = new HashMap<>();

    MunicipalityFinder(List<Municipality> registry) {
        for (Municipality m : registry) {
            Entry entry = entry(m);
            if (entry == null) {
                continue;
            }
            entries.add(entry);
            boolean prefixed = !entry.full().equals(entry.core());
            add(new NamePattern(entry, entry.full(), !prefixed));
            if (prefixed && !entry.core().isEmpty()) {
                add(new NamePattern(entry, entry.core(), true));
            }
        }
    }

    private void add(NamePattern pattern) {
        byFirstWord.computeIfAbsent(pattern.words().get(0), k -> new ArrayList<>()).add(pattern);
    }

    private static Entry entry(Municipality m) {
        if (m.name == null || m.name.isBlank()) {
            return null;
        }
        Kind kind = m.type == MunicipalityType.LANDKREIS ? Kind.KREIS : Kind.TOWN;
        String name = m.name;
        // Registry spelling "Dachau, Große Kreisstadt": the name proper stands before the comma.
        int comma = name.indexOf(',');
        List<String> full = words(name).stream().map(Word::folded).toList();
        if (full.isEmpty()) {
            return null;
        }
        List<String> core = comma > 0 ? words(name.substring(0, comma)).stream().map(Word::folded).toList() : full;
        if (comma <= 0) {
            int skip = 0;
            while (skip < full.size() - 1 && (NAME_PREFIXES.contains(full.get(skip))
                    || full.get(skip).equals("grosse") && full.get(skip + 1).equals("kreisstadt"))) {
                skip++;
            }
            core = full.subList(skip, full.size());
            String last = core.get(core.size() - 1);
            if (kind == Kind.KREIS && last.endsWith("-kreis") && last.length() > 6) {
                // "Werra-Meißner-Kreis": "Werra-Meißner" alone names it too.
                List<String> shorter = new ArrayList<>(core.subList(0, core.size() - 1));
                shorter.add(last.substring(0, last.length() - "-kreis".length()));
                core = shorter;
            }
        }
        return new Entry(m, kind, full, core);
    }

    /** A word of the text: folded for matching, and whether it was written with a capital. */
    record Word(String folded, boolean capital, String original) {
    }

    /** The text as words: letters and digits, hyphens inside a word kept ("Sooden-Allendorf"). */
    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || (text.charAt(i) == '-' && i + 1 < n
                    && Character.isLetterOrDigit(text.charAt(i + 1)) && i > start))) {
                i++;
            }
            if (i > start) {
                String original = text.substring(start, i);
                words.add(new Word(fold(original), Character.isUpperCase(original.charAt(0)), original));
            }
        }
        return words;
    }

    static String fold(String word) {
        String lower = word.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        // Other accents fold away ("Montbéliard" = "Montbeliard").
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * The municipality the text speaks for. {@code named} is what a contact block says (null if it
     * has none), {@code namedType} its "Typ" line; both narrow the candidates.
     *
     * @throws ValidationException (field {@code municipalityId}) naming the candidates when the
     *         text names none, or several equally
     */
    Municipality find(String named, String namedType, String text) {
        List<Word> words = words(text);
        Map<Entry, Tally> tallies = tally(words);
        Map<Kind, Integer> votes = votes(words);
        Kind speaking = votes.getOrDefault(Kind.TOWN, 0) > votes.getOrDefault(Kind.KREIS, 0) ? Kind.TOWN
                : votes.getOrDefault(Kind.KREIS, 0) > votes.getOrDefault(Kind.TOWN, 0) ? Kind.KREIS : null;

        Set<Entry> pool;
        if (named != null && !named.isBlank()) {
            Map<Entry, Tally> inName = tally(words(named));
            // A name that is a registered name in full ("Kreis Recklinghausen") is that one.
            List<Entry> exact = inName.keySet().stream().filter(e -> e.full().equals(words(named).stream()
                    .map(Word::folded).toList())).toList();
            if (exact.size() == 1) {
                return exact.get(0).municipality();
            }
            pool = new LinkedHashSet<>(inName.keySet());
            if (pool.isEmpty()) {
                throw new ValidationException("municipality-unknown", "The contact block names '" + named
                        + "', which is not in the registry", List.of(new FieldError("municipalityId", "'" + named
                        + "' is not in the registry; register it or pass municipalityId" + alsoNamed(tallies))));
            }
            Kind typed = kindOf(namedType);
            if (typed != null && pool.stream().anyMatch(e -> e.kind() == typed)) {
                pool.removeIf(e -> e.kind() != typed);
            }
            for (Entry e : pool) {
                tallies.putIfAbsent(e, new Tally(e.municipality(), 0, 0));
            }
        } else {
            pool = new LinkedHashSet<>(tallies.keySet());
            if (pool.isEmpty()) {
                List<String> unknown = unregisteredNames(words);
                String hint = unknown.isEmpty() ? "" : " (it speaks of " + String.join(", ", unknown) + ")";
                throw new ValidationException("municipality-unknown", "The text names no registered municipality"
                        + hint, List.of(new FieldError("municipalityId", "the text names no registered municipality"
                        + hint + "; register it or pass municipalityId")));
            }
        }
        if (speaking != null && pool.stream().anyMatch(e -> e.kind() == speaking)) {
            pool.removeIf(e -> e.kind() != speaking);
        }
        Comparator<Tally> order = Comparator.comparingInt(Tally::mentions).thenComparingInt(Tally::typed);
        List<Tally> ranked = pool.stream().map(tallies::get).sorted(order.reversed()).toList();
        Tally best = ranked.get(0);
        List<Tally> tied = ranked.stream().filter(t -> order.compare(t, best) == 0).toList();
        if (tied.size() > 1) {
            String candidates = String.join(", ", tied.stream().map(t -> t.municipality().name + " ("
                    + t.municipality().id + ", named " + t.mentions() + "×)").toList());
            throw new ValidationException("municipality-ambiguous", "The text speaks for one of several registered "
                    + "municipalities equally: " + candidates, List.of(new FieldError("municipalityId",
                    "ambiguous; candidates: " + candidates + "; pass municipalityId")));
        }
        return best.municipality();
    }

    /** Whether {@code name} (a contact block's) names this municipality: "Musterstadt" names "Landkreis Musterstadt". */
    static boolean names(String name, Municipality municipality) {
        return !new MunicipalityFinder(List.of(municipality)).tally(words(name)).isEmpty();
    }

    private String alsoNamed(Map<Entry, Tally> tallies) {
        if (tallies.isEmpty()) {
            return "";
        }
        return " (the text also names " + String.join(", ", tallies.values().stream()
                .sorted(Comparator.comparingInt(Tally::mentions).reversed()).limit(5)
                .map(t -> t.municipality().name + " (" + t.municipality().id + ")").toList()) + ")";
    }

    private static Kind kindOf(String type) {
        if (type == null) {
            return null;
        }
        String t = fold(type.strip());
        if (t.contains("kreis")) {
            return Kind.KREIS;
        }
        return t.contains("stadt") || t.contains("gemeinde") || t.contains("markt") ? Kind.TOWN : null;
    }

    /** Every registered municipality named in the words, with how often and how often with its kind word. */
    Map<Entry, Tally> tally(List<Word> words) {
        Map<Entry, Set<Integer>> mentions = new LinkedHashMap<>();
        Map<Entry, Set<Integer>> typed = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).folded();
            Set<String> keys = new LinkedHashSet<>(List.of(word));
            // Genitive: "Dachaus", "Landkreises", "Werra-Meißner-Kreises".
            if (word.endsWith("es") && word.length() > 4) {
                keys.add(word.substring(0, word.length() - 2));
            }
            if (word.endsWith("s") && word.length() > 3) {
                keys.add(word.substring(0, word.length() - 1));
            }
            for (String key : keys) {
                for (NamePattern pattern : byFirstWord.getOrDefault(key, List.of())) {
                    int end = matchEnd(words, i, pattern.words());
                    if (end < 0) {
                        continue;
                    }
                    Entry entry = pattern.entry();
                    Kind before = i > 0 ? kindWord(words.get(i - 1).folded()) : null;
                    if (pattern.bare() && before != null && before != entry.kind()) {
                        continue; // "Landkreis Hohenfeld" does not name the town Hohenfeld
                    }
                    mentions.computeIfAbsent(entry, k -> new HashSet<>()).add(end);
                    if (!pattern.bare() || before == entry.kind()) {
                        typed.computeIfAbsent(entry, k -> new HashSet<>()).add(end);
                    }
                }
            }
        }
        Map<Entry, Tally> tallies = new LinkedHashMap<>();
        mentions.forEach((entry, ends) -> tallies.put(entry, new Tally(entry.municipality(), ends.size(),
                typed.getOrDefault(entry, Set.of()).size())));
        return tallies;
    }

    /** Where the name ends if it stands at {@code start}, else -1. */
    private static int matchEnd(List<Word> words, int start, List<String> name) {
        if (start + name.size() > words.size()) {
            return -1;
        }
        for (int j = 0; j < name.size(); j++) {
            String word = words.get(start + j).folded();
            String expected = name.get(j);
            // Genitive endings: "Landkreises Dachau", "Werra-Meißner-Kreises", "Lindenbrunns".
            boolean same = word.equals(expected) || word.equals(expected + "s")
                    || expected.endsWith("kreis") && word.equals(expected + "es");
            if (!same) {
                return -1;
            }
        }
        return start + name.size() - 1;
    }

    private static Kind kindWord(String word) {
        if (KREIS_WORDS.contains(word)) {
            return Kind.KREIS;
        }
        return TOWN_WORDS.contains(word) ? Kind.TOWN : null;
    }

    /** Which kind of municipality the text speaks as. */
    static Map<Kind, Integer> votes(List<Word> words) {
        Map<Kind, Integer> votes = new HashMap<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            String word = words.get(i).folded();
            if (POSSESSIVES.contains(word) || word.equals("wir") && words.get(i + 1).folded().equals("als")) {
                // "unsere Stadt", "unsere kleine Stadt", "wir als Landkreis"
                for (int j = i + 1; j <= Math.min(i + 2, words.size() - 1); j++) {
                    Kind kind = selfKind(words.get(j).folded());
                    if (kind != null) {
                        votes.merge(kind, 2, Integer::sum);
                        break;
                    }
                }
            } else if (ARTICLES.contains(word)) {
                Kind kind = selfKind(words.get(i + 1).folded());
                // "Der Landkreis reagierte": a kind word followed by no name speaks of the writer itself.
                boolean nameFollows = i + 2 < words.size() && words.get(i + 2).capital();
                if (kind != null && !nameFollows) {
                    votes.merge(kind, 1, Integer::sum);
                }
            }
        }
        return votes;
    }

    private static Kind selfKind(String word) {
        if (KREIS_SELF.contains(word)) {
            return Kind.KREIS;
        }
        return TOWN_SELF.contains(word) ? Kind.TOWN : null;
    }

    /** Names the text gives with a kind word ("Stadt Wolkenheim") that are not registered, for the error message. */
    private List<String> unregisteredNames(List<Word> words) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i + 1 < words.size() && found.size() < 5; i++) {
            Word word = words.get(i);
            Word next = words.get(i + 1);
            boolean kind = KREIS_WORDS.contains(word.folded()) && !word.folded().startsWith("landratsamt")
                    || NAMING_TOWN_WORDS.contains(word.folded());
            if (kind && word.capital() && next.capital() && next.original().chars().allMatch(Character::isLetter)
                    && next.original().length() > 2) {
                found.add(word.original() + " " + next.original());
            }
        }
        return List.copyOf(found);
    }
}
