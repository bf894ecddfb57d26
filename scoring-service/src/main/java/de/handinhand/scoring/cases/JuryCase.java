package de.handinhand.scoring.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

/**
 * The jury's case for one submitted entry; it follows the entry's latest submitted version. Its
 * {@code readers_revision} column is deliberately not mapped: only {@code AssignmentEvents} moves it,
 * with an SQL increment, so a stale copy here can never write an old value back.
 */
// JSON attributes are immutable values: the code replaces them, never changes them in place, so
// Hibernate need not deep-copy them through JSON on every load to detect changes.
@Entity
@Table(name = "jury_case")
public class JuryCase {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "municipality_id")
    public String municipalityId;

    @Column(name = "municipality_name")
    public String municipalityName;

    @Column(name = "kreis_id")
    public String kreisId;

    public String bundesland;

    public String category;

    public String title;

    public String summary;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, Object> answers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Map<String, Object>> projects;

    /** The entry version this case shows (the jurors score this one). */
    public int version;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** What a funding entry asks for, in euro cents. */
    @Column(name = "requested_cents")
    public Long requestedCents;

    @Column(name = "call_kind")
    public String callKind;

    /** The entry came from a legacy text export (organizer import), not from a portal. */
    public boolean imported;

    /** The import's lines the parser could not place, verbatim; empty for other entries. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> unplaced;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
