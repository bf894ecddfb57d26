package de.handinhand.submission.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A call (Ausschreibung): a competition or funding call with its phases, categories and form. */
@Entity
@Table(name = "competition_call")
public class Call {

    @Id
    public UUID id;

    public String title;

    @Enumerated(EnumType.STRING)
    public CallKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "form_template")
    public FormTemplate formTemplate;

    @Column(name = "opens_at")
    public Instant opensAt;

    public Instant deadline;

    @Column(name = "jury_ends_at")
    public Instant juryEndsAt;

    @Column(name = "results_at")
    public Instant resultsAt;

    /** A Java array, not a List: JSON columns map Lists, and the two mappings must not meet on one type. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] categories;

    public List<String> categoryList() {
        return categories == null ? List.of() : List.of(categories);
    }

    @Column(name = "budget_cents")
    public Long budgetCents;

    /**
     * The Kreis (5-digit AGS key) that runs the call: only its organizers manage it, and it takes
     * entries only from within the Kreis. Null for a call no Kreis runs.
     */
    @Column(name = "kreis_id")
    public String kreisId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;

    public CallPhase phase(Instant now) {
        return CallPhase.of(this, now);
    }
}
