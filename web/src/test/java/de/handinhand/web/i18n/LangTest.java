package de.handinhand.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void theBrowsersFirstSupportedLanguageIsTaken() {
        assertEquals(Lang.AR, Lang.fromAcceptLanguage("ar-SY,ar;q=0.9,en;q=0.5").orElseThrow());
        assertEquals(Lang.EN, Lang.fromAcceptLanguage("ru-RU, en-GB;q=0.8").orElseThrow());
        assertTrue(Lang.fromAcceptLanguage("ru, pl").isEmpty());
        assertTrue(Lang.fromAcceptLanguage(null).isEmpty());
    }

    @Test
    void arabicAndFarsiAreWrittenRightToLeft() {
        assertEquals("rtl", Lang.AR.dir());
        assertEquals("rtl", Lang.FA.dir());
        for (Lang l : new Lang[] {Lang.DE, Lang.EN, Lang.UK, Lang.TR}) {
            assertEquals("ltr", l.dir());
        }
    }

    @Test
    void eachLanguageIsNamedInItself() {
        assertEquals("Deutsch", Lang.DE.nativeName());
        assertEquals("العربية", Lang.AR.nativeName());
        assertEquals("فارسی", Lang.FA.nativeName());
        assertEquals("Українська", Lang.UK.nativeName());
        assertEquals("Türkçe", Lang.TR.nativeName());
    }

    @Test
    void unknownCodesAreNoLanguage() {
        assertTrue(Lang.of("xx").isEmpty());
        assertTrue(Lang.of("").isEmpty());
        assertEquals(Lang.UK, Lang.of(" UK ").orElseThrow());
    }
}
