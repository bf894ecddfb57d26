package de.handinhand.scoring.jury;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A declared conflict of interest: the juror never sees nor scores entries of this municipality, Kreis or Land. */
@Entity
@Table(name = "juror_conflict")
public class JurorConflict {

    public enum Kind { MUNICIPALITY, KREIS, BUNDESLAND }

    @Id
    public UUID id;

    public String username;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String code;
}
