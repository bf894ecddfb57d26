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
 * Reads numbers, amounts and dates the way people typed them into the legacy forms:
 * "Insg. 180 Personen", "ca. 1.200", "4,160,00 €", "4.160 EUR", "18.02.2017", "18. Februar 2017".
 */
public final class ValueParsers {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:[.,\u00a0 ]\\d{3})+(?!\\d)|\\d+");
    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d.,\u00a0 ]*");
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.\\s*(\\d{1,2})\\.\\s*(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern NAMED_DATE = Pattern.compile("(\\d{1,2})\\.?\\s+([A-Za-zäÄ]+)\\s+(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
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
        String raw = m.group().strip();
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
        if (text == null) {
            return Optional.empty();
        }
        try {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.find()) {
                return Optional.of(LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))).toString());
            }
            Matcher dotted = DOTTED_DATE.matcher(text);
            if (dotted.find()) {
                int year = Integer.parseInt(dotted.group(3));
                if (dotted.group(3).length() == 2) {
                    year += 2000;
                }
                return Optional.of(LocalDate.of(year, Integer.parseInt(dotted.group(2)),
                        Integer.parseInt(dotted.group(1))).toString());
            }
            Matcher named = NAMED_DATE.matcher(text);
            if (named.find()) {
                Integer month = MONTHS.get(named.group(2).toLowerCase(Locale.GERMAN));
                if (month != null) {
                    return Optional.of(LocalDate.of(Integer.parseInt(named.group(3)), month,
                            Integer.parseInt(named.group(1))).toString());
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
