package de.handinhand.submission.attachment.repository;

import de.handinhand.submission.attachment.Attachment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    public List<Attachment> ofSubmission(UUID submissionId) {
        return list("submissionId = ?1 and removedAt is null", Sort.ascending("createdAt").and("id"), submissionId);
    }
}
