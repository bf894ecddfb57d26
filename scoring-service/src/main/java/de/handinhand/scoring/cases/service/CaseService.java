package de.handinhand.scoring.cases.service;

import de.handinhand.common.web.Page;
import de.handinhand.scoring.jury.Conflicts;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.cases.mapping.CaseMapper;
import de.handinhand.scoring.cases.repository.CaseRepository;
import de.handinhand.scoring.cases.rest.CaseDetail;
import de.handinhand.scoring.cases.rest.CaseSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * What the jury reads. Organizers see every case; a juror sees only the cases assigned to them and
 * not covered by their conflicts; to anyone else a case does not exist (404), so no entry leaks to
 * an unassigned or conflicted juror.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final Caller caller;
    private final JuryAccess access;

    public CaseService(CaseRepository cases, Caller caller, JuryAccess access) {
        this.cases = cases;
        this.access = access;
        this.caller = caller;
    }

    public Page<CaseSummary> list(UUID callId, Page.Request paging) {
        if (!caller.has(Roles.ORGANIZER)) {
            return ownCases(callId, paging);
        }
        var query = cases.byCall(callId);
        List<CaseSummary> items = query.page(paging.page(), paging.size()).list().stream()
                .map(CaseMapper::toSummary).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    public CaseDetail get(UUID id) {
        return CaseMapper.toDetail(access.readableCase(id));
    }

    /** A juror's assigned cases, minus any they are conflicted with (conflicts also remove assignments). */
    private Page<CaseSummary> ownCases(UUID callId, Page.Request paging) {
        Conflicts conflicts = access.ownConflicts();
        List<JuryCase> mine = cases.assignedTo(caller.username(), callId).stream()
                .filter(c -> !conflicts.covers(c)).toList();
        List<CaseSummary> items = mine.stream().skip(paging.offset()).limit(paging.size())
                .map(CaseMapper::toSummary).toList();
        return new Page<>(items, mine.size(), paging.page(), paging.size());
    }
}
