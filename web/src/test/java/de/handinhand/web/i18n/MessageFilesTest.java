package de.handinhand.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The language files against the German ones: every language has every key of every bundle, and
 * every text is really translated (not in the block still waiting for a translator, not the
 * German words), the same placeholders in every language.
 */
class MessageFilesTest {

    static final List<String> LANGUAGES = List.of("en", "ar", "fa", "uk", "tr");
    static final List<String> BUNDLES = List.of("msg", "form", "kreis", "jury", "gemeinde", "orga");
    static final String WAITING = "# --- Not translated yet";
    /** Words that really are the same in German and that language. */
    static final java.util.Set<String> SAME_WORD = java.util.Set.of("tr:offer_phone");

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        for (String bundle : BUNDLES) {
            everyLanguageHasEveryKey(bundle);
        }
    }

    void everyLanguageHasEveryKey(String bundle) throws IOException {
        Map<String, String> german = read(bundle, "de", false);
        for (String lang : LANGUAGES) {
            Map<String, String> other = read(bundle, lang, false);
            List<String> missing = new ArrayList<>(german.keySet());
            missing.removeAll(other.keySet());
            assertTrue(missing.isEmpty(), lang + " lacks " + missing);
            List<String> extra = new ArrayList<>(other.keySet());
            extra.removeAll(german.keySet());
            assertTrue(extra.isEmpty(), lang + " has keys German lacks: " + extra);
        }
    }

    @Test
    void everythingIsTranslatedAndTheNewcomersPagesCompletely() throws IOException {
        for (String bundle : BUNDLES) {
            Map<String, String> german = read(bundle, "de", false);
            Map<String, String> english = read(bundle, "en", false);
            for (String lang : LANGUAGES) {
                Map<String, String> translated = read(bundle, lang, true);
                for (String key : german.keySet()) {
                    // The public pages may never wait for a translator; the others should not (today none do).
                    assertTrue(translated.containsKey(key), bundle + "_" + lang + ": " + key + " waits for a translator");
                    // Words the same in German and English ("{km} km") may be the same everywhere.
                    boolean international = german.get(key).equals(english.get(key))
                            || SAME_WORD.contains(lang + ":" + key);
                    if (!lang.equals("en") && !international) {
                        assertTrue(!translated.get(key).equals(german.get(key)),
                                bundle + "_" + lang + ": " + key + " is still German");
                    }
                }
            }
        }
    }

    @Test
    void placeholdersAreTheSameInEveryLanguage() throws IOException {
        for (String bundle : BUNDLES) {
            Map<String, String> german = read(bundle, "de", false);
            for (String lang : LANGUAGES) {
                Map<String, String> other = read(bundle, lang, false);
                german.forEach((key, text) -> assertEquals(placeholders(text), placeholders(other.get(key)),
                        bundle + "_" + lang + ": " + key));
            }
        }
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)}").matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        names.sort(null);
        return names;
    }

    /** The keys of a language file; {@code translatedOnly}: stop at the block waiting for a translator. */
    static Map<String, String> read(String bundle, String lang, boolean translatedOnly) throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = MessageFilesTest.class.getResourceAsStream(
                "/messages/" + bundle + "_" + lang + ".properties")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (translatedOnly && line.startsWith(WAITING)) {
                    break;
                }
                if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                map.put(line.substring(0, line.indexOf('=')).strip(), line.substring(line.indexOf('=') + 1));
            }
        }
        return map;
    }
}
