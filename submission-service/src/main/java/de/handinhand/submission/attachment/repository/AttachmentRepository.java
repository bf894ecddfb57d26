package de.handinhand.submission.attachment.repository;

import de.handinhand.submission.attachment.Attachment;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    private static final Sort ORDER = Sort.ascending("createdAt").and("id");

    public List<Attachment> ofSubmission(UUID submissionId) {
        return current(submissionId).list();
    }

    /** The entry's current attachments (not those removed from a reopened draft), oldest first. */
    public PanacheQuery<Attachment> current(UUID submissionId) {
        return find("submissionId = ?1 and removedAt is null", ORDER, submissionId);
    }

    /** These attachments of the entry, removed from the draft or not, oldest first. */
    public PanacheQuery<Attachment> byIds(UUID submissionId, Collection<UUID> ids) {
        return find("submissionId = ?1 and id in ?2", ORDER, submissionId, ids);
    }
}
