package de.handinhand.scoring.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A juror on a call's jury. */
@Entity
@Table(name = "call_juror")
public class CallJuror {

    @Id
    public UUID id;

    @Column(name = "call_id")
    public UUID callId;

    public String username;
}
