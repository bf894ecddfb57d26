package de.handinhand.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.web.common.PageContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's taxonomy as the pages use it: codes and their order from the API, labels in the
 * page language where the API has them, the pages' own words only for the languages it lacks, and
 * the API's English when neither has the code; an API that is away is asked again soon.
 */
class TaxonomyTest {

    static final String BODY = """
            {"fields": [{"code": "SPRACHE", "label": {"de": "Sprache", "en": "Language"}},
                        {"code": "WOHNEN", "label": {"de": "Wohnen und Wohnumfeld", "en": "Housing and neighbourhood"}},
                        {"code": "NEU_IM_API", "label": {"de": "Neu", "en": "New in the API"}}],
             "targetGroups": [{"code": "ERWACHSENE", "label": {"de": "Erwachsene", "en": "Adults"}}],
             "languages": [{"code": "ar", "label": {"de": "Arabisch", "en": "Arabic"}},
                           {"code": "gsg", "label": {"de": "Deutsche Gebärdensprache", "en": "German Sign Language"}}]}
            """;

    final MutableClock clock = new MutableClock();

    @Test
    void theCodesAndTheirOrderAreTheApis() throws Exception {
        Taxonomy taxonomy = new Taxonomy(answering(BODY, new AtomicInteger()), clock);
        assertEquals(List.of("SPRACHE", "WOHNEN", "NEU_IM_API"), taxonomy.lists().codes(Taxonomy.FIELDS));
        assertTrue(taxonomy.lists().has(Taxonomy.TARGET_GROUPS, "ERWACHSENE"));
        assertFalse(taxonomy.lists().has(Taxonomy.TARGET_GROUPS, "SPRACHE"));
        assertEquals(Optional.of("Arabic"), taxonomy.lists().label(Taxonomy.LANGUAGES, "ar", "en"));
    }

    @Test
    void labelsAreTheApisInItsLanguagesAndTheDecidedFallbacksInTheOthers() throws Exception {
        Taxonomy taxonomy = new Taxonomy(answering(BODY, new AtomicInteger()), clock);
        Labels labels = new Labels(page(Lang.DE), taxonomy, new CodeTranslations());
        assertEquals("Wohnen und Wohnumfeld", labels.field("WOHNEN"));
        assertEquals("Erwachsene", labels.targetGroup("ERWACHSENE"));
        assertEquals("Arabisch", labels.language("ar"));

        labels = new Labels(page(Lang.EN), taxonomy, new CodeTranslations());
        assertEquals("Housing and neighbourhood", labels.field("WOHNEN"));
        assertEquals("German Sign Language", labels.language("gsg"));

        // Arabic: the API has no Arabic labels; the pages' translation of the code, else the API's English.
        labels = new Labels(page(Lang.AR), taxonomy, new CodeTranslations());
        assertEquals(CodeTranslations.read("ar").getProperty("fields.WOHNEN"), labels.field("WOHNEN"));
        assertFalse(labels.field("WOHNEN").isBlank());
        assertEquals("New in the API", labels.field("NEU_IM_API"));
        // A language's name from CLDR in Arabic; a code CLDR does not name, the API's English.
        assertEquals("العربية", labels.language("ar"));
        assertEquals("German Sign Language", labels.language("gsg"));
        // A code nobody knows shows as itself.
        assertEquals("UNBEKANNT", labels.targetGroup("UNBEKANNT"));
    }

    @Test
    void whileTheApiIsAwayTheCodesShowAndItIsAskedAgainSoonThenKeptLonger() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<String> body = new AtomicReference<>(null);
        Taxonomy taxonomy = new Taxonomy(() -> {
            calls.incrementAndGet();
            if (body.get() == null) {
                throw new IllegalStateException("gateway away");
            }
            return json(body.get());
        }, clock);
        assertFalse(taxonomy.lists().known());
        assertEquals("WOHNEN", new Labels(page(Lang.EN), taxonomy, new CodeTranslations()).field("WOHNEN"));
        taxonomy.lists();
        assertEquals(1, calls.get(), "asked again before the retry delay");

        body.set(BODY);
        clock.advance(Taxonomy.RETRY);
        assertTrue(taxonomy.lists().known());
        assertEquals(2, calls.get());
        clock.advance(Taxonomy.RETRY);
        taxonomy.lists();
        assertEquals(2, calls.get(), "a good answer is kept, not asked for on every page");
        clock.advance(Taxonomy.KEEP);
        taxonomy.lists();
        assertEquals(3, calls.get());
    }

    @Test
    void theTranslationsCoverTheSameCodesInEveryLanguageTheApiLacks() {
        java.util.Set<Object> arabic = CodeTranslations.read("ar").keySet();
        assertEquals(25, arabic.size());
        for (String lang : CodeTranslations.LANGUAGES) {
            assertEquals(arabic, CodeTranslations.read(lang).keySet(), lang);
        }
    }

    private static Supplier<JsonNode> answering(String body, AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return json(body);
        };
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PageContext page(Lang lang) {
        PageContext ctx = new PageContext(null);
        ctx.set(lang, URI.create("/"));
        return ctx;
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T03:00:00Z");

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
