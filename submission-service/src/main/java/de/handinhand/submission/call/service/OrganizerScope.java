package de.handinhand.submission.call.service;

import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.call.Call;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Which calls an organizer runs: one whose token carries {@code kreis_id} (a Landratsamt) runs the
 * calls of that Kreis only; one without runs every call. Every organizer action on a call, on its
 * entries and on its reports asks here, in the service layer, so a new endpoint cannot skip it.
 */
@ApplicationScoped
public class OrganizerScope {

    private final Caller caller;

    public OrganizerScope(Caller caller) {
        this.caller = caller;
    }

    /** The Kreis the calling organizer is limited to; empty for an organizer of every call (and for other roles). */
    public Optional<String> kreis() {
        return caller.has(Roles.ORGANIZER) ? caller.kreisId() : Optional.empty();
    }

    /** Whether the calling organizer runs the call. */
    public boolean runs(Call call) {
        return kreis().map(k -> k.equals(call.kreisId)).orElse(true);
    }

    /** The calling organizer runs the call; 403 naming both Kreise otherwise. */
    public void requireRuns(Call call) {
        if (!runs(call)) {
            throw new ForbiddenException("You run the calls of Kreis " + kreis().orElseThrow() + " only; call "
                    + call.id + (call.kreisId == null ? " is run by no Kreis" : " is run by Kreis " + call.kreisId));
        }
    }

    /** The calling organizer may give a call this Kreis ({@code null}: none); 403 naming the own Kreis otherwise. */
    public void requireMayAssign(String kreisId) {
        kreis().filter(own -> !own.equals(kreisId)).ifPresent(own -> {
            throw new ForbiddenException("You run the calls of Kreis " + own + " only: set kreisId to " + own
                    + (kreisId == null ? "" : ", not " + kreisId));
        });
    }
}
