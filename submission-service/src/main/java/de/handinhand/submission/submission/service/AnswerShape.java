package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.Errors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structural check of answers that every save runs: codes that look like question codes and
 * values of an answer type (text, number, yes/no code, list of option codes). Whether an answer
 * fits its question is the form's check at submit.
 */
final class AnswerShape {

    static final Pattern QUESTION_CODE = Pattern.compile("[A-Z][0-9]{1,3}[a-z]?");
    static final Pattern PROJECT_CODE = Pattern.compile("D1[0-9][a-z]?");
    static final int MAX_PROJECTS = 5;
    static final int MAX_ANSWER_LENGTH = 20_000;
    static final int MAX_OPTIONS = 50;

    private AnswerShape() {
    }

    /** Checks and returns the answers without null values (an unanswered question). */
    static Map<String, Object> answers(String prefix, Map<String, Object> answers, Pattern codes, Errors errors) {
        Map<String, Object> clean = new LinkedHashMap<>();
        if (answers == null) {
            return clean;
        }
        answers.forEach((code, value) -> {
            String field = prefix + "." + code;
            if (!codes.matcher(code).matches()) {
                errors.add(field, "is not a question code of this form's shape");
            } else if (value == null) {
                // an explicit null means "not answered"
            } else if (value instanceof String text) {
                if (text.length() > MAX_ANSWER_LENGTH) {
                    errors.add(field, "must be at most " + MAX_ANSWER_LENGTH + " characters");
                } else if (!text.isBlank()) {
                    clean.put(code, text);
                }
            } else if (value instanceof Number || value instanceof Boolean) {
                clean.put(code, value);
            } else if (value instanceof List<?> list) {
                if (list.size() > MAX_OPTIONS || !list.stream().allMatch(v -> v instanceof String s && s.length() <= 100)) {
                    errors.add(field, "must be a list of option codes");
                } else {
                    clean.put(code, List.copyOf(list));
                }
            } else {
                errors.add(field, "must be text, a number or a list of option codes");
            }
        });
        return clean;
    }
}
