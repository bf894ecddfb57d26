package de.handinhand.submission.form;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A question of a form. {@code field} names the entry's top-level field a question fills
 * ({@code title}, {@code summary}, {@code description}) instead of {@code answers}; {@code readOnly}
 * questions are filled by the server (the municipality's registry data); {@code requiredWhen}
 * makes a follow-up required; {@code group} lets a portal render a heading over a run of
 * questions (C26a–k under C26).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Question(
        String code,
        String label,
        QuestionType type,
        boolean required,
        Integer maxLength,
        String pattern,
        List<Option> options,
        Condition requiredWhen,
        String field,
        boolean readOnly,
        Group group) {

    /** A heading shared by several questions, e.g. C26 over C26a–k. */
    public record Group(String code, String label) {
    }

    public static Builder of(String code, String label, QuestionType type) {
        return new Builder(code, label, type);
    }

    public boolean isChoice() {
        return type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTI_CHOICE
                || type == QuestionType.YES_NO || type == QuestionType.YES_NO_PLANNED;
    }

    /** The option codes an answer may use (YES/NO questions have theirs implicitly). */
    public List<Option> choices() {
        return switch (type) {
            case YES_NO -> List.of(new Option("YES", "ja"), new Option("NO", "nein"));
            case YES_NO_PLANNED -> List.of(new Option("YES", "ja"), new Option("PLANNED", "geplant"),
                    new Option("NO", "nein"));
            default -> options == null ? List.of() : options;
        };
    }

    public static final class Builder {

        private final String code;
        private final String label;
        private final QuestionType type;
        private boolean required;
        private Integer maxLength;
        private String pattern;
        private List<Option> options = List.of();
        private Condition requiredWhen;
        private String field;
        private boolean readOnly;
        private Group group;

        private Builder(String code, String label, QuestionType type) {
            this.code = code;
            this.label = label;
            this.type = type;
            if (type == QuestionType.TEXT) {
                maxLength = 500;
            } else if (type == QuestionType.LONG_TEXT) {
                maxLength = 5000;
            }
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public Builder pattern(String pattern) {
            this.pattern = pattern;
            return this;
        }

        public Builder options(Option... options) {
            this.options = List.of(options);
            return this;
        }

        public Builder options(List<Option> options) {
            this.options = List.copyOf(options);
            return this;
        }

        public Builder requiredWhen(Condition condition) {
            this.requiredWhen = condition;
            return this;
        }

        public Builder field(String field) {
            this.field = field;
            return this;
        }

        public Builder readOnly() {
            this.readOnly = true;
            return this;
        }

        public Builder group(Group group) {
            this.group = group;
            return this;
        }

        public Question build() {
            return new Question(code, label, type, required, maxLength, pattern, options, requiredWhen, field, readOnly,
                    group);
        }
    }
}
