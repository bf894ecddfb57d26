package de.handinhand.scoring.scores;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * One juror's scores for one case. {@code scores} holds {criterion, points, notApplicable, comment}
 * maps, replaced as a whole on every save (hence immutable to Hibernate).
 */
@Entity
@Table(name = "score_sheet")
public class ScoreSheet {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "call_id")
    public UUID callId;

    public String juror;

    /** The entry version the juror scored; the case may since show a newer one. */
    @Column(name = "entry_version")
    public int entryVersion;

    @Column(name = "final")
    public boolean finalised;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Map<String, Object>> scores;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
