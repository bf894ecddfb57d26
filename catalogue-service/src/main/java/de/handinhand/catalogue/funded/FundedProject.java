package de.handinhand.catalogue.funded;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An entry of a funding call as the catalogue needs it to propose the funded project as an offer:
 * the entry's data (from its latest submitted version) and its grant (from the latest results
 * revision), which arrive on two topics in either order. {@code offerId} is set once the proposal
 * exists; from then on the row only records that it was made.
 */
@Entity
@Table(name = "funded_project")
public class FundedProject {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "entry_version")
    public Integer entryVersion;

    public String title;

    public String description;

    public String organisation;

    @Column(name = "municipality_id")
    public String municipalityId;

    public String municipality;

    @Column(name = "kreis_id")
    public String kreisId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] fields;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "text[]")
    public String[] targetGroups;

    @Column(name = "project_start")
    public LocalDate projectStart;

    @Column(name = "project_end")
    public LocalDate projectEnd;

    @Column(name = "grant_cents")
    public Long grantCents;

    @Column(name = "results_revision")
    public int resultsRevision;

    public boolean withdrawn;

    @Column(name = "offer_id")
    public UUID offerId;

    /** Whether everything for a proposal is known, the project is funded and its start day has come. */
    boolean due(LocalDate today) {
        return offerId == null && !withdrawn && title != null && kreisId != null && grantCents != null && grantCents > 0
                && projectStart != null && !projectStart.isAfter(today);
    }
}
