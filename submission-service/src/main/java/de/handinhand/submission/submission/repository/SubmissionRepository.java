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

    /** Whether the entrant (a municipality: {@code organisation} null; or an organisation in it) has an entry in the call. */
    public boolean exists(UUID callId, String municipalityId, String organisation) {
        return organisation == null
                ? count("callId = ?1 and municipalityId = ?2 and organisation is null", callId, municipalityId) > 0
                : count("callId = ?1 and municipalityId = ?2 and organisation = ?3", callId, municipalityId,
                        organisation) > 0;
    }

    /**
     * Which entries a list shows: one entrant's ({@code municipalityId} and {@code organisation},
     * null for a municipality's own entries), or all of them ({@code entrant} false); of one call
     * (null = all) and of the calls of one Kreis (null = all).
     */
    public record Filter(boolean entrant, String municipalityId, String organisation, UUID callId, String kreisId) {
    }

    /** The entries the filter admits, newest change first. */
    public PanacheQuery<Submission> search(Filter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.entrant()) {
            where.append(" and municipalityId = :municipality");
            params.and("municipality", filter.municipalityId());
            if (filter.organisation() == null) {
                where.append(" and organisation is null");
            } else {
                where.append(" and organisation = :organisation");
                params.and("organisation", filter.organisation());
            }
        }
        if (filter.callId() != null) {
            where.append(" and callId = :call");
            params.and("call", filter.callId());
        }
        if (filter.kreisId() != null) {
            where.append(" and callId in (select c.id from Call c where c.kreisId = :kreis)");
            params.and("kreis", filter.kreisId());
        }
        return find(where.toString(), Sort.descending("updatedAt").and("id"), params);
    }
}
