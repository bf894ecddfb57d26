package de.handinhand.catalogue.offer.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN until this instance's search index is built (a new instance builds it at start). */
@Readiness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {

    private final SearchReadModel search;

    public SearchIndexHealth(SearchReadModel search) {
        this.search = search;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index").status(search.ready()).build();
    }
}
