package de.handinhand.scoring.precheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The formal pre-check (Vorprüfung): what the questionnaire says about the formal quality bars of
 * the competition (concept, political support, written concept and goals, needs analysis, written
 * agreements, evaluation). It is shown beside the jury's scores and never enters them.
 */
public final class PreCheck {

    public enum Status { MET, PARTIAL, NOT_MET, NOT_ANSWERED }

    public record Item(String code, String label, Object answer, Status status) {
    }

    public record Result(List<Item> items, int met, int partial, int notMet, int notAnswered, int total) {
    }

    /** Question code and what a "YES" to it shows. */
    static final List<String[]> CHECKS = List.of(
            new String[] {"C10", "Integrationskonzept der Kommune vorhanden"},
            new String[] {"C12", "Öffentliche Unterstützung durch (Ober-)Bürgermeister/in bzw. Landrat/-rätin"},
            new String[] {"C20", "Schriftliches Konzept zum Beitrag"},
            new String[] {"C21", "Ziele detailliert beschrieben und festgelegt"},
            new String[] {"C22", "Ausgangs- und Bedarfsanalyse vor der Zielfestlegung"},
            new String[] {"C32", "Schriftliche, verbindliche Kooperationsvereinbarungen"},
            new String[] {"C36", "Überprüfung bzw. Evaluation (geplant zählt halb)"});

    private PreCheck() {
    }

    public static Result of(Map<String, Object> answers) {
        List<Item> items = new ArrayList<>();
        int met = 0;
        int partial = 0;
        int notMet = 0;
        int none = 0;
        for (String[] check : CHECKS) {
            Object answer = answers == null ? null : answers.get(check[0]);
            Status status = switch (answer == null ? "" : answer.toString()) {
                case "YES" -> Status.MET;
                case "PLANNED" -> Status.PARTIAL;
                case "NO" -> Status.NOT_MET;
                default -> Status.NOT_ANSWERED;
            };
            switch (status) {
                case MET -> met++;
                case PARTIAL -> partial++;
                case NOT_MET -> notMet++;
                default -> none++;
            }
            items.add(new Item(check[0], check[1], answer, status));
        }
        return new Result(items, met, partial, notMet, none, CHECKS.size());
    }
}
