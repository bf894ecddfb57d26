package de.handinhand.submission.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An attachment (Anlage) of an entry; its bytes live in chunks (table attachment_chunk). */
@Entity
public class Attachment {

    @Id
    public UUID id;

    @Column(name = "submission_id")
    public UUID submissionId;

    public String filename;

    /** Detected from the bytes: application/pdf, image/png or image/jpeg. */
    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Lower-case hex SHA-256 of the content. */
    public String sha256;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /**
     * Set when removed from a draft while an earlier submitted version still lists it: the draft
     * no longer shows it, the version's reference still downloads.
     */
    @Column(name = "removed_at")
    public Instant removedAt;
}
