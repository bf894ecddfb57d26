package de.handinhand.scoring.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A juror assigned to a case: only then does the case exist for that juror. */
@Entity
@Table(name = "assignment")
public class Assignment {

    public enum Mode { MANUAL, AUTO }

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "call_id")
    public UUID callId;

    public String juror;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Mode mode;

    @Column(name = "created_at")
    public Instant createdAt;
}
