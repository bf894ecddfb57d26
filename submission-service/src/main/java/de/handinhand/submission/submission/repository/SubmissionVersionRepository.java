package de.handinhand.submission.submission.repository;

import de.handinhand.submission.submission.SubmissionVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SubmissionVersionRepository implements PanacheRepositoryBase<SubmissionVersion, SubmissionVersion.Key> {
}
