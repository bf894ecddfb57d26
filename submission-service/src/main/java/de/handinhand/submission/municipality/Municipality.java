package de.handinhand.submission.municipality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A Kommune, keyed by its official AGS; submitters act for exactly one, named in their token. */
@Entity
public class Municipality {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public MunicipalityType type;

    /** ISO 3166-2:DE subdivision code without the country prefix, e.g. {@code BY}. */
    public String bundesland;

    /** The Kreis the municipality belongs to; a Landkreis is its own Kreis. */
    @Column(name = "kreis_id")
    public String kreisId;

    public Integer population;

    @Column(name = "created_at")
    public Instant createdAt;
}
