package de.handinhand.submission.form.templates;

import static de.handinhand.submission.form.QuestionType.LONG_TEXT;
import static de.handinhand.submission.form.QuestionType.MULTI_CHOICE;
import static de.handinhand.submission.form.QuestionType.SINGLE_CHOICE;
import static de.handinhand.submission.form.QuestionType.TEXT;
import static de.handinhand.submission.form.QuestionType.YES_NO;
import static de.handinhand.submission.form.QuestionType.YES_NO_PLANNED;

import de.handinhand.common.messaging.codes.FieldOfAction;
import de.handinhand.common.messaging.codes.TargetGroup;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.form.Condition;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.form.Option;
import de.handinhand.submission.form.ProjectGroup;
import de.handinhand.submission.form.Question;
import de.handinhand.submission.form.Section;
import de.handinhand.submission.municipality.Bundesland;
import de.handinhand.submission.submission.api.SubmissionRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The entry form of the federal competition "Zusammenleben Hand in Hand – Kommunen gestalten",
 * question by question as the 2017 entry forms show it (codes and labels as printed there):
 * A municipality and contact, B the entry's title, summary and description, C1–C3 the
 * questionnaire C10–C38, D up to five single projects.
 */
public final class ZusammenlebenForm {

    static final String WEITERE_WELCHE = "Wenn \"Weitere\"... Welche?";
    static final Question.Group C26 = new Question.Group("C26", "Welche Handlungsfelder zur Integration von "
            + "Zuwanderern und zur Förderung des Zusammenlebens mit der Bevölkerung vor Ort stehen in Ihrem "
            + "Wettbewerbsbeitrag im Mittelpunkt? Bitte geben Sie an, ob sich das Handlungsfeld auf die Gesamtstadt "
            + "oder das Quartier bezieht bzw., ob es sich um ein Projekt handelt.");

    private ZusammenlebenForm() {
    }

    public static Form build() {
        return new Form(FormTemplate.ZUSAMMENLEBEN_HAND_IN_HAND,
                "Wettbewerb \"Zusammenleben Hand in Hand – Kommunen gestalten\"",
                List.of(sectionA(), sectionB(), sectionC1(), sectionC2(), sectionC3()),
                new ProjectGroup(5, projectQuestions()),
                List.of(new Form.AtLeastOne("C26", fieldQuestions(),
                        "name at least one field of action (C26a–C26k)")));
    }

    static List<Option> bundeslaender() {
        return Arrays.stream(Bundesland.values()).map(b -> new Option(b.name(), b.label())).toList();
    }

    private static Section sectionA() {
        return new Section("A", "Angaben zur Kommune und zum Ansprechpartner", List.of(
                Question.of("A1", "Name der Stadt/der Gemeinde/des Landkreises", TEXT).readOnly().build(),
                Question.of("A2", "Typ", SINGLE_CHOICE).readOnly().options(
                        new Option("STADT", "Stadt"), new Option("GEMEINDE", "Gemeinde"),
                        new Option("LANDKREIS", "Landkreis")).build(),
                Question.of("A3", "Bundesland", SINGLE_CHOICE).readOnly().options(bundeslaender()).build(),
                Question.of("A4", "Einreichende Dienststelle", TEXT).required().maxLength(300).build(),
                Question.of("A5", "Ansprechpartner/in", TEXT).required().maxLength(200).build(),
                Question.of("A6", "Straße/Postfach", TEXT).required().maxLength(200).build(),
                Question.of("A7", "PLZ", TEXT).required().maxLength(5).pattern("[0-9]{5}").build(),
                Question.of("A8", "Ort", TEXT).required().maxLength(200).build(),
                Question.of("A9", "Telefon", TEXT).required().maxLength(50).pattern("[0-9+ ()/-]{3,50}").build(),
                Question.of("A10", "Fax", TEXT).maxLength(50).pattern("[0-9+ ()/-]{3,50}").build()));
    }

    private static Section sectionB() {
        return new Section("B", "Beschreibung des Wettbewerbsbeitrags", List.of(
                Question.of("B1", "Titel des Wettbewerbsbeitrags", TEXT).required()
                        .maxLength(SubmissionRequest.TITLE_MAX).field("title").build(),
                Question.of("B2", "Kurzfassung des Wettbewerbsbeitrags", LONG_TEXT).required()
                        .maxLength(SubmissionRequest.SUMMARY_MAX).field("summary").build(),
                Question.of("B3", "Beschreibung des Wettbewerbsbeitrags", LONG_TEXT).required()
                        .maxLength(SubmissionRequest.DESCRIPTION_MAX).field("description").build()));
    }

    private static Section sectionC1() {
        return new Section("C1", "Fragen zur gesamtkommunalen Einbindung des Wettbewerbsbeitrags", List.of(
                Question.of("C10", "Gibt es in Ihrer Kommune ein Integrationskonzept?", YES_NO).required().build(),
                Question.of("C11", "Ist Ihr Wettbewerbsbeitrag in dieses Integrationskonzept eingebunden?", YES_NO)
                        .requiredWhen(Condition.when("C10", "YES")).build(),
                Question.of("C12", "Unterstützt der/die (Ober-)Bürgermeister/in bzw. Landrat/-rätin Ihren "
                        + "Wettbewerbsbeitrag öffentlich?", YES_NO).required().build()));
    }

    private static Section sectionC2() {
        List<Question> questions = new ArrayList<>(List.of(
                Question.of("C20", "Gibt es zu Ihrem Wettbewerbsbeitrag ein schriftliches Konzept?", YES_NO)
                        .required().build(),
                Question.of("C21", "Sind die Ziele des Wettbewerbsbeitrags im Hinblick auf Integration und "
                        + "Zusammenleben detailliert beschrieben & festgelegt?", YES_NO).required().build(),
                Question.of("C22", "Wurde vor der Festlegung der Ziele eine Ausgangs- und Bedarfsanalyse erstellt?",
                        YES_NO).required().build(),
                Question.of("C23", "An welche Gruppen richtet sich Ihr Wettbewerbsbeitrag?", MULTI_CHOICE).required()
                        .options(targetGroupOptions()).build(),
                Question.of("C24", "Bezieht sich Ihr Wettbewerbsbeitrag auf:", MULTI_CHOICE).required().options(
                        new Option("GESAMTSTADT", "die Gesamtstadt?"),
                        new Option("TEILRAUM", "einen Teilraum/Quartier?"),
                        new Option("PROJEKT", "ein Projekt?")).build(),
                Question.of("C25", "An welche Orte und Einrichtungen knüpft Ihr Wettbewerbsbeitrag an?", MULTI_CHOICE)
                        .required().options(
                                new Option("QUARTIER", "Quartier als Ganzes"),
                                new Option("NACHBARSCHAFTSHAEUSER", "Nachbarschaftshäuser/Stadtteilzentren"),
                                new Option("JUGENDEINRICHTUNGEN", "Jugendeinrichtungen"),
                                new Option("SPORTVEREINE", "Sportvereine"),
                                new Option("FLUECHTLINGSUNTERKUENFTE", "Flüchtlingsunterkünfte"),
                                new Option("KITAS", "Einrichtungen der Kindertagesbetreuung"),
                                new Option("SCHULEN", "Schulen"),
                                new Option("AUSBILDUNGSSTAETTEN", "Ausbildungsstätten"),
                                new Option("BILDUNGSEINRICHTUNGEN", "Bildungseinrichtungen (VHS u.a.)"),
                                new Option("TREFFPUNKTE", "Soziale Treffpunkte für Zuwanderer"),
                                new Option("MIGRANTENSELBSTORGANISATIONEN", "Migrantenselbstorganisationen"),
                                new Option("WEITERE", "Weitere")).build(),
                Question.of("C25a", WEITERE_WELCHE, TEXT).maxLength(500)
                        .requiredWhen(Condition.when("C25", "WEITERE")).build()));
        for (FieldOfAction field : FieldOfAction.values()) {
            if (field.question() != null) {
                questions.add(Question.of(field.question(), fieldLabel(field), MULTI_CHOICE).group(C26)
                        .options(scopeOptions()).build());
            }
        }
        questions.add(Question.of("C26k", "Weitere Handlungsfelder", LONG_TEXT).maxLength(2000).group(C26).build());
        questions.add(Question.of("C27a", "Ist Ihr Wettbewerbsbeitrag auf Beteiligung, Engagement und Selbsthilfe "
                + "der Zielgruppe \"Zuwander\" ausgerichtet?", YES_NO).required().build());
        questions.add(Question.of("C27b", "Ist Ihr Wettbewerbsbeitrag auf Beteiligung, Engagement und Selbsthilfe "
                + "der Zielgruppe \"Bevölkerung vor Ort\" ausgerichtet?", YES_NO).required().build());
        return new Section("C2", "Fragen zur Konzeption und Ausrichtung des Wettbewerbsbeitrags", questions);
    }

    private static Section sectionC3() {
        return new Section("C3", "Fragen zur Umsetzung des Wettbewerbsbeitrags", List.of(
                Question.of("C30", "Welche Akteure aus Kommunalpolitik und Kommunalverwaltung beteiligen sich "
                        + "wesentlich an der Umsetzung Ihres Wettbewerbsbeitrags?", MULTI_CHOICE).required().options(
                                new Option("RAT", "Stadt-, Gemeinde-, bzw. Kreisrat"),
                                new Option("SOZIALES", "Amt/Bereich Soziales"),
                                new Option("JUGEND", "Amt/Bereich Jugend"),
                                new Option("WOHNEN", "Amt/Bereich Wohnen"),
                                new Option("GRUEN", "Amt/Bereich Grün(-planung)"),
                                new Option("BUERGERMEISTER", "Bürgermeister/in bzw. Landrat/-rätin"),
                                new Option("STADTPLANUNG", "Amt/Bereich Stadtplanung/ Stadtentwicklung"),
                                new Option("INTEGRATIONSBEAUFTRAGTE", "Integrationsbeauftragte/r"),
                                new Option("SPORT", "Amt/Bereich Sport"),
                                new Option("GESUNDHEIT", "Amt/Bereich Gesundheit"),
                                new Option("WEITERE", "Weitere")).build(),
                Question.of("C30a", WEITERE_WELCHE, TEXT).maxLength(500)
                        .requiredWhen(Condition.when("C30", "WEITERE")).build(),
                Question.of("C31", "Welche verwaltungsexternen lokal relevanten Akteure beteiligen sich wesentlich an "
                        + "der Umsetzung Ihres Wettbewerbsbeitrags?", MULTI_CHOICE).required().options(
                                new Option("QUARTIERSMANAGEMENT", "Quartiersmanagement"),
                                new Option("STADTTEILZENTREN", "Stadtteilzentren/ Nachbarschaftshäuser"),
                                new Option("WOHLFAHRTSVERBAENDE", "Wohlfahrtsverbände"),
                                new Option("KIRCHEN", "Kirchen"),
                                new Option("MIGRANTENSELBSTORGANISATIONEN", "Migrantenselbstorganisationen"),
                                new Option("SPONSOREN", "Sponsoren"),
                                new Option("LOKALE_MEDIEN", "Lokale Medien"),
                                new Option("STIFTUNGEN", "Stiftungen"),
                                new Option("SPORTVEREINE", "Sportvereine"),
                                new Option("BILDUNGSEINRICHTUNGEN", "Bildungseinrichtungen (Schule, VHS u.a.)"),
                                new Option("NACHBARSCHAFTSVEREINE", "Nachbarschaftsvereine"),
                                new Option("KLEINGARTENVEREINE", "Kleingartenvereine"),
                                new Option("UNTERNEHMEN", "Unternehmen, Betriebe"),
                                new Option("WEITERE", "Weitere")).build(),
                Question.of("C31a", WEITERE_WELCHE, TEXT).maxLength(500)
                        .requiredWhen(Condition.when("C31", "WEITERE")).build(),
                Question.of("C32", "Gibt es schriftliche und verbindliche Vereinbarungen zur Vernetzung und "
                        + "Kooperation der Akteure?", YES_NO).required().build(),
                Question.of("C33", "Welche Laufzeit hat Ihr Wettbewerbsbeitrag?", SINGLE_CHOICE).required()
                        .options(durationOptions(false)).build(),
                Question.of("C34", "Wie finanzieren Sie Ihren Wettbewerbsbeitrag?", MULTI_CHOICE).required()
                        .options(fundingOptions()).build(),
                Question.of("C35", "Wie lange ist die Finanzierung des Wettbewerbsbeitrags gesichert?", SINGLE_CHOICE)
                        .required().options(securedOptions(false)).build(),
                Question.of("C36", "Wird der Wettbewerbsbeitrag in seiner Qualität und Zielerreichung überprüft und "
                        + "bewertet bzw. evaluiert?", YES_NO_PLANNED).required().build(),
                Question.of("C36a", "wenn ja oder geplant:", MULTI_CHOICE).options(
                                new Option("SELBSTEVALUATION", "Selbstevaluation"),
                                new Option("FREMDEVALUATION", "Fremdevaluation"))
                        .requiredWhen(Condition.when("C36", "YES", "PLANNED")).build(),
                Question.of("C37", "Werden im Rahmen der Umsetzung von anderen entwickelte Projekte und Maßnahmen "
                        + "übernommen und eingesetzt?", YES_NO).required().build(),
                Question.of("C37a", "Wenn ja ... Welche?", LONG_TEXT).maxLength(2000)
                        .requiredWhen(Condition.when("C37", "YES")).build(),
                Question.of("C38", "Sind umgekehrt im Rahmen Ihres Wettbewerbsbeitrags entwickelte Projekte und "
                        + "Maßnahmen bereits andernorts übernommen worden?", YES_NO).required().build(),
                Question.of("C38a", "Wenn ja ... Welche?", LONG_TEXT).maxLength(2000)
                        .requiredWhen(Condition.when("C38", "YES")).build()));
    }

    private static List<Question> projectQuestions() {
        return List.of(
                Question.of("D10", "Titel des Einzelprojekts", TEXT).required().maxLength(300).build(),
                Question.of("D11", "Welche Laufzeit hat das Projekt?", SINGLE_CHOICE).required()
                        .options(durationOptions(true)).build(),
                Question.of("D12", "Wie lange ist die Finanzierung des Projekts gesichert?", SINGLE_CHOICE).required()
                        .options(securedOptions(true)).build(),
                Question.of("D13", "Wie wird das Projekt finanziert?", MULTI_CHOICE).required()
                        .options(fundingOptions()).build(),
                Question.of("D14", "Wird das Projekt in seiner Qualität und Zielerreichung überprüft und bewertet "
                        + "bzw. evaluiert?", SINGLE_CHOICE).required().options(
                                new Option("YES", "ja"), new Option("PLANNED", "geplant"), new Option("NO", "nein"),
                                new Option("TRIFFT_NICHT_ZU", "trifft nicht zu")).build(),
                Question.of("D14a", "wenn ja oder geplant:", MULTI_CHOICE).options(
                                new Option("SELBSTEVALUATION", "Selbstevaluation"),
                                new Option("FREMDEVALUATION", "Fremdevaluation"),
                                new Option("TRIFFT_NICHT_ZU", "trifft nicht zu"))
                        .requiredWhen(Condition.when("D14", "YES", "PLANNED")).build(),
                Question.of("D15", "Kurzbeschreibung des Projekts", LONG_TEXT).required().maxLength(5000).build());
    }

    /** C23: the API's target groups, with the form's qualifier after "aktuelle Zuwanderer". */
    static List<Option> targetGroupOptions() {
        List<Option> options = new ArrayList<>();
        for (TargetGroup group : TargetGroup.values()) {
            options.add(new Option(group.name(), group.labelDe()));
            if (group == TargetGroup.NEUZUGEWANDERTE) {
                // A qualifier of the line above in the paper form, not a target group of its own.
                options.add(new Option("NACH_HERKUNFT_DIFFERENZIERT", "jeweils differenziert nach Herkunftsgebieten"));
            }
        }
        return options;
    }

    static List<String> fieldQuestions() {
        List<String> codes = new ArrayList<>();
        for (FieldOfAction field : FieldOfAction.values()) {
            if (field.question() != null) {
                codes.add(field.question());
            }
        }
        codes.add("C26k");
        return codes;
    }

    private static String fieldLabel(FieldOfAction field) {
        return switch (field) {
            case WOHNEN -> "Handlungsfeld Wohnen und Wohnumfeld";
            case SOZIALE_INFRASTRUKTUR -> "Handlungsfeld Soziale Infrastrukturen, z.B. Kindergarten, Schulen, "
                    + "Jugendeinrichtungen";
            case BILDUNG -> "Handlungsfeld Bildung/Qualifizierung/Ausbildung";
            case BESCHAEFTIGUNG -> "Handlungsfeld Beschäftigung/lokale Wirtschaftsförderung";
            case KULTUR -> "Handlungsfeld Kultur";
            case SPORT -> "Handlungsfeld Sport";
            case GESUNDHEIT -> "Handlungsfeld Gesundheit";
            case UMWELT -> "Handlungsfeld Umwelt/Grün";
            case BETEILIGUNG -> "Handlungsfeld Beteiligung";
            case ENGAGEMENT -> "Handlungsfeld Engagementförderung";
            default -> throw new IllegalArgumentException(field + " has no C26 question");
        };
    }

    static List<Option> scopeOptions() {
        return List.of(
                new Option("GESAMTSTADT", "Thema wird in einem gesamtstädtischen Konzept bearbeitet"),
                new Option("QUARTIER", "Thema wird in einem teilräumlichen Konzept/auf der Quartiersebene bearbeitet"),
                new Option("PROJEKT", "Thema wird im Rahmen eines/mehrerer Projekte bearbeitet"));
    }

    private static List<Option> durationOptions(boolean notApplicable) {
        List<Option> options = new ArrayList<>(List.of(
                new Option("BIS_ZWEI_JAHRE", "bis zu zwei Jahre"),
                new Option("BEFRISTET", "mehr als zwei Jahre (aber befristet)"),
                new Option("DAUERANGEBOT", "Dauerangebot")));
        if (notApplicable) {
            options.add(new Option("TRIFFT_NICHT_ZU", "trifft nicht zu"));
        }
        return options;
    }

    private static List<Option> securedOptions(boolean notApplicable) {
        List<Option> options = new ArrayList<>(List.of(
                new Option("OFFEN", "offen"),
                new Option("BIS_ZWEI_JAHRE", "bis zu zwei Jahre"),
                new Option("DAUERHAFT", "dauerhaft")));
        if (notApplicable) {
            options.add(new Option("TRIFFT_NICHT_ZU", "trifft nicht zu"));
        }
        return options;
    }

    private static List<Option> fundingOptions() {
        return List.of(
                new Option("KOMMUNAL", "kommunale Mittel"),
                new Option("LAND", "Landesmittel"),
                new Option("BUND", "Bundesmittel"),
                new Option("EU", "europäische Mittel"),
                new Option("STIFTUNG", "Stiftungsmittel"),
                new Option("SPONSOREN", "Sponsorengelder"),
                new Option("SPENDEN", "Spenden"),
                new Option("WEITERE", "Weitere"));
    }
}
