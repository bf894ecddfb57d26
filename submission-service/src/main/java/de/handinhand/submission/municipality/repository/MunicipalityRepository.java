package de.handinhand.submission.municipality.repository;

import de.handinhand.submission.municipality.Municipality;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MunicipalityRepository implements PanacheRepositoryBase<Municipality, String> {

    public List<Municipality> page(int page, int size) {
        return findAll(Sort.ascending("name").and("id")).page(page, size).list();
    }
}
