package de.handinhand.submission.attachment.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import de.handinhand.submission.attachment.Attachment;
import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata; download it at {@code /api/submissions/{id}/attachments/{attachmentId}}. */
@Schema(example = """
        {"id": "0b8e8d6e-6a43-4f0b-9d0e-2f1b7c3e9a11", "filename": "Konzept.pdf", "contentType": "application/pdf",
         "sizeBytes": 482133, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
         "createdAt": "2026-05-02T10:15:30Z"}""")
public record AttachmentView(UUID id, String filename, String contentType, long sizeBytes, String sha256,
        Instant createdAt) {

    public static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id, a.filename, a.contentType, a.sizeBytes, a.sha256, a.createdAt);
    }
}
