package de.handinhand.submission.attachment.rest;

import de.handinhand.submission.attachment.Attachment;
import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata; download it at {@code /api/submissions/{id}/attachments/{attachmentId}}. */
public record AttachmentView(UUID id, String filename, String contentType, long sizeBytes, String sha256,
        Instant createdAt) {

    public static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id, a.filename, a.contentType, a.sizeBytes, a.sha256, a.createdAt);
    }
}
