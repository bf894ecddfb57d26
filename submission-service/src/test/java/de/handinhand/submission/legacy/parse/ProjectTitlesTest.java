package de.handinhand.submission.legacy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectTitlesTest {

    @Test
    void aQuotedNameNearTheStartIsTheTitle() {
        assertEquals(Optional.of("Nachbarschaftscafé Mitte"),
                ProjectTitles.fromText("Seit 2016 öffnet das „Nachbarschaftscafé Mitte“ jeden Donnerstag."));
        assertEquals(Optional.of("Café Vielfalt"), ProjectTitles.fromText("Im »Café Vielfalt« treffen sich alle."));
        assertEquals(Optional.of("Fit für den Job"), ProjectTitles.fromText("Das Programm \"Fit für den Job\" läuft."));
    }

    @Test
    void quotedSpeechOrAnAbbreviationIsNoName() {
        assertEquals(Optional.of("Ehrenamtliche erzählen, warum sie helfen"), ProjectTitles.fromText(
                "Ehrenamtliche erzählen, warum sie helfen: „Ich habe nie gedacht, dass es so viel Freude macht.“"));
        assertEquals(Optional.of("Finanziert aus Landesmitteln"), ProjectTitles.fromText(
                "Finanziert aus Landesmitteln. Das Programm \"GIV\" half dabei."));
    }

    @Test
    void elseTheFirstWordsOfTheFirstSentence() {
        assertEquals(Optional.of("Patinnen begleiten Familien bei Behördengängen"),
                ProjectTitles.fromText("• Patinnen begleiten Familien bei Behördengängen. Danach folgt mehr."));
        assertEquals(Optional.of("Ehrenamtliche Patinnen und Paten begleiten Familien …"),
                ProjectTitles.fromText("Ehrenamtliche Patinnen und Paten begleiten Familien in den ersten Monaten."));
        assertEquals(Optional.of("Rund 30 Personen kamen z.B. aus dem Ort"),
                ProjectTitles.fromText("Rund 30 Personen kamen z.B. aus dem Ort. Weiteres folgt."));
        assertTrue(ProjectTitles.fromText("  \n ").isEmpty());
        assertTrue(ProjectTitles.fromText("12.03.2017 – 14:00").isEmpty(), "no words, no title");
    }
}
