package de.handinhand.submission.form.templates;

import static de.handinhand.submission.form.QuestionType.DATE;
import static de.handinhand.submission.form.QuestionType.LONG_TEXT;
import static de.handinhand.submission.form.QuestionType.MONEY;
import static de.handinhand.submission.form.QuestionType.MULTI_CHOICE;
import static de.handinhand.submission.form.QuestionType.TEXT;

import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormRules;
import de.handinhand.submission.form.Option;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.Section;
import de.handinhand.submission.submission.api.SubmissionRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A local project's application to a Kreis's funding programme, as the Landkreis Heilbronn ran
 * "Gemeinsam in Vielfalt": the project and its organisation (read-only: from the applicant's token,
 * or the entering municipality's name) in its Gemeinde (read-only, from the registry); the
 * project-lead tandem of a person with own experience of flight and a volunteer; description, goals,
 * target groups (the shared codes) and fields of action; the period of at most twelve months; the
 * cost plan in typed lines ({@link BudgetLine}) with their total; and the financing: the amount
 * asked for is the entry's {@code requestedCents} (P60), beside the co-funding. Submit checks the
 * period, that the lines add up to the total, and that the amount asked for fits into the total less
 * the co-funding. Codes P1x…P6x follow the sections and only ever get added.
 */
public final class ProjektfoerderungForm {

    /** Start and end of the project: the period the grant pays for. */
    public static final String START = "P40";
    public static final String END = "P41";
    /** At most a year, as the programme sets it. */
    public static final int MAX_MONTHS = 12;
    public static final String ORGANISATION = "P11";
    public static final String GEMEINDE = "P12";
    public static final String TARGET_GROUPS = "P32";
    public static final String FIELDS = "P33";
    static final String LINES = "P5";
    static final String OTHER_WHAT = "P57";
    static final String TOTAL = "P58";
    static final String REQUESTED = "P60";
    static final String CO_FUNDING = "P61";

    private ProjektfoerderungForm() {
    }

    public static Form build() {
        return new Form(FormTemplate.PROJEKTFOERDERUNG, "Projektförderung – Antrag", List.of(
                new Section("P1", "Projekt und Träger", List.of(
                        Question.of("P10", "Projekttitel", TEXT).required().maxLength(SubmissionRequest.TITLE_MAX)
                                .field("title").build(),
                        Question.of(ORGANISATION, "Organisation (Träger des Projekts)", TEXT).readOnly().build(),
                        Question.of(GEMEINDE, "Gemeinde", TEXT).readOnly().build(),
                        Question.of("P13", "Kurzfassung", LONG_TEXT).maxLength(2000).field("summary").build(),
                        Question.of("P14", "E-Mail für Rückfragen", TEXT).maxLength(Rules.NAME_MAX)
                                .pattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+").build(),
                        Question.of("P15", "Telefon für Rückfragen", TEXT).maxLength(50).pattern("[0-9+ ()/-]{3,50}")
                                .build())),
                new Section("P2", "Projektleitung im Tandem", List.of(
                        Question.of("P20", "Name der Person mit eigener Fluchterfahrung", TEXT).required()
                                .maxLength(Rules.NAME_MAX).group(TANDEM).build(),
                        Question.of("P21", "Rolle im Projekt (Person mit eigener Fluchterfahrung)", TEXT).required()
                                .maxLength(300).group(TANDEM).build(),
                        Question.of("P22", "Name der ehrenamtlich engagierten Person", TEXT).required()
                                .maxLength(Rules.NAME_MAX).group(TANDEM).build(),
                        Question.of("P23", "Rolle im Projekt (ehrenamtlich engagierte Person)", TEXT).required()
                                .maxLength(300).group(TANDEM).build())),
                new Section("P3", "Projektbeschreibung", List.of(
                        Question.of("P30", "Beschreibung des Projekts", LONG_TEXT).required().maxLength(20_000)
                                .field("description").build(),
                        Question.of("P31", "Ziele des Projekts", LONG_TEXT).required().maxLength(5000).build(),
                        Question.of(TARGET_GROUPS, "Zielgruppen", MULTI_CHOICE).required().options(targetGroups())
                                .build(),
                        Question.of(FIELDS, "Handlungsfelder", MULTI_CHOICE)
                                .options(FluechtlingsdialogForm.topics()).build(),
                        Question.of("P34", "Ort der Durchführung (Adresse)", TEXT).maxLength(300).build())),
                new Section("P4", "Zeitraum", List.of(
                        Question.of(START, "Projektbeginn", DATE).required().build(),
                        Question.of(END, "Projektende (höchstens " + MAX_MONTHS + " Monate nach Beginn)", DATE)
                                .required().build())),
                new Section("P5", "Kostenplan", costPlan()),
                new Section("P6", "Finanzierung", List.of(
                        Question.of(REQUESTED, "Beantragte Fördersumme", MONEY).required().field("requestedCents")
                                .build(),
                        Question.of(CO_FUNDING, "Kofinanzierung (Eigen- und Drittmittel)", MONEY).build(),
                        Question.of("P62", "Kofinanzierung durch", TEXT).maxLength(500).build()))),
                null, List.of(), List.of(
                        FormRules.period(START, END, MAX_MONTHS),
                        FormRules.sum(BudgetLine.codes(LINES), TOTAL),
                        FormRules.explained(BudgetLine.SONSTIGES.code(LINES), OTHER_WHAT),
                        FormRules.atMost(CO_FUNDING, TOTAL, "the co-funding"),
                        new Form.Rule("requestedCents", "requestedCents ≤ " + TOTAL + " − " + CO_FUNDING,
                                ProjektfoerderungForm::requestedFits)));
    }

    static final Question.Group TANDEM = new Question.Group("P2", "Die Projektleitung bildet ein Tandem aus einer "
            + "Person mit eigener Fluchterfahrung und einer ehrenamtlich engagierten Person.");

    private static List<Question> costPlan() {
        List<Question> questions = new ArrayList<>();
        for (BudgetLine line : BudgetLine.values()) {
            questions.add(Question.of(line.code(LINES), line.label(), MONEY).build());
        }
        questions.add(Question.of(OTHER_WHAT, "Sonstige Kosten: wofür?", TEXT).maxLength(500).build());
        questions.add(Question.of(TOTAL, "Gesamtkosten", MONEY).required().build());
        return questions;
    }

    /** The grant pays what the co-funding does not: the amount asked for fits into the total less the co-funding. */
    private static void requestedFits(java.util.Map<String, Object> answers, Long requested,
            de.handinhand.common.web.problem.Errors errors) {
        Long total = FormRules.amount(answers, TOTAL);
        if (requested == null || total == null) {
            return;
        }
        Long co = FormRules.amount(answers, CO_FUNDING);
        long open = total - (co == null ? 0 : co);
        if (requested > open) {
            errors.add("requestedCents", "must be at most the total costs " + FormRules.euro(total) + " less the "
                    + "co-funding " + FormRules.euro(co == null ? 0 : co) + ", i.e. " + FormRules.euro(Math.max(open, 0))
                    + " (asked for: " + FormRules.euro(requested) + ")");
        }
    }

    /** The shared target groups (API.md), without the competition form's qualifier. */
    static List<Option> targetGroups() {
        return Arrays.stream(TargetGroup.values()).map(g -> new Option(g.name(), g.labelDe())).toList();
    }
}
