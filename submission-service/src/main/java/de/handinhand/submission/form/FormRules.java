package de.handinhand.submission.form;

import de.handinhand.common.web.problem.Errors;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules across answers that forms declare ({@link Form.Rule}), written once: a period with a
 * longest duration, amounts that add up to a total, a part not larger than its whole, a text
 * required when an amount is spent. Each reads the normalised answers (amounts as whole numbers of
 * cents, dates as {@code YYYY-MM-DD}) and stays silent where an answer it needs is missing.
 */
public final class FormRules {

    private FormRules() {
    }

    /** {@code end} after {@code start}, and at most {@code months} months after it; reported on {@code end}. */
    public static Form.Rule period(String start, String end, int months) {
        return new Form.Rule(end, end + " after " + start + ", at most " + months + " months after it",
                (answers, requested, errors) -> {
                    LocalDate from = date(answers, start);
                    LocalDate to = date(answers, end);
                    if (from == null || to == null) {
                        return;
                    }
                    if (!to.isAfter(from)) {
                        errors.add("answers." + end, "must be after the start " + from + " (" + start + ")");
                    } else if (to.isAfter(from.plusMonths(months))) {
                        errors.add("answers." + end, "must be at most " + months + " months after the start " + from
                                + " (" + start + "), i.e. on or before " + from.plusMonths(months));
                    }
                });
    }

    /** The amounts {@code lines} (unanswered ones count 0) add up to {@code total}; reported on {@code total}. */
    public static Form.Rule sum(List<String> lines, String total) {
        return new Form.Rule(total, String.join(" + ", lines) + " = " + total, (answers, requested, errors) -> {
            Long expected = amount(answers, total);
            if (expected == null) {
                return;
            }
            long sum = 0;
            for (String line : lines) {
                Long value = amount(answers, line);
                sum += value == null ? 0 : value;
            }
            if (sum != expected) {
                errors.add("answers." + total, "must equal the sum of the lines " + lines.get(0) + "–"
                        + lines.get(lines.size() - 1) + ": they add up to " + euro(sum) + ", not " + euro(expected));
            }
        });
    }

    /** {@code part} is at most {@code whole}; reported on {@code part}. */
    public static Form.Rule atMost(String part, String whole, String what) {
        return new Form.Rule(part, part + " ≤ " + whole, (answers, requested, errors) -> {
            Long p = amount(answers, part);
            Long w = amount(answers, whole);
            if (p != null && w != null && p > w) {
                errors.add("answers." + part, what + " (" + p + ") must not exceed " + whole + " (" + w + ")");
            }
        });
    }

    /** {@code text} is answered when the amount {@code amount} is more than 0; reported on {@code text}. */
    public static Form.Rule explained(String amount, String text) {
        return new Form.Rule(text, text + " when " + amount + " > 0", (answers, requested, errors) -> {
            Long value = amount(answers, amount);
            if (value != null && value > 0 && !(answers.get(text) instanceof String s && !s.isBlank())) {
                errors.add("answers." + text, "is required when " + amount + " is more than 0: say what for");
            }
        });
    }

    /** A date answer, or null when unanswered (or, read back from an older store, not a date). */
    public static LocalDate date(Map<String, Object> answers, String code) {
        if (answers != null && answers.get(code) instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** An amount or number answer; JSON read back may give an Integer where a Long was written. */
    public static Long amount(Map<String, Object> answers, String code) {
        return answers != null && answers.get(code) instanceof Number n ? n.longValue() : null;
    }

    /** Cents as people read them in a message: 1.234,50 €. */
    public static String euro(long cents) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(java.math.BigDecimal.valueOf(cents, 2)) + " €";
    }

    /** Every rule of the form, for a submit: each adds its errors. */
    static void checkAll(Form form, Map<String, Object> answers, Long requestedCents, Errors errors) {
        form.rules().forEach(rule -> rule.check().check(answers, requestedCents, errors));
    }
}
