package de.handinhand.submission.submission.repository;

import de.handinhand.submission.submission.Submission;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubmissionRepository implements PanacheRepositoryBase<Submission, UUID> {

    /** Loads the entry with a row lock, so submit, withdraw and edit of one entry run one after another. */
    public Optional<Submission> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(UUID callId, String municipalityId) {
        return count("callId = ?1 and municipalityId = ?2", callId, municipalityId) > 0;
    }

    /** Entries filtered by municipality (null = all) and call (null = all), newest change first. */
    public PanacheQuery<Submission> search(String municipalityId, UUID callId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (municipalityId != null) {
            where.append(" and municipalityId = :municipality");
            params.and("municipality", municipalityId);
        }
        if (callId != null) {
            where.append(" and callId = :call");
            params.and("call", callId);
        }
        return find(where.toString(), Sort.descending("updatedAt").and("id"), params);
    }
}
