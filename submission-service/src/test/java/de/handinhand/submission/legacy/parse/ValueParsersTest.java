package de.handinhand.submission.legacy.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueParsersTest {

    @Test
    void numbersAsPeopleWriteThem() {
        assertEquals(List.of(180L), ValueParsers.numbers("Insg. 180 Personen"));
        assertEquals(List.of(1200L), ValueParsers.numbers("ca. 1.200 Teilnehmende"));
        assertEquals(List.of(8300L), ValueParsers.numbers("ca. 8.300 Einwohner"));
        assertEquals(List.of(180L, 60L), ValueParsers.numbers("180, davon 60 Geflüchtete"));
        assertTrue(ValueParsers.numbers("keine Angabe").isEmpty());
    }

    @Test
    void amountsInCentsWhateverTheSeparators() {
        assertEquals(Optional.of(416_000L), ValueParsers.cents("4,160,00 €"));
        assertEquals(Optional.of(416_000L), ValueParsers.cents("4.160,00 EUR"));
        assertEquals(Optional.of(416_000L), ValueParsers.cents("4160 Euro"));
        assertEquals(Optional.of(300_000L), ValueParsers.cents("3.000 €"));
        assertEquals(Optional.of(150L), ValueParsers.cents("1,5 €"));
        assertEquals(Optional.of(1_234_567L), ValueParsers.cents("12.345,67"));
        assertEquals(Optional.empty(), ValueParsers.cents("kostenlos"));
    }

    @Test
    void germanDates() {
        assertEquals(Optional.of("2017-02-18"), ValueParsers.date("18.02.2017"));
        assertEquals(Optional.of("2017-02-18"), ValueParsers.date("am 18.2.17 im Bürgerhaus"));
        assertEquals(Optional.of("2017-10-01"), ValueParsers.date("01. Oktober 2017"));
        assertEquals(Optional.of("2017-03-03"), ValueParsers.date("3. März 2017"));
        assertEquals(Optional.of("2017-02-18"), ValueParsers.date("2017-02-18"));
        assertEquals(Optional.empty(), ValueParsers.date("31.02.2017"));
        assertEquals(Optional.empty(), ValueParsers.date("im Frühjahr"));
    }
}
