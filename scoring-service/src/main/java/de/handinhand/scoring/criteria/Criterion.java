package de.handinhand.scoring.criteria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A scoring criterion of a call, with its weight and points scale. */
@Entity
@Table(name = "criterion")
public class Criterion {

    @Id
    public UUID id;

    @Column(name = "call_id")
    public UUID callId;

    public String code;

    public String label;

    public double weight;

    @Column(name = "scale_min")
    public int scaleMin;

    @Column(name = "scale_max")
    public int scaleMax;

    public int position;
}
