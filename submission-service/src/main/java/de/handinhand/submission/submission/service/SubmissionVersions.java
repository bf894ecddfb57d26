package de.handinhand.submission.submission.service;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.common.messaging.CloudEventCodec;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.submission.attachment.api.AttachmentView;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.form.Form;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionVersion;
import de.handinhand.submission.submission.api.VersionSummary;
import de.handinhand.submission.submission.api.VersionView;
import de.handinhand.submission.submission.messaging.SubmissionEvents;
import de.handinhand.submission.submission.repository.SubmissionVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The submitted versions of an entry. Each submit, import and correction freezes the entry as its
 * new version and announces it, in the transaction that made it: the snapshot is built once, the
 * submitted event carries it and the version row stores the same JSON. Versions are read oldest
 * first, by whoever may read the entry.
 */
@ApplicationScoped
public class SubmissionVersions {

    /** An organizer's correction of an imported entry: when, and who. */
    record Correction(Instant at, String by) {
    }

    private final SubmissionVersionRepository versions;
    private final SubmissionAccess access;
    private final SubmissionEvents events;
    private final EntryStore store;

    public SubmissionVersions(SubmissionVersionRepository versions, SubmissionAccess access, SubmissionEvents events,
            EntryStore store) {
        this.versions = versions;
        this.access = access;
        this.events = events;
        this.store = store;
    }

    /**
     * Freezes the entry as version {@code s.version} and writes its submitted event; returns the
     * entry's attachments, which the snapshot lists. {@code submittedBy} is who submitted the entry;
     * a correction keeps it and records itself beside it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<AttachmentView> freeze(Submission s, Call call, Form form, Municipality municipality, String submittedBy,
            Correction correction) {
        List<AttachmentView> files = store.attachments(s.id);
        JsonNode snapshot = events.submitted(s, call, form, municipality, files);
        versions.insert(s.id, s.version, CloudEventCodec.json(snapshot), s.submittedAt, submittedBy,
                correction == null ? null : correction.at(), correction == null ? null : correction.by());
        return files;
    }

    /** Who submitted the entry's version {@code number}; its creator if that version is missing. */
    String submittedBy(Submission s, int number) {
        return versions.findByIdOptional(new SubmissionVersion.Key(s.id, number)).map(v -> v.submittedBy)
                .orElse(s.createdBy);
    }

    public Page<VersionSummary> list(UUID id, Page.Request paging) {
        Submission s = access.readable(id);
        var query = versions.ofSubmission(s.id);
        List<VersionSummary> items = query.page(paging.page(), paging.size()).list().stream()
                .map(v -> new VersionSummary(v.key.version(), v.submittedAt, v.submittedBy, v.correctedAt,
                        v.correctedBy))
                .toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    public VersionView get(UUID id, int number) {
        Submission s = access.readable(id);
        SubmissionVersion v = versions.findByIdOptional(new SubmissionVersion.Key(s.id, number))
                .orElseThrow(() -> NotFoundException.of("Version", number + " of submission " + id));
        return new VersionView(v.key.version(), v.submittedAt, v.submittedBy, v.correctedAt, v.correctedBy,
                v.snapshot);
    }
}
