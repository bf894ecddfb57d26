package de.handinhand.submission.call.repository;

import de.handinhand.submission.call.Call;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<Call, UUID> {

    /**
     * The call, share-locked until the transaction ends: an entry created against it cannot race an
     * organizer's update that changes its kind or form only while it has no entries.
     */
    public java.util.Optional<Call> findForShare(UUID id) {
        return findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_READ);
    }

    public List<Call> page(int page, int size) {
        return findAll(Sort.descending("opensAt").and("id")).page(page, size).list();
    }
}
