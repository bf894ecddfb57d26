package de.handinhand.submission.form;

import com.fasterxml.jackson.annotation.JsonIgnore;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.submission.call.FormTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A form: ordered sections of questions and, for the competition, the single-project group.
 * {@code atLeastOneOf} lists groups of which at least one question must be answered (the
 * competition needs at least one field of action, C26a–k); {@code rules} are checks across answers
 * that submit makes once every answer has its shape (a project's end after its start, budget lines
 * adding up to the total).
 */
public record Form(FormTemplate template, String title, List<Section> sections, ProjectGroup projectGroup,
        List<AtLeastOne> atLeastOneOf, List<Rule> rules) {

    public Form(FormTemplate template, String title, List<Section> sections, ProjectGroup projectGroup,
            List<AtLeastOne> atLeastOneOf) {
        this(template, title, sections, projectGroup, atLeastOneOf, List.of());
    }

    /** At least one of {@code questions} must be answered; reported under {@code code}. */
    public record AtLeastOne(String code, List<String> questions, String message) {
    }

    /**
     * A rule across answers, checked on submit: {@code description} says it for a portal,
     * {@code check} adds an error for each field that breaks it. A rule whose answers are missing
     * stays silent: completeness reports those.
     */
    public record Rule(String code, String description, @JsonIgnore Check check) {
    }

    /** The check of a {@link Rule}: the entry's normalised answers and, for funding entries, the amount asked for. */
    @FunctionalInterface
    public interface Check {
        void check(Map<String, Object> answers, Long requestedCents, Errors errors);
    }

    @JsonIgnore
    public Map<String, Question> questionsByCode() {
        Map<String, Question> all = new LinkedHashMap<>();
        sections.forEach(s -> s.questions().forEach(q -> all.put(q.code(), q)));
        return all;
    }

    @JsonIgnore
    public Map<String, Question> projectQuestionsByCode() {
        Map<String, Question> all = new LinkedHashMap<>();
        if (projectGroup != null) {
            projectGroup.questions().forEach(q -> all.put(q.code(), q));
        }
        return all;
    }

    /** The question that fills a top-level field of the entry (title, summary, description). */
    public Optional<Question> questionForField(String field) {
        return questionsByCode().values().stream().filter(q -> field.equals(q.field())).findFirst();
    }

    public int maxProjects() {
        return projectGroup == null ? 0 : projectGroup.maxProjects();
    }
}
