package de.handinhand.scoring.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a decision line, never altered: who, when, the grant before (null: started) and after, why. */
@Entity
@Table(name = "decision_change")
public class DecisionChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "old_cents")
    public Long oldCents;

    @Column(name = "new_cents")
    public long newCents;

    public String reason;
}
