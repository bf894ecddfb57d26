package de.handinhand.scoring.jury;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** The jury's own settings and state of a call; the call's dates live in {@code CallInfo}. */
@Entity
@Table(name = "jury_call")
public class JuryCall {

    @Id
    @Column(name = "call_id")
    public UUID callId;

    /** The seed of the last automatic assignment, generated when the organizer gave none. */
    @Column(name = "assignment_seed")
    public Long assignmentSeed;

    /** Overrides the configured disagreement spread for this call; null uses the default. */
    @Column(name = "disagreement_threshold")
    public Double disagreementThreshold;

    @Column(name = "results_published_at")
    public Instant resultsPublishedAt;

    @Column(name = "results_event_id")
    public UUID resultsEventId;

    /** The data of the results event as published (replaced as a whole, never changed in place). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public JsonNode results;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
