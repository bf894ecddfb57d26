package de.handinhand.submission.call.repository;

import de.handinhand.submission.call.Call;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CallRepository implements PanacheRepositoryBase<Call, UUID> {

    public List<Call> page(int page, int size) {
        return findAll(Sort.descending("opensAt").and("id")).page(page, size).list();
    }
}
