package de.handinhand.scoring.changes.service;

import de.handinhand.common.web.Page;
import de.handinhand.scoring.changes.ChangeKind;
import de.handinhand.scoring.changes.api.ChangeCursor;
import de.handinhand.scoring.changes.api.ChangesView;
import de.handinhand.scoring.jury.service.JuryAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the change feed for the caller. Organizers get every change; a juror only changes of
 * entries currently assigned to them (and not conflicted), of their own assignments, and of the
 * criteria and results of the calls they sit on; other jurors' names are left out.
 */
@ApplicationScoped
public class ChangeService {

    private final ChangeFeed feed;
    private final JuryAccess access;
    private final EntityManager em;

    public ChangeService(ChangeFeed feed, JuryAccess access, EntityManager em) {
        this.feed = feed;
        this.access = access;
        this.em = em;
    }

    /** @param size changes per answer, 1..{@value Page#MAX_SIZE} (the resource's constraints hold it there) */
    public ChangesView changes(ChangeCursor after, UUID callId, int size) {
        List<ChangeFeed.Row> rows = feed.after(after, callId, size + 1);
        boolean more = rows.size() > size;
        if (more) {
            rows = rows.subList(0, size);
        }
        ChangeCursor last = rows.isEmpty() ? after : rows.get(rows.size() - 1).position();
        List<ChangesView.Change> items = new ArrayList<>();
        if (access.organizer()) {
            rows.forEach(r -> items.add(new ChangesView.Change(r.kind(), r.callId(), r.caseId(), r.submissionId(),
                    r.juror(), r.at())));
        } else {
            String me = access.username();
            Set<UUID> calls = new HashSet<>(em.createQuery("select j.callId from CallJuror j where j.username = ?1",
                    UUID.class).setParameter(1, me).getResultList());
            Set<UUID> cases = new HashSet<>();
            for (UUID call : calls) {
                cases.addAll(access.ownCaseIds(call));
            }
            for (ChangeFeed.Row r : rows) {
                boolean own = me.equals(r.juror());
                boolean mine = r.caseId() != null ? cases.contains(r.caseId())
                        && (own || (r.kind() != ChangeKind.ASSIGNMENT_ADDED && r.kind() != ChangeKind.ASSIGNMENT_REMOVED
                                // Other jurors' saves would tell when and how often colleagues score.
                                && r.kind() != ChangeKind.SHEET_SAVED && r.kind() != ChangeKind.SHEET_FINALISED))
                        : r.callId() != null && calls.contains(r.callId());
                if (mine || (own && (r.kind() == ChangeKind.ASSIGNMENT_REMOVED))) {
                    items.add(new ChangesView.Change(r.kind(), r.callId(), r.caseId(), r.submissionId(),
                            own ? r.juror() : null, r.at()));
                }
            }
        }
        return new ChangesView(items, last.toString(), more);
    }
}
