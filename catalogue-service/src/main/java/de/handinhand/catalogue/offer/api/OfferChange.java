package de.handinhand.catalogue.offer.api;

import java.time.Instant;
import java.util.List;

/** One entry of an offer's history: who did what to which fields, and when. */
public record OfferChange(Instant at, String by, String action, List<String> fields, String note) {
}
