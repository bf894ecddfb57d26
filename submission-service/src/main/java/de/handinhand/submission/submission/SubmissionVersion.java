package de.handinhand.submission.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An entry frozen as it was submitted: the same snapshot the submitted event carried. A version an
 * organizer made by correcting an imported entry keeps the entry's submission time and submitter
 * and records the correction beside them.
 */
@Entity
@Table(name = "submission_version")
public class SubmissionVersion {

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> snapshot;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** Set when an organizer made this version by correcting an imported entry: when, and who. */
    @Column(name = "corrected_at")
    public Instant correctedAt;

    @Column(name = "corrected_by")
    public String correctedBy;

    @Embeddable
    public record Key(@Column(name = "submission_id") UUID submissionId, int version) implements Serializable {
    }
}
