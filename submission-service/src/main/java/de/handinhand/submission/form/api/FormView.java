package de.handinhand.submission.form.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Condition;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.Option;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.QuestionType;
import java.util.List;

/**
 * A form as a portal renders and validates it (API.md): sections with their questions, each
 * with code, label, type, whether required, limits, and the option codes of every choice
 * question (YES_NO and YES_NO_PLANNED included); the single-project group; and the rules that
 * span questions: at least one of a group answered, and the checks submit makes across answers
 * ({@code rules}: the field an error names, and the rule in words).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormView(FormTemplate template, String title, List<SectionView> sections, ProjectGroupView projectGroup,
        List<Form.AtLeastOne> atLeastOneOf, List<RuleView> rules) {

    /** A check across answers: {@code field} is the code (or entry field) its error names. */
    public record RuleView(String field, String rule) {
    }

    public record SectionView(String code, String title, List<QuestionView> questions) {
    }

    public record ProjectGroupView(int maxProjects, List<QuestionView> questions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(String code, String label, QuestionType type, boolean required, Integer maxLength,
            String pattern, List<Option> options, Condition requiredWhen, String field, Boolean readOnly,
            Question.Group group) {

        static QuestionView of(Question q) {
            return new QuestionView(q.code(), q.label(), q.type(), q.required(), q.maxLength(), q.pattern(),
                    q.isChoice() ? q.choices() : null, q.requiredWhen(), q.field(), q.readOnly() ? Boolean.TRUE : null,
                    q.group());
        }
    }

    public static FormView of(Form form) {
        return new FormView(form.template(), form.title(),
                form.sections().stream().map(s -> new SectionView(s.code(), s.title(),
                        s.questions().stream().map(QuestionView::of).toList())).toList(),
                form.projectGroup() == null ? null : new ProjectGroupView(form.projectGroup().maxProjects(),
                        form.projectGroup().questions().stream().map(QuestionView::of).toList()),
                form.atLeastOneOf().isEmpty() ? null : form.atLeastOneOf(),
                form.rules().isEmpty() ? null : form.rules().stream()
                        .map(r -> new RuleView(r.code(), r.description())).toList());
    }
}
