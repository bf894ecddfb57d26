package de.handinhand.submission.call;

import java.time.Instant;

/** Where a call stands at a given instant; computed from its instants, never stored. */
public enum CallPhase {
    UPCOMING,
    OPEN,
    JURY,
    CLOSED;

    public static CallPhase of(Call call, Instant now) {
        if (now.isBefore(call.opensAt)) {
            return UPCOMING;
        }
        if (now.isBefore(call.deadline)) {
            return OPEN;
        }
        if (now.isBefore(call.juryEndsAt)) {
            return JURY;
        }
        return CLOSED;
    }
}
