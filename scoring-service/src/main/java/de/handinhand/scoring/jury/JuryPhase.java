package de.handinhand.scoring.jury;

import de.handinhand.scoring.calls.CallInfo;
import java.time.Instant;

/**
 * Where a call stands for the jury, from the call's own dates (submission-service owns them; an
 * organizer moves the phases by changing the call): entries come in until the deadline, the jury
 * scores from the deadline until the jury phase ends, then results can be published.
 */
public enum JuryPhase {
    /** No call event seen yet: its dates are unknown. */
    UNKNOWN,
    SUBMISSION,
    JURY,
    CLOSED;

    public static JuryPhase of(CallInfo call, Instant now) {
        if (call == null || call.deadline == null || call.juryEndsAt == null) {
            return UNKNOWN;
        }
        if (now.isBefore(call.deadline)) {
            return SUBMISSION;
        }
        return now.isBefore(call.juryEndsAt) ? JURY : CLOSED;
    }
}
