package de.handinhand.scoring.scores.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.handinhand.scoring.cases.CaseStatus;
import de.handinhand.scoring.criteria.api.CriterionView;
import de.handinhand.scoring.jury.JuryPhase;
import de.handinhand.scoring.precheck.PreCheck;
import java.util.List;
import java.util.UUID;

/**
 * The score sheet of an entry. A juror gets {@code mine} and, only after finalising it, the other
 * jurors' sheets and the entry's result; organizers get everything. The pre-check is beside the
 * scores, never part of them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreSheetView(UUID caseId, UUID submissionId, UUID callId, String category, String municipalityId,
        String municipalityName, String title, int entryVersion, CaseStatus status, JuryPhase phase,
        List<CriterionView> criteria, SheetView mine, boolean othersVisible, List<SheetView> sheets, Result result,
        PreCheck.Result precheck) {

    public record Result(Integer rank, Double mean, Double median, Double normalized, Double spread,
            boolean disagreement, int jurorCount) {
    }
}
