package de.handinhand.scoring.criteria.api;

public record CriterionView(String code, String label, double weight, int scaleMin, int scaleMax) {
}
