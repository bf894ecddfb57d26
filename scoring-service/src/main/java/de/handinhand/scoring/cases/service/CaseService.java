package de.handinhand.scoring.cases.service;

import de.handinhand.common.web.Page;
import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.cases.mapping.CaseMapper;
import de.handinhand.scoring.cases.repository.CaseRepository;
import de.handinhand.scoring.cases.api.CaseDetail;
import de.handinhand.scoring.cases.api.CaseSummary;
import de.handinhand.scoring.jury.service.JuryAccess;
import de.handinhand.scoring.scores.SheetState;
import de.handinhand.scoring.scores.api.SheetProgress;
import de.handinhand.scoring.scores.service.SheetStates;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the jury reads. Organizers see every case, each with how its jurors' sheets stand; a juror
 * sees only the cases assigned to them and not covered by their conflicts, each with their own
 * sheet's state; to anyone else a case does not exist (404), so no entry leaks to an unassigned or
 * conflicted juror. A juror's list holds exactly the cases {@link #get} opens for them.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepository cases;
    private final JuryAccess access;
    private final SheetStates sheets;

    public CaseService(CaseRepository cases, JuryAccess access, SheetStates sheets) {
        this.cases = cases;
        this.access = access;
        this.sheets = sheets;
    }

    public Page<CaseSummary> list(UUID callId, Page.Request paging) {
        if (!access.organizer()) {
            String juror = access.username();
            List<JuryCase> page = cases.readableBy(juror, callId, paging.offset(), paging.size());
            Map<UUID, SheetState> own = sheets.own(juror, page);
            List<CaseSummary> items = page.stream().map(c -> CaseMapper.toSummary(c, own.get(c.id), null)).toList();
            return new Page<>(items, cases.countReadableBy(juror, callId), paging.page(), paging.size());
        }
        var query = cases.byCall(callId);
        List<JuryCase> page = query.page(paging.page(), paging.size()).list();
        Map<UUID, SheetProgress> progress = sheets.progress(page);
        List<CaseSummary> items = page.stream().map(c -> CaseMapper.toSummary(c, null, progress.get(c.id))).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    public CaseDetail get(UUID id) {
        JuryCase c = access.readableCase(id);
        if (access.organizer()) {
            return CaseMapper.toDetail(c, null, sheets.progress(List.of(c)).get(c.id));
        }
        return CaseMapper.toDetail(c, sheets.own(access.username(), List.of(c)).get(c.id), null);
    }
}
