package de.handinhand.submission.legacy.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers, amounts, dates and times the way people typed them into the legacy forms:
 * "Insg. 180 Personen", "ca. 1.200", "4,160,00 €", "EUR 250", "18.02.2017", "4.3.2017",
 * "18. Februar 2017", "9:30 Uhr – 15:00 Uhr", "9.30-15 Uhr". Every quantifier is bounded or
 * stops at the first character that cannot continue, so a pathological line costs linear time.
 */
public final class ValueParsers {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[.,\u00a0 ]\\d{3})++(?!\\d)|\\d++");
    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d.,\u00a0 ]*+");
    /** A number as amounts are written: "3,120,00", "1.800", "4160", "250,-". */
    private static final String AMOUNT_DIGITS = "\\d{1,3}(?:[.,\u00a0 ]\\d{3}){0,4}(?:[.,](?:\\d{1,2}|-{1,2}))?"
            + "|\\d{1,13}(?:[.,](?:\\d{1,2}|-{1,2}))?";
    /** An amount next to its currency: "3,120,00 €", "1.800 EUR", "EUR 250", "€ 99,50", "250,- Euro". */
    private static final Pattern CURRENCY_AMOUNT = Pattern.compile(
            "(?<![\\d.,])(" + AMOUNT_DIGITS + ")\\s{0,3}(?:€|eur\\b|euro\\b)"
                    + "|(?:€|\\beur\\b|\\beuro\\b)\\s{0,3}(" + AMOUNT_DIGITS + ")(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOTTED_DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\.\\s{0,2}(\\d{1,2})\\.\\s{0,2}(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern NAMED_DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\.?\\s{1,3}([A-Za-zäÄ]{3,9})\\.?\\s{1,3}(\\d{4})(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    /** "9:30 Uhr – 15:00 Uhr", "9.30-15 Uhr", "von 9:30 bis 15:00", "18 - 21 Uhr". */
    private static final Pattern TIME_RANGE = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])(?:[:.]([0-5]\\d))?(?!\\d)\\s{0,3}(uhr)?\\s{0,3}"
                    + "(?:-{1,2}|–|—|bis)\\s{0,3}"
                    + "([01]?\\d|2[0-3])(?:[:.]([0-5]\\d))?(?!\\d)\\s{0,3}(uhr)?",
            Pattern.CASE_INSENSITIVE);
    /** "ab 18 Uhr", "um 9:30 Uhr", "Beginn 14.00 Uhr". */
    private static final Pattern SINGLE_TIME = Pattern.compile(
            "(?<![\\d.:])([01]?\\d|2[0-3])(?:[:.]([0-5]\\d))?(?!\\d)\\s{0,3}uhr", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)[^\\s<>\"]{1,300}",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jan", 1), Map.entry("jänner", 1), Map.entry("februar", 2),
            Map.entry("feb", 2), Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("mär", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("mai", 5), Map.entry("juni", 6),
            Map.entry("jun", 6), Map.entry("juli", 7), Map.entry("jul", 7), Map.entry("august", 8),
            Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("dezember", 12), Map.entry("dez", 12));

    private ValueParsers() {
    }

    /** Every whole number in the text, thousands separators understood ("1.200" is 1200). */
    public static List<Long> numbers(String text) {
        List<Long> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (digits.length() <= 15) {
                found.add(Long.parseLong(digits));
            }
        }
        return found;
    }

    /**
     * An amount in euro cents. The last separator followed by one or two digits is the decimal
     * comma (or point); every other separator groups thousands: "4,160,00 €" is 4160.00 euro.
     */
    public static Optional<Long> cents(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return centsOf(m.group());
    }

    /**
     * The amount of one cost line ("Sachmittel f. Ausrichtung: ca. 1.800,00 €", "2 Moderatoren:
     * EUR 600"): the number next to the currency if there is one, else the number after the
     * line's last colon, else the line's only number.
     */
    public static Optional<Amount> amountOnLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher currency = CURRENCY_AMOUNT.matcher(line);
        if (currency.find()) {
            String digits = currency.group(1) != null ? currency.group(1) : currency.group(2);
            return centsOf(digits).map(c -> new Amount(c, currency.start(), currency.end()));
        }
        int colon = line.lastIndexOf(':');
        String tail = colon >= 0 ? line.substring(colon + 1) : line;
        int offset = colon >= 0 ? colon + 1 : 0;
        Matcher plain = AMOUNT.matcher(tail);
        if (!plain.find()) {
            return Optional.empty();
        }
        int start = plain.start();
        int end = plain.end();
        if (colon < 0 && plain.find()) {
            return Optional.empty(); // several numbers and no currency: not a cost line
        }
        return centsOf(tail.substring(start, end)).map(c -> new Amount(c, offset + start, offset + end));
    }

    /** An amount found on a line: cents, and where it stands. */
    public record Amount(long cents, int start, int end) {
    }

    private static Optional<Long> centsOf(String matched) {
        String raw = matched.strip().replace('\u00a0', ' ');
        if (raw.endsWith("-")) {
            raw = raw.replaceAll("[.,]-{1,2}$", "");
        }
        int lastSeparator = Math.max(raw.lastIndexOf(','), raw.lastIndexOf('.'));
        String whole = raw;
        String fraction = "";
        if (lastSeparator >= 0) {
            String after = raw.substring(lastSeparator + 1).replaceAll("[^0-9]", "");
            if (!after.isEmpty() && after.length() <= 2) {
                whole = raw.substring(0, lastSeparator);
                fraction = after;
            }
        }
        String digits = whole.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 13) {
            return Optional.empty();
        }
        long cents = Long.parseLong(digits) * 100;
        if (!fraction.isEmpty()) {
            cents += Long.parseLong(fraction.length() == 1 ? fraction + "0" : fraction);
        }
        return Optional.of(cents);
    }

    /** A date as YYYY-MM-DD from "18.02.2017", "18.2.17", "18. Februar 2017" or "2017-02-18". */
    public static Optional<String> date(String text) {
        return dateMatch(text).map(DateMatch::date);
    }

    /** The first date in the text and where it stands. */
    public static Optional<DateMatch> dateMatch(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find()) {
            return date(iso.group(1), iso.group(2), iso.group(3)).map(d -> new DateMatch(d, iso.start(), iso.end()));
        }
        Matcher dotted = DOTTED_DATE.matcher(text);
        if (dotted.find()) {
            String year = dotted.group(3).length() == 2 ? "20" + dotted.group(3) : dotted.group(3);
            return date(year, dotted.group(2), dotted.group(1))
                    .map(d -> new DateMatch(d, dotted.start(), dotted.end()));
        }
        Matcher named = NAMED_DATE.matcher(text);
        while (named.find()) {
            Integer month = MONTHS.get(named.group(2).toLowerCase(Locale.GERMAN));
            if (month != null) {
                Optional<String> d = date(named.group(3), String.valueOf(month), named.group(1));
                int start = named.start();
                int end = named.end();
                return d.map(x -> new DateMatch(x, start, end));
            }
        }
        return Optional.empty();
    }

    /** A date found in a text: ISO form, and where it stands. */
    public record DateMatch(String date, int start, int end) {
    }

    private static Optional<String> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
                    .toString());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The times of day a text gives as HH:MM: a range ("9:30 Uhr – 15:00 Uhr", "9.30-15 Uhr")
     * or a single start ("ab 18 Uhr"). A bare number pair ("3-4") is not a time: a range needs
     * "Uhr" or minutes. Dates should be blanked out first ({@link #dateMatch}).
     */
    public static Optional<Times> times(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher range = TIME_RANGE.matcher(text);
        while (range.find()) {
            boolean clock = range.group(3) != null || range.group(6) != null || range.group(2) != null
                    || range.group(5) != null;
            if (clock) {
                return Optional.of(new Times(hhmm(range.group(1), range.group(2)), hhmm(range.group(4), range.group(5)),
                        range.start(), range.end()));
            }
        }
        Matcher single = SINGLE_TIME.matcher(text);
        if (single.find()) {
            return Optional.of(new Times(hhmm(single.group(1), single.group(2)), null, single.start(), single.end()));
        }
        return Optional.empty();
    }

    /** Start and (if given) end as HH:MM, and where they stand. */
    public record Times(String start, String end, int from, int to) {
    }

    private static String hhmm(String hours, String minutes) {
        return String.format("%02d:%s", Integer.parseInt(hours), minutes == null ? "00" : minutes);
    }

    /** The first e-mail address in the text, if any; found from its '@', not by a backtracking pattern. */
    public static Optional<Span> email(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && mailChar(text.charAt(start - 1)) && at - start < 64) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && mailChar(text.charAt(end)) && end - at < 255) {
                end++;
            }
            while (end > at + 1 && ".-".indexOf(text.charAt(end - 1)) >= 0) {
                end--; // "schreiben Sie an info@beispiel.de."
            }
            String domain = text.substring(at + 1, end);
            if (start < at && domain.indexOf('.') > 0 && domain.lastIndexOf('.') < domain.length() - 2) {
                return Optional.of(new Span(text.substring(start, end), start, end));
            }
        }
        return Optional.empty();
    }

    private static boolean mailChar(char c) {
        return Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0;
    }

    /** The first web address ("www.…", "https://…") in the text. */
    public static Optional<Span> url(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int end = m.end();
        while (end > m.start() && ".,;:)".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return Optional.of(new Span(text.substring(m.start(), end), m.start(), end));
    }

    /** A piece of text found, and where it stands. */
    public record Span(String text, int start, int end) {
    }
}
