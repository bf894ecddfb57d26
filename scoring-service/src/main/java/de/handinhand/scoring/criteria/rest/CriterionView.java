package de.handinhand.scoring.criteria.rest;

public record CriterionView(String code, String label, double weight, int scaleMin, int scaleMax) {
}
