package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.submission.jury.repository.ReaderRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The tenant rule for entries, in one place for every endpoint that touches one: a submitter
 * reaches only entries of the municipality in its token (others' entries do not exist for it:
 * 404), an organizer reads all of them, and a juror reads the submitted attachments of the
 * entries the scoring service lists them as readers of ({@link #attachmentsReadable}) and nothing
 * else. Roles without business in entries never get here (their resource methods refuse them).
 */
@ApplicationScoped
public class SubmissionAccess {

    private final SubmissionRepository submissions;
    private final ReaderRepository readers;
    private final Caller caller;

    public SubmissionAccess(SubmissionRepository submissions, ReaderRepository readers, Caller caller) {
        this.submissions = submissions;
        this.readers = readers;
        this.caller = caller;
    }

    /** An entry the caller may read. */
    public Submission readable(UUID id) {
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (!caller.has(Roles.ORGANIZER) && !s.municipalityId.equals(caller.requireMunicipality())) {
            throw NotFoundException.of("Submission", id);
        }
        return s;
    }

    /** An entry whose attachments the caller may read, and whether as a juror (see {@link AttachmentReading}). */
    public AttachmentReading attachmentsReadable(UUID id) {
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (caller.has(Roles.ORGANIZER)
                || caller.has(Roles.SUBMITTER) && caller.municipalityId().filter(s.municipalityId::equals).isPresent()) {
            return new AttachmentReading(s, false);
        }
        // A juror reads what was submitted, while the entry competes; a draft never submitted or a
        // withdrawn entry is nothing the jury needs, so it does not exist for them.
        if (caller.has(Roles.JUROR) && s.version > 0 && s.status != SubmissionStatus.WITHDRAWN
                && readers.isReader(s.id, caller.username())) {
            return new AttachmentReading(s, true);
        }
        if (caller.has(Roles.SUBMITTER)) {
            caller.requireMunicipality();
        }
        throw NotFoundException.of("Submission", id);
    }

    /**
     * Who reads an entry's attachments: its municipality and organizers see the entry's current
     * files; a juror ({@code juror} true) only the files of its latest submitted version, never a
     * reopened draft's work in progress.
     */
    public record AttachmentReading(Submission submission, boolean juror) {
    }

    /** The caller's own entry, row-locked so that changes to one entry run one after another. */
    public Submission ownForUpdate(UUID id) {
        String municipalityId = caller.requireMunicipality();
        Submission s = submissions.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (!s.municipalityId.equals(municipalityId)) {
            throw NotFoundException.of("Submission", id);
        }
        return s;
    }

    /** The caller's own draft, row-locked; a submitted or withdrawn entry cannot change. */
    public Submission ownDraftForUpdate(UUID id) {
        return requireDraft(ownForUpdate(id));
    }

    /**
     * The caller's own draft, read without a lock: a cheap early refusal before work that must
     * not hold a lock (receiving an upload). The caller checks again under the lock afterwards.
     */
    public Submission ownDraft(UUID id) {
        String municipalityId = caller.requireMunicipality();
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (!s.municipalityId.equals(municipalityId)) {
            throw NotFoundException.of("Submission", id);
        }
        return requireDraft(s);
    }

    private static Submission requireDraft(Submission s) {
        if (s.status != SubmissionStatus.DRAFT) {
            throw new ConflictException("not-a-draft", "Only a draft can be changed; this entry is " + s.status
                    + (s.status == SubmissionStatus.SUBMITTED ? " (reopen it first)" : ""));
        }
        return s;
    }

    /** Any entry, row-locked, for an organizer's action on it. */
    public Submission anyForUpdate(UUID id) {
        return submissions.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Submission", id));
    }
}
