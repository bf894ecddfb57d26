package de.handinhand.submission.submission;

import de.handinhand.submission.form.FormValidator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The derived marks of an entry ({@link Submission#derived}): paths of values the legacy import
 * derived ("title", "answers.F90", "projects[1].answers.D10"). A mark stays only while its value
 * does: once a person changes the value, it is theirs and no longer derived.
 */
public final class DerivedFields {

    private static final Pattern PATH = Pattern.compile("(?:projects\\[(\\d{1,3})]\\.)?answers\\.([A-Za-z0-9]{1,12})");

    private DerivedFields() {
    }

    /** The marks of {@code s} whose values {@code next} leaves as they are. */
    public static List<String> unchanged(Submission s, FormValidator.Content next) {
        if (s.derived == null || s.derived.isEmpty()) {
            return List.of();
        }
        return s.derived.stream().filter(path -> {
            Object after = value(path, next.title(), next.summary(), next.description(), next.answers(),
                    next.projects());
            return after != null && same(value(path, s.title, s.summary, s.description, s.answers, s.projects), after);
        }).toList();
    }

    /** Equal values; numbers by value, since JSON read back may give an Integer where a Long was written. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }

    private static Object value(String path, String title, String summary, String description,
            Map<String, Object> answers, List<Map<String, Object>> projects) {
        switch (path) {
            case "title" -> {
                return title;
            }
            case "summary" -> {
                return summary;
            }
            case "description" -> {
                return description;
            }
            default -> {
                Matcher m = PATH.matcher(path);
                if (!m.matches()) {
                    return null;
                }
                if (m.group(1) == null) {
                    return answers == null ? null : answers.get(m.group(2));
                }
                int index = Integer.parseInt(m.group(1));
                return projects == null || index >= projects.size() || projects.get(index) == null ? null
                        : projects.get(index).get(m.group(2));
            }
        }
    }
}
