package de.handinhand.submission.submission.repository;

import de.handinhand.submission.submission.SubmissionVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class SubmissionVersionRepository implements PanacheRepositoryBase<SubmissionVersion, SubmissionVersion.Key> {

    /** Stores a frozen version from its JSON text as it is, without mapping it through Java objects. */
    public void insert(UUID submissionId, int version, String snapshotJson, Instant submittedAt, String submittedBy) {
        getEntityManager().createNativeQuery("""
                insert into submission_version (submission_id, version, snapshot, submitted_at, submitted_by)
                values (?1, ?2, cast(?3 as jsonb), ?4, ?5)""")
                .setParameter(1, submissionId)
                .setParameter(2, version)
                .setParameter(3, snapshotJson)
                .setParameter(4, submittedAt)
                .setParameter(5, submittedBy)
                .executeUpdate();
    }
}
