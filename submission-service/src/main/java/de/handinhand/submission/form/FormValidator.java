package de.handinhand.submission.form;

import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.submission.submission.api.SubmissionRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an entry against its form. Every save checks the shape (known codes, types, option
 * codes, lengths, patterns), so a draft never holds an answer the form cannot have; submit also
 * checks completeness (required questions, follow-ups such as "Wenn Weitere… Welche?" when
 * "Weitere" is chosen, at least one field of action) and, through {@link #checkRules}, the form's
 * rules across answers (a project's period, a budget). Every failure is collected, so the caller
 * learns all of them at once; fields are named {@code answers.C23}, {@code projects[0].answers.D10},
 * {@code title}.
 */
public final class FormValidator {

    /** Numbers and amounts in answers: the bound of every amount in cents, far below where JSON loses precision. */
    static final long MAX_NUMBER = Rules.CENTS_MAX;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private FormValidator() {
    }

    /** The entry's content as the validator sees it. */
    public record Content(String title, String summary, String description, Map<String, Object> answers,
            List<Map<String, Object>> projects) {
    }

    /** Shape only, for saving a draft; returns the answers without unanswered (null, blank, empty) ones. */
    public static Content normalise(Form form, Content content, Errors errors) {
        return check(form, content, errors, false);
    }

    /** Shape and completeness, for submitting. */
    public static void checkComplete(Form form, Content content, Errors errors) {
        check(form, content, errors, true);
    }

    /**
     * Shape and completeness in one pass, returning the normalised content: for content that is
     * submitted as it is saved (an organizer's correction of an imported entry).
     */
    public static Content normaliseComplete(Form form, Content content, Errors errors) {
        return check(form, content, errors, true);
    }

    /**
     * The form's rules across answers ({@link Form#rules()}), for a submit after completeness: the
     * normalised answers and, for funding entries, the amount asked for.
     */
    public static void checkRules(Form form, Map<String, Object> answers, Long requestedCents, Errors errors) {
        FormRules.checkAll(form, answers == null ? Map.of() : answers, requestedCents, errors);
    }

    private static Content check(Form form, Content content, Errors errors, boolean complete) {
        for (String field : List.of("title", "summary", "description")) {
            String value = switch (field) {
                case "title" -> content.title();
                case "summary" -> content.summary();
                default -> content.description();
            };
            // A form without a question for the field still keeps it within the API's limit (the import
            // writes what it read, without the request's constraints).
            int apiLimit = switch (field) {
                case "title" -> SubmissionRequest.TITLE_MAX;
                case "summary" -> SubmissionRequest.SUMMARY_MAX;
                default -> SubmissionRequest.DESCRIPTION_MAX;
            };
            form.questionForField(field).ifPresentOrElse(q -> {
                if (blank(value)) {
                    if (complete && q.required()) {
                        errors.add(field, "is required (" + q.code() + " " + q.label() + ")");
                    }
                } else if (q.maxLength() != null && value.length() > q.maxLength()) {
                    errors.add(field, "must be at most " + q.maxLength() + " characters (is " + value.length() + ")");
                }
            }, () -> errors.optionalText(field, value, apiLimit));
        }

        Map<String, Object> answers = answers("answers", form.questionsByCode(), content.answers(), errors, complete);
        for (Form.AtLeastOne rule : complete ? form.atLeastOneOf() : List.<Form.AtLeastOne>of()) {
            if (rule.questions().stream().noneMatch(answers::containsKey)) {
                errors.add("answers." + rule.code(), rule.message());
            }
        }

        List<Map<String, Object>> projects = content.projects() == null ? List.of() : content.projects();
        List<Map<String, Object>> cleanProjects = new java.util.ArrayList<>();
        if (form.projectGroup() == null && !projects.isEmpty()) {
            errors.add("projects", "this form has no single projects");
        } else if (projects.size() > form.maxProjects()) {
            errors.add("projects", "at most " + form.maxProjects() + " single projects");
        } else {
            for (int i = 0; i < projects.size(); i++) {
                cleanProjects.add(answers("projects[" + i + "].answers", form.projectQuestionsByCode(),
                        projects.get(i), errors, complete));
            }
        }
        return new Content(strip(content.title()), content.summary(), content.description(), answers, cleanProjects);
    }

    private static Map<String, Object> answers(String prefix, Map<String, Question> questions,
            Map<String, Object> given, Errors errors, boolean complete) {
        Map<String, Object> clean = new LinkedHashMap<>();
        Map<String, Object> answers = given == null ? Map.of() : given;
        for (Map.Entry<String, Object> entry : answers.entrySet()) {
            String field = prefix + "." + entry.getKey();
            Question q = questions.get(entry.getKey());
            if (q == null || q.field() != null) {
                errors.add(field, q == null ? "is not a question of this form"
                        : "is the entry's " + q.field() + ", not an answer");
                continue;
            }
            if (q.readOnly()) {
                errors.add(field, "is filled by the server (from the municipality registry or the caller's token)");
                continue;
            }
            Object value = value(q, entry.getValue(), field, errors);
            if (value != null) {
                clean.put(q.code(), value);
            }
        }
        if (complete) {
            for (Question q : questions.values()) {
                if (q.readOnly() || q.field() != null || clean.containsKey(q.code())) {
                    continue;
                }
                if (q.required()) {
                    errors.add(prefix + "." + q.code(), "is required (" + q.label() + ")");
                } else if (q.requiredWhen() != null && q.requiredWhen().holdsFor(clean.get(q.requiredWhen().question()))) {
                    errors.add(prefix + "." + q.code(), "is required when " + q.requiredWhen().question() + " is "
                            + String.join(" or ", q.requiredWhen().anyOf()) + " (" + q.label() + ")");
                }
            }
        }
        return clean;
    }

    /** The answer in its canonical form, or null if unanswered or invalid (then an error is added). */
    static Object value(Question q, Object raw, String field, Errors errors) {
        if (raw == null) {
            return null;
        }
        switch (q.type()) {
            case TEXT, LONG_TEXT -> {
                if (!(raw instanceof String text)) {
                    errors.add(field, "must be text");
                    return null;
                }
                if (text.isBlank()) {
                    return null;
                }
                if (q.maxLength() != null && text.length() > q.maxLength()) {
                    errors.add(field, "must be at most " + q.maxLength() + " characters (is " + text.length() + ")");
                    return null;
                }
                if (q.pattern() != null && !text.strip().matches(q.pattern())) {
                    errors.add(field, "has an invalid format");
                    return null;
                }
                return q.type() == QuestionType.TEXT ? text.strip() : text;
            }
            case YES_NO, YES_NO_PLANNED, SINGLE_CHOICE -> {
                if (!(raw instanceof String code)) {
                    errors.add(field, "must be one option code: " + codes(q));
                    return null;
                }
                if (q.choices().stream().noneMatch(o -> o.code().equals(code))) {
                    errors.add(field, "'" + code + "' is not an option; one of " + codes(q));
                    return null;
                }
                return code;
            }
            case MULTI_CHOICE -> {
                if (!(raw instanceof List<?> list)) {
                    errors.add(field, "must be a list of option codes: " + codes(q));
                    return null;
                }
                Set<String> seen = new HashSet<>();
                for (Object item : list) {
                    if (!(item instanceof String code) || q.choices().stream().noneMatch(o -> o.code().equals(code))) {
                        errors.add(field, "'" + item + "' is not an option; options are " + codes(q));
                        return null;
                    }
                    if (!seen.add(code)) {
                        errors.add(field, "lists '" + code + "' twice");
                        return null;
                    }
                }
                return list.isEmpty() ? null : List.copyOf(list.stream().map(String::valueOf).toList());
            }
            case NUMBER, MONEY -> {
                Long number = wholeNumber(raw);
                if (number == null || number < 0 || number > MAX_NUMBER) {
                    errors.add(field, q.type() == QuestionType.MONEY
                            ? "must be an amount in euro cents (a whole number, not negative)"
                            : "must be a whole number, not negative");
                    return null;
                }
                return number;
            }
            case DATE -> {
                if (!(raw instanceof String text) || !DATE.matcher(text).matches()) {
                    errors.add(field, "must be a date YYYY-MM-DD");
                    return null;
                }
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    errors.add(field, "is not a calendar date");
                    return null;
                }
            }
            default -> throw new IllegalStateException("unhandled type " + q.type());
        }
    }

    private static Long wholeNumber(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (raw instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (raw instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 9e15) {
            return d.longValue();
        }
        return null;
    }

    private static String codes(Question q) {
        return String.join(", ", q.choices().stream().map(Option::code).toList());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
