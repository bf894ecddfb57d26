package de.handinhand.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The catalogue's codes in the page languages its taxonomy does not label yet (it carries German
 * and English): {@code taxonomy/labels_<lang>.properties}, keys {@code <list>.<CODE>}. No code list
 * of its own: what exists, and in which order, is the API's; a code not here shows in English.
 */
@ApplicationScoped
public class CodeTranslations {

    /** The page languages the catalogue's taxonomy has no labels in. */
    static final java.util.List<String> LANGUAGES = java.util.List.of("ar", "fa", "uk", "tr");

    private final Map<String, Properties> byLanguage = new HashMap<>();

    public CodeTranslations() {
        for (String lang : LANGUAGES) {
            byLanguage.put(lang, read(lang));
        }
    }

    public Optional<String> label(String lang, String list, String code) {
        Properties words = byLanguage.get(lang);
        return words == null ? Optional.empty() : Optional.ofNullable(words.getProperty(list + "." + code));
    }

    static Properties read(String lang) {
        Properties words = new Properties();
        String name = "taxonomy/labels_" + lang + ".properties";
        try (InputStream in = CodeTranslations.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
        return words;
    }
}
