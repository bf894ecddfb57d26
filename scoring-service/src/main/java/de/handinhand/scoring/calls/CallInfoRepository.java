package de.handinhand.scoring.calls;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CallInfoRepository implements PanacheRepositoryBase<CallInfo, UUID> {
}
