package de.handinhand.scoring.cases.service;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.NotFoundException;
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
 * What the jury reads. Organizers see every case; a juror sees only the cases assigned to them.
 * Assignment arrives with the jury workflow; until a juror is assigned a case, it does not exist
 * for them (404), so no entry leaks to an unassigned or conflicted juror.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final Caller caller;

    public CaseService(CaseRepository cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    public Page<CaseSummary> list(UUID callId, Page.Request paging) {
        if (!caller.has(Roles.ORGANIZER)) {
            return new Page<>(List.of(), 0, paging.page(), paging.size());
        }
        var query = cases.byCall(callId);
        List<CaseSummary> items = query.page(paging.page(), paging.size()).list().stream()
                .map(CaseMapper::toSummary).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    public CaseDetail get(UUID id) {
        JuryCase c = cases.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Case", id));
        if (!caller.has(Roles.ORGANIZER)) {
            throw NotFoundException.of("Case", id);
        }
        return CaseMapper.toDetail(c);
    }
}
