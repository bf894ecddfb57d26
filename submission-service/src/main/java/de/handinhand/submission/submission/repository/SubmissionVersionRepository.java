package de.handinhand.submission.submission.repository;

import de.handinhand.submission.submission.SubmissionVersion;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class SubmissionVersionRepository implements PanacheRepositoryBase<SubmissionVersion, SubmissionVersion.Key> {

    /**
     * Stores a frozen version from its JSON text as it is, without mapping it through Java objects;
     * {@code correctedAt}/{@code correctedBy} for a version an organizer made by correcting the entry.
     */
    public void insert(UUID submissionId, int version, String snapshotJson, Instant submittedAt, String submittedBy,
            Instant correctedAt, String correctedBy) {
        getEntityManager().createNativeQuery("""
                insert into submission_version (submission_id, version, snapshot, submitted_at, submitted_by,
                    corrected_at, corrected_by)
                values (?1, ?2, cast(?3 as jsonb), ?4, ?5, ?6, ?7)""")
                // Touches submission_version only: no flush of the whole session before it.
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("submission_version")
                .setParameter(1, submissionId)
                .setParameter(2, version)
                .setParameter(3, snapshotJson)
                .setParameter(4, submittedAt)
                .setParameter(5, submittedBy)
                .setParameter(6, correctedAt)
                .setParameter(7, correctedBy)
                .executeUpdate();
    }

    /** An entry's versions, oldest first. */
    public PanacheQuery<SubmissionVersion> ofSubmission(UUID submissionId) {
        return find("key.submissionId", Sort.ascending("key.version"), submissionId);
    }

    /** The ids of the attachments one submitted version lists (its snapshot's {@code attachments}). */
    public List<UUID> attachmentIds(UUID submissionId, int version) {
        List<?> rows = getEntityManager().createNativeQuery("""
                select a ->> 'id' from submission_version v, jsonb_array_elements(v.snapshot -> 'attachments') a
                where v.submission_id = ?1 and v.version = ?2""")
                .setParameter(1, submissionId)
                .setParameter(2, version)
                .getResultList();
        return rows.stream().map(id -> UUID.fromString(id.toString())).toList();
    }
}
