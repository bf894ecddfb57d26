package de.handinhand.catalogue.offer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Offers are valid by the calendar of the Kreis offices: an offer valid until a day is valid all
 * of that day in Germany and has expired from the next midnight in Berlin, whatever zone the
 * server runs in.
 */
public final class Validity {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Validity() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static boolean expired(LocalDate validUntil, LocalDate today) {
        return validUntil != null && validUntil.isBefore(today);
    }
}
