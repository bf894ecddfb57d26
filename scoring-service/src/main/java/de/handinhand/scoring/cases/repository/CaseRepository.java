package de.handinhand.scoring.cases.repository;

import de.handinhand.scoring.cases.JuryCase;
import de.handinhand.scoring.jury.Conflicts;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.List;
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

    /** The cases of several calls (a Kreis organizer's), in list order; calls must not be empty. */
    public PanacheQuery<JuryCase> byCalls(java.util.Collection<UUID> callIds) {
        return find("callId in ?1", Sort.ascending("category").and("municipalityName").and("id"), callIds);
    }

    /**
     * A page of the cases a juror may open (assigned to them and not covered by their conflicts: the
     * rule of {@code JuryAccess.mayRead}), in list order; all calls when callId is null.
     */
    public List<JuryCase> readableBy(String juror, UUID callId, int offset, int limit) {
        return bind(getEntityManager().createQuery("select c" + readable(callId)
                + " order by c.category, c.municipalityName, c.id", JuryCase.class), juror, callId)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countReadableBy(String juror, UUID callId) {
        return bind(getEntityManager().createQuery("select count(c)" + readable(callId), Long.class), juror, callId)
                .getSingleResult();
    }

    // Every attribute is qualified: an unqualified "id" inside the subquery means the assignment's
    // own id, which never equals its case id, and the list came back empty.
    private static String readable(UUID callId) {
        return " from JuryCase c where exists (select 1 from Assignment a where a.caseId = c.id and a.juror = :juror)"
                + " and not " + Conflicts.coveredHql("c", ":juror") + (callId == null ? "" : " and c.callId = :callId");
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String juror, UUID callId) {
        query.setParameter("juror", juror);
        if (callId != null) {
            query.setParameter("callId", callId);
        }
        return query;
    }
}
