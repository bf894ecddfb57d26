package de.handinhand.submission.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

/**
 * One entry (Wettbewerbsbeitrag, Antrag) to one call: a municipality's own, or an organisation's
 * (an applicant: an initiative or association, {@code organisation}) working in the municipality
 * {@code municipalityId}. A draft until submitted; each submit raises {@code version} and freezes a
 * {@link SubmissionVersion}.
 */
// JSON attributes are immutable values: the code replaces them, never changes them in place, so
// Hibernate need not deep-copy them through JSON on every load to detect changes.
// Updates write only the changed columns: a submit changes status, version and times, and must not
// serialise and send the answers again (nor make PostgreSQL write a new copy of their large values).
@Entity
@DynamicUpdate
public class Submission {

    @Id
    public UUID id;

    @Column(name = "call_id")
    public UUID callId;

    /** The entering municipality; for an applicant's entry the Gemeinde the organisation works in. */
    @Column(name = "municipality_id")
    public String municipalityId;

    /** The applicant organisation that entered, from its token; null for a municipality's own entry. */
    public String organisation;

    public String category;

    @Enumerated(EnumType.STRING)
    public SubmissionStatus status;

    /** Number of submits so far; 0 for an entry never submitted. */
    public int version;

    public String title;

    public String summary;

    public String description;

    /** Questionnaire answers keyed by question code (C10, C23, …). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, Object> answers;

    /** Single projects, each the answers keyed by the first project's codes (D10…D15). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Map<String, Object>> projects;

    /** For funding calls: the amount the entry asks for, in euro cents. */
    @Column(name = "requested_cents")
    public Long requestedCents;

    /** An organizer's extension: until then the entry may be submitted although the deadline passed. */
    @Column(name = "extended_until")
    public Instant extendedUntil;

    /** Created by the legacy import from a text export. */
    public boolean imported;

    /** The text export an imported entry came from, kept verbatim. */
    @Column(name = "source_text")
    public String sourceText;

    /** Text of the export the import could not place, verbatim. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> unplaced;

    /**
     * Field paths whose value the legacy import derived rather than read ("title",
     * "projects[1].answers.D10", "answers.F90"); empty for entries written by people.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> derived = List.of();

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
