package de.handinhand.scoring.calls;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the jury knows of a call, from {@code handinhand.call.published}. */
@Entity
@Table(name = "call_info")
public class CallInfo {

    @Id
    public UUID id;

    public String title;

    public String kind;

    public Instant deadline;

    @Column(name = "jury_ends_at")
    public Instant juryEndsAt;

    @Column(name = "results_at")
    public Instant resultsAt;

    /** A Java array, not a List: JSON columns map Lists, and the two mappings must not meet on one type. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] categories;

    @Column(name = "budget_cents")
    public Long budgetCents;

    /** The Kreis that runs the call (its organizers with that {@code kreis_id}); null for other calls. */
    @Column(name = "kreis_id")
    public String kreisId;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
