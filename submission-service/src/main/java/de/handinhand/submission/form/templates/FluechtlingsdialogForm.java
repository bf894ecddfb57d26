package de.handinhand.submission.form.templates;

import static de.handinhand.submission.form.QuestionType.DATE;
import static de.handinhand.submission.form.QuestionType.LONG_TEXT;
import static de.handinhand.submission.form.QuestionType.MONEY;
import static de.handinhand.submission.form.QuestionType.MULTI_CHOICE;
import static de.handinhand.submission.form.QuestionType.NUMBER;
import static de.handinhand.submission.form.QuestionType.TEXT;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.Option;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.Section;
import java.util.Arrays;
import java.util.List;

/**
 * The report form of the Kommunaler Flüchtlingsdialog (SPEC §1): the municipality with its
 * Einwohnerzahl, Landkreis and Regierungsbezirk and a contact; the event's concept and date;
 * the situation; counselling and moderation; topics; actors with the number of participants;
 * the assessment; results and next steps; costs in euro; recommendations. Codes F1x…F10x follow
 * the sections. No single projects.
 */
public final class FluechtlingsdialogForm {

    private FluechtlingsdialogForm() {
    }

    public static Form build() {
        return new Form(FormTemplate.FLUECHTLINGSDIALOG, "Kommunaler Flüchtlingsdialog – Bericht", List.of(
                new Section("F1", "Angaben zur Kommune", List.of(
                        Question.of("F10", "Name der Kommune", TEXT).readOnly().build(),
                        Question.of("F11", "Einwohnerzahl", NUMBER).required().build(),
                        Question.of("F12", "Landkreis", TEXT).maxLength(200).build(),
                        Question.of("F13", "Regierungsbezirk", TEXT).maxLength(200).build(),
                        Question.of("F14", "Ansprechpartner/in", TEXT).required().maxLength(200).build(),
                        Question.of("F15", "Anschrift", TEXT).maxLength(300).build(),
                        Question.of("F16", "Telefon", TEXT).maxLength(50).pattern("[0-9+ ()/-]{3,50}").build(),
                        Question.of("F17", "E-Mail", TEXT).maxLength(200).pattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                                .build())),
                new Section("F2", "Veranstaltungskonzept", List.of(
                        Question.of("F20", "Titel der Veranstaltung", TEXT).required().maxLength(300).field("title")
                                .build(),
                        Question.of("F21", "Datum der Veranstaltung", DATE).required().build(),
                        Question.of("F22", "Ort der Veranstaltung", TEXT).maxLength(300).build(),
                        Question.of("F23", "Kurzfassung", LONG_TEXT).required().maxLength(5000).field("summary")
                                .build(),
                        Question.of("F24", "Veranstaltungskonzept", LONG_TEXT).required().maxLength(20_000)
                                .field("description").build())),
                new Section("F3", "Ausgangssituation/Anlass", List.of(
                        Question.of("F30", "Ausgangssituation/Anlass", LONG_TEXT).required().maxLength(20_000)
                                .build())),
                new Section("F4", "Beratung und Moderation", List.of(
                        Question.of("F40", "Beratung und Moderation", LONG_TEXT).required().maxLength(20_000)
                                .build())),
                new Section("F5", "Themenfelder", List.of(
                        Question.of("F50", "Themenfelder", MULTI_CHOICE).required().options(topics()).build(),
                        Question.of("F51", "Weitere Themen", TEXT).maxLength(500).build())),
                new Section("F6", "Beteiligte Akteure", List.of(
                        Question.of("F60", "Beteiligte Akteure", LONG_TEXT).required().maxLength(20_000).build(),
                        Question.of("F61", "Anzahl der Teilnehmenden", NUMBER).required().build())),
                new Section("F7", "Bewertung des Ablaufs und der Ergebnisse", List.of(
                        Question.of("F70", "Bewertung des Ablaufs und der Ergebnisse", LONG_TEXT).required()
                                .maxLength(20_000).build())),
                new Section("F8", "Konkrete Ergebnisse, Maßnahmen und nächste Schritte", List.of(
                        Question.of("F80", "Konkrete Ergebnisse, Maßnahmen und nächste Schritte", LONG_TEXT).required()
                                .maxLength(20_000).build())),
                new Section("F9", "Kosten und Effizienz", List.of(
                        Question.of("F90", "Gesamtkosten", MONEY).required().build(),
                        Question.of("F91", "davon Fördermittel", MONEY).build(),
                        Question.of("F92", "Erläuterung der Kosten und Effizienz", LONG_TEXT).maxLength(5000)
                                .build())),
                new Section("F10", "Empfehlungen", List.of(
                        Question.of("F100", "Empfehlungen", LONG_TEXT).maxLength(20_000).build()))),
                null, List.of());
    }

    static List<Option> topics() {
        return Arrays.stream(FieldOfAction.values()).map(f -> new Option(f.name(), f.labelDe())).toList();
    }
}
