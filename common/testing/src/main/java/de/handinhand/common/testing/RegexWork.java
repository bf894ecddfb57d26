package de.handinhand.common.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much work a regular expression does on hostile text, counted instead of timed: the text is a
 * {@link CharSequence} that counts every character the regex engine reads. A pattern that backtracks
 * reads the same characters again and again, so its count grows with the square (or worse) of the
 * length; a safe one grows with the length. Each pattern is run, with {@code matches()} and with a
 * {@code find()} loop (what {@code replaceAll} and {@code split} do), over long runs of one short unit
 * (spaces, digits, letters, dots, brackets, "1 ", "a." ...) between a few prefixes and suffixes, at two
 * lengths; the count may grow at most about in proportion. Deterministic, and independent of the
 * machine's speed.
 *
 * <p>How a pattern is used matters: {@code \s*,} is linear under {@code matches()} but quadratic in a
 * {@code find()} loop over a run of spaces (every start position scans the run again), so the caller
 * says which {@link Use} each pattern has.
 */
public final class RegexWork {

    /** How the code applies a pattern to text. */
    public enum Use {
        /** {@code matcher.matches()} or {@code String.matches}: the whole text, once. */
        MATCHES,
        /** {@code find()}, {@code replaceAll}, {@code replaceFirst}, {@code split}: from every position on. */
        FIND
    }

    /** What a run is made of: the characters patterns loop over, alone and in the pairs they alternate. */
    static final List<String> UNITS = List.of(" ", "\t", "\u00a0", "1", "a", "A", "ä", ".", ",", ";", "-", "(", ")",
            "@", ":", "/", "\"", "1 ", "1.", "1,", "a ", "a.", "a@", "a-", "a:", " ,", ". ", "a,", "1:", "=", "ab ");
    static final List<String> PREFIXES = List.of("", "a", "1", "12345 ", "a@", "(", "- ", "tel ");
    static final List<String> SUFFIXES = List.of("", "!", "\n", ")", "@", ", 12345 x");

    private static final int SHORT = 300;
    private static final int LONG = 1_200;
    /** Reads on the long text beyond which a pattern is hopeless anyway: stop it rather than wait. */
    private static final long CEILING = 40_000_000L;

    private RegexWork() {
    }

    /** The static {@link Pattern} constants of a class, by field name. */
    public static Map<String, Pattern> constantsOf(Class<?> type) {
        Map<String, Pattern> found = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Pattern.class) {
                try {
                    field.setAccessible(true);
                    found.put(type.getSimpleName() + "." + field.getName(), (Pattern) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    /**
     * Every hostile text on which the pattern reads superlinearly many characters, described; empty
     * when it stays linear on all of them.
     */
    public static List<String> superlinear(Use use, Pattern pattern) {
        List<String> findings = new ArrayList<>();
        boolean whole = use == Use.MATCHES;
        for (String unit : UNITS) {
            for (String prefix : PREFIXES) {
                for (String suffix : SUFFIXES) {
                    {
                        long small = reads(pattern, text(prefix, unit, SHORT, suffix), whole);
                        long large = reads(pattern, text(prefix, unit, LONG, suffix), whole);
                        // Linear work quadruples from SHORT to LONG; quadratic grows 16-fold. Small counts
                        // (a pattern that gives up at once) are not judged by their ratio.
                        if (large > CEILING || (large > 20L * LONG && large > 8 * small)) {
                            findings.add(String.format("%s on %s'%s' x %d + '%s': %s reads at %d characters, %s at %d",
                                    whole ? "matches()" : "find()", quote(prefix), quote(unit), LONG / unit.length(),
                                    quote(suffix), large > CEILING ? "over " + CEILING : Long.toString(large), LONG,
                                    small, SHORT));
                            if (findings.size() >= 5) {
                                return findings;
                            }
                        }
                    }
                }
            }
        }
        return findings;
    }

    /** Fails naming each pattern and the first texts on which it reads superlinearly many characters. */
    public static void assertLinear(Use use, Map<String, Pattern> patterns) {
        List<String> failures = new ArrayList<>();
        patterns.forEach((name, pattern) -> {
            List<String> found = superlinear(use, pattern);
            if (!found.isEmpty()) {
                failures.add(name + " /" + pattern.pattern() + "/\n    " + String.join("\n    ", found));
            }
        });
        if (!failures.isEmpty()) {
            throw new AssertionError("Patterns that backtrack on hostile text (used with " + use + "):\n" + String.join("\n", failures));
        }
    }

    private static String text(String prefix, String unit, int length, String suffix) {
        return prefix + unit.repeat(Math.max(1, length / unit.length())) + suffix;
    }

    private static String quote(String s) {
        return s.replace("\n", "\\n").replace("\t", "\\t").replace("\u00a0", "\\u00a0");
    }

    /** Characters read: by one {@code matches()}, or by a {@code find()} loop over the whole text. */
    static long reads(Pattern pattern, String text, boolean whole) {
        Counting counted = new Counting(text);
        try {
            Matcher m = pattern.matcher(counted);
            if (whole) {
                m.matches();
            } else {
                while (m.find()) {
                    // every match, as replaceAll would find them
                }
            }
        } catch (TooMuch e) {
            return CEILING + 1;
        }
        return counted.reads;
    }

    private static final class TooMuch extends RuntimeException {
        TooMuch() {
            super(null, null, false, false);
        }
    }

    private static final class Counting implements CharSequence {

        private final String text;
        private long reads;

        Counting(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (++reads > CEILING) {
                throw new TooMuch();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            // Groups and replacements copy out of the text; copying is not backtracking.
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
