package de.handinhand.scoring.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry's line of the committee's decision on a FUNDING call: the grant it decided beside the
 * one the allocation computed when the decision started, and why it differs.
 */
@Entity
@Table(name = "decision_line")
@IdClass(DecisionLine.Key.class)
public class DecisionLine {

    @Id
    @Column(name = "call_id")
    public UUID callId;

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "computed_cents")
    public long computedCents;

    @Column(name = "computed_decision")
    public String computedDecision;

    @Column(name = "computed_reason")
    public String computedReason;

    @Column(name = "grant_cents")
    public long grantCents;

    public String reason;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The composite key (call, entry). */
    public static class Key implements Serializable {

        public UUID callId;
        public UUID submissionId;

        public Key() {
        }

        public Key(UUID callId, UUID submissionId) {
            this.callId = callId;
            this.submissionId = submissionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(callId, k.callId) && Objects.equals(submissionId, k.submissionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callId, submissionId);
        }
    }
}
