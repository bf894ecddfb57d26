package de.handinhand.submission.form.templates;

import static de.handinhand.submission.form.QuestionType.LONG_TEXT;
import static de.handinhand.submission.form.QuestionType.MONEY;
import static de.handinhand.submission.form.QuestionType.NUMBER;
import static de.handinhand.submission.form.QuestionType.TEXT;
import static de.handinhand.submission.form.QuestionType.YES_NO;

import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.FormRules;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The short final report a funded project files after its end (PROJEKTFOERDERUNG calls): what
 * happened, the participants as numbers, the money spent in the same typed lines as the cost plan
 * of the application ({@link BudgetLine}, R30–R36 beside P50–P56) with their total, and what
 * continues. Submit checks that the lines add up to the total, that the participants with own
 * experience of flight are not more than all participants, and what the other costs were for.
 */
public final class ProjektberichtForm {

    static final String PARTICIPANTS = "R20";
    static final String REFUGEES = "R21";
    static final String LINES = "R3";
    static final String OTHER_WHAT = "R37";
    static final String TOTAL = "R38";

    private ProjektberichtForm() {
    }

    public static Form build() {
        return new Form(FormTemplate.PROJEKTBERICHT, "Projektförderung – Abschlussbericht", List.of(
                new Section("R1", "Was ist geschehen?", List.of(
                        Question.of("R10", "Was ist im Projekt geschehen?", LONG_TEXT).required().maxLength(20_000)
                                .build(),
                        Question.of("R11", "Was lief anders als geplant, und warum?", LONG_TEXT).maxLength(5000)
                                .build())),
                new Section("R2", "Teilnehmende", List.of(
                        Question.of(PARTICIPANTS, "Teilnehmende insgesamt", NUMBER).required().build(),
                        Question.of(REFUGEES, "davon Menschen mit eigener Fluchterfahrung", NUMBER).required().build(),
                        Question.of("R22", "Ehrenamtlich Engagierte", NUMBER).build(),
                        Question.of("R23", "Zahl der Treffen und Veranstaltungen", NUMBER).build())),
                new Section("R3", "Verwendung der Mittel", spending()),
                new Section("R4", "Wie geht es weiter?", List.of(
                        Question.of("R40", "Wird das Projekt nach der Förderung weitergeführt?", YES_NO).required()
                                .build(),
                        Question.of("R41", "Was wird weitergeführt, was bleibt?", LONG_TEXT).required().maxLength(5000)
                                .build()))),
                null, List.of(), List.of(
                        FormRules.sum(BudgetLine.codes(LINES), TOTAL),
                        FormRules.explained(BudgetLine.SONSTIGES.code(LINES), OTHER_WHAT),
                        FormRules.atMost(REFUGEES, PARTICIPANTS, "the participants with own experience of flight")));
    }

    private static List<Question> spending() {
        List<Question> questions = new ArrayList<>();
        for (BudgetLine line : BudgetLine.values()) {
            questions.add(Question.of(line.code(LINES), line.label() + " (ausgegeben)", MONEY).build());
        }
        questions.add(Question.of(OTHER_WHAT, "Sonstige Kosten: wofür?", TEXT).maxLength(500).build());
        questions.add(Question.of(TOTAL, "Ausgaben insgesamt", MONEY).required().build());
        questions.add(Question.of("R39", "Erläuterung der Abweichungen vom Kostenplan", LONG_TEXT).maxLength(5000)
                .build());
        return questions;
    }
}
