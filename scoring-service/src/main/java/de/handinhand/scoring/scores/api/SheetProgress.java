package de.handinhand.scoring.scores.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * For organizers: how the sheets of a case's assigned jurors stand, by {@link
 * de.handinhand.scoring.scores.SheetState}; {@code jurors} = none + draft + final + outdated.
 */
public record SheetProgress(int jurors, int none, int draft, @JsonProperty("final") int finalised, int outdated) {
}
