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

    @Test
    void amountsOfCostLinesNextToTheirCurrency() {
        assertEquals(312_000L, ValueParsers.amountOnLine("    Beratung und Moderation: 3,120,00 €").orElseThrow().cents());
        assertEquals(180_000L, ValueParsers.amountOnLine("Sachmittel f. Ausrichtung: ca. 1.800,00 €").orElseThrow().cents());
        assertEquals(180_000L, ValueParsers.amountOnLine("Sachmittel: ca. 1.800 €").orElseThrow().cents());
        assertEquals(25_000L, ValueParsers.amountOnLine("Dolmetscher: EUR 250").orElseThrow().cents());
        assertEquals(45_000L, ValueParsers.amountOnLine("Honorar: 450,- €").orElseThrow().cents());
        assertEquals(60_000L, ValueParsers.amountOnLine("2 Moderatoren: 600 Euro").orElseThrow().cents(),
                "the number next to the currency, not the first one");
        assertEquals(60_000L, ValueParsers.amountOnLine("2 Moderatoren: 600").orElseThrow().cents(), "after the colon");
        assertTrue(ValueParsers.amountOnLine("2 Moderatoren, 3 Tage").isEmpty(), "no currency, no colon, two numbers");
        assertTrue(ValueParsers.amountOnLine("Europa 2017").isEmpty() || ValueParsers.amountOnLine("Europa 2017")
                .orElseThrow().cents() == 201_700L, "'Europa' is no currency");
    }

    @Test
    void datesWithTheirPlaceAndTimesOfDay() {
        assertEquals(Optional.of("2017-03-04"), ValueParsers.date("4.3.2017"));
        ValueParsers.DateMatch d = ValueParsers.dateMatch("Durchführung am 04.03.2017, 9:30 Uhr").orElseThrow();
        assertEquals("2017-03-04", d.date());
        assertEquals("04.03.2017", "Durchführung am 04.03.2017, 9:30 Uhr".substring(d.start(), d.end()));
        assertTimes("09:30", "15:00", ", 9:30 Uhr – 15:00 Uhr");
        assertTimes("09:30", "15:00", "9.30-15 Uhr");
        assertTimes("18:00", "21:00", "von 18 bis 21 Uhr");
        assertTimes("09:30", "15:00", "von 9:30 bis 15:00");
        assertTimes("18:00", null, "ab 18 Uhr");
        assertTrue(ValueParsers.times("3-4 Personen je Tisch").isEmpty(), "a range of numbers is no time");
        assertTrue(ValueParsers.times("2016-2017").isEmpty());
    }

    private static void assertTimes(String start, String end, String text) {
        ValueParsers.Times t = ValueParsers.times(text).orElseThrow(() -> new AssertionError("no time in " + text));
        assertEquals(start, t.start(), text);
        assertEquals(end, t.end(), text);
    }

    @Test
    void mailAndWebAddressesWithoutBacktracking() {
        assertEquals("erika.beispiel@landkreis-weidenstein.example",
                ValueParsers.email("E-Mail: <erika.beispiel@landkreis-weidenstein.example>.").orElseThrow().text());
        assertTrue(ValueParsers.email("@@@ kein@ mail").isEmpty());
        assertEquals("www.landkreis-weidenstein.example",
                ValueParsers.url("Landkreis Weidenstein-> www.landkreis-weidenstein.example").orElseThrow().text());
        String hostile = "a".repeat(200_000) + "@" + "b".repeat(200_000);
        assertTrue(ValueParsers.email(hostile).isEmpty(), "bounded on both sides of the @");
        assertTrue(ValueParsers.date("1." + " 1.".repeat(100_000)).isEmpty());
    }
}
