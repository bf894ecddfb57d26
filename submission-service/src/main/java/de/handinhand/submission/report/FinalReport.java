package de.handinhand.submission.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * The final report of a funded project (form PROJEKTBERICHT), one per entry: a draft its
 * organisation writes after the project's end, then submitted once and final.
 */
@Entity
@Table(name = "final_report")
public class FinalReport {

    /** The funded entry the report is about. */
    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Enumerated(EnumType.STRING)
    public ReportStatus status;

    /** Answers keyed by the report form's codes (R10…R41); replaced as a whole, never changed in place. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, Object> answers;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
