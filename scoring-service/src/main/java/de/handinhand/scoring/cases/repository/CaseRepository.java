package de.handinhand.scoring.cases.repository;

import de.handinhand.scoring.cases.JuryCase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<JuryCase, UUID> {

    public Optional<JuryCase> findBySubmission(UUID submissionId) {
        return find("submissionId", submissionId).firstResultOptional();
    }

    public PanacheQuery<JuryCase> byCall(UUID callId) {
        Sort sort = Sort.ascending("category").and("municipalityName").and("id");
        return callId == null ? findAll(sort) : find("callId", sort, callId);
    }

    /** The cases assigned to a juror, in list order; all calls when callId is null. */
    public java.util.List<JuryCase> assignedTo(String juror, UUID callId) {
        String where = "exists (select 1 from Assignment a where a.caseId = id and a.juror = ?1)"
                + (callId == null ? "" : " and callId = ?2");
        Sort sort = Sort.ascending("category").and("municipalityName").and("id");
        return callId == null ? list(where, sort, juror) : list(where, sort, juror, callId);
    }
}
