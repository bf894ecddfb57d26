package de.handinhand.catalogue.offer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

/**
 * An integration offer (Angebot der Integration) of one Kreis. Texts are per language, German
 * required. An offer derived from a submitted entry's single project records its origin.
 */
// JSON attributes are immutable values: the code replaces them, never changes them in place, so
// Hibernate need not deep-copy them through JSON on every load to detect changes.
@Entity
@jakarta.persistence.EntityListeners(OfferChanges.class)
public class Offer {

    @Id
    public UUID id;

    @Column(name = "kreis_id")
    public String kreisId;

    public String municipality;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, String> title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public Map<String, String> description;

    public String provider;

    // text[] columns are Java arrays, not Lists: JSON columns map Lists, and the two mappings must not meet.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] fields;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "text[]")
    public String[] targetGroups;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] languages;

    public boolean free;

    @Column(name = "cost_cents")
    public Long costCents;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Map<String, Object>> locations;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Map<String, Object>> contacts;

    public String schedule;

    public String accessibility;

    /** The offer's own web page: an absolute http(s) URL, host in ASCII (IDN as punycode). */
    public String website;

    /** Further pages ({@code label}, {@code url}), such as a flyer or a registration form. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<Map<String, Object>> links;

    @Enumerated(EnumType.STRING)
    public OfferStatus status;

    @Column(name = "good_practice")
    public boolean goodPractice;

    @Column(name = "award_winner")
    public boolean awardWinner;

    @Column(name = "origin_submission_id")
    public UUID originSubmissionId;

    @Column(name = "origin_project")
    public Integer originProject;

    @Column(name = "origin_version")
    public Integer originVersion;

    /** User name of whoever proposed it; {@code submission:<id>} for offers derived from an entry. */
    @Column(name = "proposed_by")
    public String proposedBy;

    /** Token subject of whoever proposed it (null for derived offers and older proposals). */
    @Column(name = "proposed_by_sub")
    public String proposedBySub;

    /** The municipality whose entry the offer was derived from. */
    @Column(name = "origin_municipality_id")
    public String originMunicipalityId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_confirmed_at")
    public Instant lastConfirmedAt;

    /** Why a publisher rejected the proposal. */
    @Column(name = "review_note")
    public String reviewNote;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Version
    @Column(name = "lock_version")
    public int lockVersion;
}
