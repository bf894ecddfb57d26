package de.handinhand.submission.form.templates;

import static de.handinhand.submission.form.QuestionType.DATE;
import static de.handinhand.submission.form.QuestionType.LONG_TEXT;
import static de.handinhand.submission.form.QuestionType.MONEY;
import static de.handinhand.submission.form.QuestionType.MULTI_CHOICE;
import static de.handinhand.submission.form.QuestionType.NUMBER;
import static de.handinhand.submission.form.QuestionType.TEXT;
import static de.handinhand.submission.form.QuestionType.YES_NO;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.Option;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.Section;
import de.handinhand.submission.submission.api.SubmissionRequest;
import java.util.Arrays;
import java.util.List;

/**
 * The report form of the Kommunaler Flüchtlingsdialog (SPEC §1): the municipality with its
 * Einwohnerzahl, Landkreis and Regierungsbezirk and a contact; the event's concept, date and
 * times; the situation; counselling and moderation; topics (the shared fields of action, the rest
 * as text); actors with the numbers of participants; the two satisfaction questions; results and
 * next steps; costs in euro cents, typed by kind, and whether effort and result are in proportion;
 * recommendations. Codes F1x…F10x follow the sections; codes only ever get added, so stored
 * reports keep their meaning. No single projects.
 */
public final class FluechtlingsdialogForm {

    /** A time of day as HH:MM (24 hours); the API has no time type, so times are text of this shape. */
    public static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private FluechtlingsdialogForm() {
    }

    public static Form build() {
        return new Form(FormTemplate.FLUECHTLINGSDIALOG, "Kommunaler Flüchtlingsdialog – Bericht", List.of(
                new Section("F1", "Angaben zur Kommune", List.of(
                        Question.of("F10", "Name der Kommune", TEXT).readOnly().build(),
                        Question.of("F11", "Einwohnerzahl", NUMBER).required().build(),
                        Question.of("F18", "Stand der Einwohnerzahl", DATE).build(),
                        Question.of("F12", "Landkreis", TEXT).maxLength(200).build(),
                        Question.of("F13", "Regierungsbezirk", TEXT).maxLength(200).build(),
                        Question.of("F19", "Internetseite der Kommune", TEXT).maxLength(300).build(),
                        Question.of("F14", "Ansprechpartner/in", TEXT).required().maxLength(200).build(),
                        Question.of("F15", "Anschrift", TEXT).maxLength(300).build(),
                        Question.of("F16", "Telefon", TEXT).maxLength(50).pattern("[0-9+ ()/-]{3,50}").build(),
                        Question.of("F17", "E-Mail", TEXT).maxLength(200).pattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                                .build())),
                new Section("F2", "Veranstaltungskonzept", List.of(
                        Question.of("F20", "Titel der Veranstaltung", TEXT).required()
                                .maxLength(SubmissionRequest.TITLE_MAX).field("title").build(),
                        Question.of("F21", "Datum der Veranstaltung", DATE).required().build(),
                        Question.of("F25", "Beginn (Uhrzeit, HH:MM)", TEXT).maxLength(5).pattern(TIME_OF_DAY).build(),
                        Question.of("F26", "Ende (Uhrzeit, HH:MM)", TEXT).maxLength(5).pattern(TIME_OF_DAY).build(),
                        Question.of("F22", "Ort der Veranstaltung", TEXT).maxLength(300).build(),
                        Question.of("F23", "Kurzfassung", LONG_TEXT).required()
                                .maxLength(SubmissionRequest.SUMMARY_MAX).field("summary").build(),
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
                        Question.of("F51", "Weitere Themen", LONG_TEXT).maxLength(2000).build())),
                new Section("F6", "Beteiligte Akteure", List.of(
                        Question.of("F60", "Beteiligte Akteure", LONG_TEXT).required().maxLength(20_000).build(),
                        Question.of("F61", "Anzahl der Teilnehmenden", NUMBER).required().build(),
                        Question.of("F62", "davon Geflüchtete", NUMBER).build())),
                new Section("F7", "Bewertung des Ablaufs und der Ergebnisse", List.of(
                        Question.of("F71", "Wie zufrieden sind Sie mit dem Ablauf der Veranstaltung?", LONG_TEXT)
                                .maxLength(5000).build(),
                        Question.of("F72", "Wie zufrieden sind Sie mit den Ergebnissen der Veranstaltung?", LONG_TEXT)
                                .maxLength(5000).build(),
                        Question.of("F70", "Bewertung des Ablaufs und der Ergebnisse", LONG_TEXT).maxLength(20_000)
                                .build())),
                new Section("F8", "Konkrete Ergebnisse, Maßnahmen und nächste Schritte", List.of(
                        Question.of("F80", "Konkrete Ergebnisse, Maßnahmen und nächste Schritte", LONG_TEXT).required()
                                .maxLength(20_000).build())),
                new Section("F9", "Kosten und Effizienz", List.of(
                        Question.of("F93", "Kosten für Beratung und Moderation", MONEY).build(),
                        Question.of("F94", "Sachmittel (Ausrichtung, Verpflegung, Material)", MONEY).build(),
                        Question.of("F95", "Sonstige Kosten", MONEY).build(),
                        Question.of("F96", "Sonstige Kosten: wofür?", TEXT).maxLength(500).build(),
                        Question.of("F90", "Gesamtkosten", MONEY).required().build(),
                        Question.of("F91", "davon Fördermittel", MONEY).build(),
                        Question.of("F92", "Erläuterung der Kosten und Effizienz", LONG_TEXT).maxLength(5000)
                                .build(),
                        Question.of("F97", "Stehen Aufwand und Ergebnis in einem guten Verhältnis?", YES_NO).build(),
                        Question.of("F98", "Begründung zum Verhältnis von Aufwand und Ergebnis", LONG_TEXT)
                                .maxLength(5000).build())),
                new Section("F10", "Empfehlungen", List.of(
                        Question.of("F100", "Empfehlungen und sonstige Rückmeldungen", LONG_TEXT).maxLength(20_000)
                                .build()))),
                null, List.of(new Form.AtLeastOne("F7", List.of("F70", "F71", "F72"),
                        "assess the event: the satisfaction questions F71 and F72, or F70")));
    }

    static List<Option> topics() {
        return Arrays.stream(FieldOfAction.values()).map(f -> new Option(f.name(), f.labelDe())).toList();
    }
}
