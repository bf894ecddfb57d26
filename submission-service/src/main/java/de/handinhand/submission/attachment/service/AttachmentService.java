package de.handinhand.submission.attachment.service;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.PayloadTooLargeException;
import de.handinhand.common.web.problem.UnsupportedMediaTypeException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.submission.attachment.Attachment;
import de.handinhand.submission.attachment.repository.AttachmentRepository;
import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.repository.SubmissionVersionRepository;
import de.handinhand.submission.submission.service.SubmissionAccess;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.quarkus.narayana.jta.QuarkusTransaction;
import de.handinhand.common.web.problem.FieldError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Attachments of an entry. An upload is received first, outside any transaction and without a
 * lock: the body streams into a temporary file while it is measured, hashed and its type
 * recognised from the first bytes, so a slow client holds neither a database connection nor the
 * entry's row. Only a complete, accepted file is then stored, in one short transaction that locks
 * the entry, checks the count and total again and writes the 256 KiB chunks; anything refused
 * stores nothing. Download streams the chunks straight from the database.
 */
@ApplicationScoped
public class AttachmentService {

    static final int CHUNK = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(AttachmentService.class);

    private final SubmissionAccess access;
    private final AttachmentRepository attachments;
    private final SubmissionVersionRepository versions;
    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final AttachmentConfig config;
    private final Caller caller;
    private final Clock clock;

    public AttachmentService(SubmissionAccess access, AttachmentRepository attachments,
            SubmissionVersionRepository versions, EntityManager em, AgroalDataSource dataSource,
            AttachmentConfig config, Caller caller, Clock clock) {
        this.access = access;
        this.attachments = attachments;
        this.versions = versions;
        this.em = em;
        this.dataSource = dataSource;
        this.config = config;
        this.caller = caller;
        this.clock = clock;
    }

    public AttachmentView upload(UUID submissionId, String filename, InputStream body) {
        // Refuse early what would be refused anyway, before receiving megabytes.
        long room = QuarkusTransaction.requiringNew().call(() -> {
            Submission s = access.ownDraft(submissionId);
            return room(attachments.ofSubmission(s.id));
        });
        Path file = null;
        try {
            file = Files.createTempFile("attachment-", ".part");
            Received received = receive(body, file, Math.min(config.maxSize().asLongValue(), room));
            Path stored = file;
            return QuarkusTransaction.requiringNew().call(() -> store(submissionId, filename, received, stored));
        } catch (IOException e) {
            throw new ValidationException("upload-interrupted", "The upload was interrupted",
                    List.of(new FieldError("body", String.valueOf(e.getMessage()))));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Temporary upload file %s could not be removed: %s", file, e.getMessage());
                }
            }
        }
    }

    /** What was received: type, size and hash of a complete body within the limits. */
    private record Received(String contentType, long size, String sha256) {
    }

    private Received receive(InputStream body, Path file, long limit) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        String contentType = null;
        long size = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int filled;
            while ((filled = fill(body, buffer)) > 0) {
                if (contentType == null) {
                    contentType = ContentSniffer.detect(buffer, filled).orElseThrow(() ->
                            new UnsupportedMediaTypeException("Only PDF, PNG and JPEG files are accepted, recognised "
                                    + "from their content; this file is none of them"));
                }
                size += filled;
                if (size > limit) {
                    throw tooLarge(size);
                }
                sha.update(buffer, 0, filled);
                out.write(buffer, 0, filled);
            }
        }
        if (size == 0) {
            throw ValidationException.of("body", "the file is empty");
        }
        return new Received(contentType, size, HexFormat.of().formatHex(sha.digest()));
    }

    private AttachmentView store(UUID submissionId, String filename, Received received, Path file)
            throws IOException {
        Submission s = access.ownDraftForUpdate(submissionId);
        List<Attachment> existing = attachments.ofSubmission(s.id);
        if (received.size() > room(existing)) {
            throw tooLarge(received.size());
        }
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.submissionId = s.id;
        a.contentType = received.contentType();
        a.filename = FileNames.clean(filename, a.contentType, existing.size() + 1);
        a.sizeBytes = received.size();
        a.sha256 = received.sha256();
        a.createdAt = clock.instant();
        a.createdBy = caller.username();
        attachments.persist(a);
        attachments.flush();
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            int filled;
            while ((filled = fill(in, buffer)) > 0) {
                em.createNativeQuery("insert into attachment_chunk (attachment_id, seq, data) values (?1, ?2, ?3)")
                        .setParameter(1, a.id)
                        .setParameter(2, seq++)
                        .setParameter(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled))
                        .executeUpdate();
            }
        }
        s.updatedAt = clock.instant();
        return AttachmentView.of(a);
    }

    /** Bytes the entry can still take; throws when it has the most attachments allowed. */
    private long room(List<Attachment> existing) {
        if (existing.size() >= config.maxCount()) {
            throw new ConflictException("too-many-attachments", "An entry has at most " + config.maxCount()
                    + " attachments");
        }
        return config.maxTotal().asLongValue() - existing.stream().mapToLong(a -> a.sizeBytes).sum();
    }

    private PayloadTooLargeException tooLarge(long size) {
        return size > config.maxSize().asLongValue()
                ? new PayloadTooLargeException("An attachment may have at most " + config.maxSize().asLongValue()
                        + " bytes")
                : new PayloadTooLargeException("The entry's attachments may have at most "
                        + config.maxTotal().asLongValue() + " bytes together");
    }

    /**
     * A page of the entry's attachments: for its municipality and organizers the current ones, for a
     * juror those of the latest submitted version (including files since removed from a reopened
     * draft, which stay stored for that version).
     */
    public Page<AttachmentView> list(UUID submissionId, Page.Request paging) {
        SubmissionAccess.AttachmentReading reading = access.attachmentsReadable(submissionId);
        Submission s = reading.submission();
        PanacheQuery<Attachment> query;
        if (reading.juror()) {
            List<UUID> submitted = versions.attachmentIds(s.id, s.version);
            if (submitted.isEmpty()) {
                return new Page<>(List.of(), 0, paging.page(), paging.size());
            }
            query = attachments.byIds(s.id, submitted);
        } else {
            query = attachments.current(s.id);
        }
        List<AttachmentView> items = query.page(paging.page(), paging.size()).list().stream()
                .map(AttachmentView::of).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    /**
     * The attachment's metadata and a writer that streams its content. A file removed from a
     * reopened draft still downloads for the submitted version that lists it; a juror reaches only
     * the files of the latest submitted version.
     */
    public Download download(UUID submissionId, UUID attachmentId) {
        SubmissionAccess.AttachmentReading reading = access.attachmentsReadable(submissionId);
        Submission s = reading.submission();
        Attachment a = attachments.findByIdOptional(attachmentId)
                .filter(found -> found.submissionId.equals(s.id))
                .filter(found -> !reading.juror() || versions.attachmentIds(s.id, s.version).contains(found.id))
                .orElseThrow(() -> NotFoundException.of("Attachment", attachmentId));
        return new Download(AttachmentView.of(a), out -> stream(a.id, out));
    }

    @Transactional
    public void delete(UUID submissionId, UUID attachmentId) {
        Submission s = access.ownDraftForUpdate(submissionId);
        Attachment a = attachments.findByIdOptional(attachmentId)
                .filter(found -> found.submissionId.equals(s.id) && found.removedAt == null)
                .orElseThrow(() -> NotFoundException.of("Attachment", attachmentId));
        if (s.version > 0 && s.submittedAt != null && !a.createdAt.isAfter(s.submittedAt)) {
            // Part of a submitted version, which must stay complete: gone from the draft, kept for the version.
            a.removedAt = clock.instant();
        } else {
            attachments.delete(a);
        }
        s.updatedAt = clock.instant();
    }

    public record Download(AttachmentView attachment, Writer writer) {
    }

    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Reads the chunks one by one with a server-side cursor, so memory stays at one chunk. */
    private void stream(UUID attachmentId, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(
                    "select data from attachment_chunk where attachment_id = ? order by seq")) {
                p.setObject(1, attachmentId);
                p.setFetchSize(1);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.write(r.getBytes(1));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IOException("Attachment " + attachmentId + " could not be read", e);
        }
    }

    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
