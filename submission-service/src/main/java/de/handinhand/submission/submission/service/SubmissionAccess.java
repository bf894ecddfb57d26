package de.handinhand.submission.submission.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import de.handinhand.common.web.text.ControlCharacters;
import de.handinhand.common.web.validation.Rules;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.call.service.OrganizerScope;
import de.handinhand.submission.jury.repository.ReaderRepository;
import de.handinhand.submission.submission.Submission;
import de.handinhand.submission.submission.SubmissionStatus;
import de.handinhand.submission.submission.repository.SubmissionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant rule for entries, in one place for every endpoint that touches one. A caller enters
 * as an {@link Entrant}: a submitter for the municipality in its token, an applicant for its
 * organisation in the Gemeinde of its token; each reaches only its own entries (others' do not
 * exist for it: 404) — a municipality not the entries of initiatives working in it, nor they its
 * own. An organizer reads and manages the entries of the calls it runs ({@link OrganizerScope}: an
 * organizer of a Kreis only its Kreis's calls; the others' entries do not exist for it), and a
 * juror reads the submitted attachments of the entries the scoring service lists them as readers
 * of ({@link #attachmentsReadable}) and nothing else. Roles without business in entries never get
 * here (their resource methods refuse them).
 */
@ApplicationScoped
public class SubmissionAccess {

    private final SubmissionRepository submissions;
    private final CallRepository calls;
    private final ReaderRepository readers;
    private final OrganizerScope scope;
    private final Caller caller;

    public SubmissionAccess(SubmissionRepository submissions, CallRepository calls, ReaderRepository readers,
            OrganizerScope scope, Caller caller) {
        this.submissions = submissions;
        this.calls = calls;
        this.readers = readers;
        this.scope = scope;
        this.caller = caller;
    }

    /**
     * Who enters: a municipality ({@code organisation} null), or an applicant organisation working in
     * the municipality {@code municipalityId}. An organisation is its name in its Gemeinde: names such
     * as "Freundeskreis Asyl" recur from town to town, and two of them must neither see each other's
     * entries nor block each other.
     */
    public record Entrant(String municipalityId, String organisation) {

        public boolean owns(Submission s) {
            return s.municipalityId.equals(municipalityId) && Objects.equals(s.organisation, organisation);
        }

        public boolean applicant() {
            return organisation != null;
        }

        /** For messages: "municipality 08125" or "Asylarbeitskreis Eppingen (Gemeinde 08125030)". */
        public String describe() {
            return organisation == null ? "municipality " + municipalityId
                    : organisation + " (Gemeinde " + municipalityId + ")";
        }
    }

    /**
     * The calling entrant from its token: an applicant's organisation and Gemeinde, else a
     * submitter's municipality. A token without the claims its role needs may do nothing (403).
     */
    public Entrant entrant() {
        if (caller.has(Roles.APPLICANT)) {
            String organisation = caller.requireOrganisation();
            if (organisation.length() > Rules.NAME_MAX || ControlCharacters.find(organisation).isPresent()) {
                throw new ForbiddenException("The organisation in your token is not a name of at most "
                        + Rules.NAME_MAX + " characters; ask an administrator");
            }
            return new Entrant(caller.requireMunicipality(), organisation);
        }
        return new Entrant(caller.requireMunicipality(), null);
    }

    /** The entrant of the token, if it has the claims its role needs (no refusal: a juror may hold the role too). */
    private Optional<Entrant> tokenEntrant() {
        if (caller.has(Roles.APPLICANT)) {
            return caller.municipalityId().flatMap(m -> caller.organisation().map(o -> new Entrant(m, o)));
        }
        return caller.municipalityId().map(m -> new Entrant(m, null));
    }

    /** An entry the caller may read. */
    public Submission readable(UUID id) {
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (caller.has(Roles.ORGANIZER)) {
            return requireManaged(s);
        }
        if (!entrant().owns(s)) {
            throw NotFoundException.of("Submission", id);
        }
        return s;
    }

    /** An entry whose attachments the caller may read, and whether as a juror (see {@link AttachmentReading}). */
    public AttachmentReading attachmentsReadable(UUID id) {
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (caller.has(Roles.ORGANIZER)) {
            return new AttachmentReading(requireManaged(s), false);
        }
        boolean entrant = caller.has(Roles.SUBMITTER) || caller.has(Roles.APPLICANT);
        if (entrant && tokenEntrant().filter(e -> e.owns(s)).isPresent()) {
            return new AttachmentReading(s, false);
        }
        // A juror reads what was submitted, while the entry competes; a draft never submitted or a
        // withdrawn entry is nothing the jury needs, so it does not exist for them.
        if (caller.has(Roles.JUROR) && s.version > 0 && s.status != SubmissionStatus.WITHDRAWN
                && readers.isReader(s.id, caller.username())) {
            return new AttachmentReading(s, true);
        }
        if (entrant) {
            entrant();
        }
        throw NotFoundException.of("Submission", id);
    }

    /**
     * Who reads an entry's attachments: its entrant and organizers see the entry's current files; a
     * juror ({@code juror} true) only the files of its latest submitted version, never a reopened
     * draft's work in progress.
     */
    public record AttachmentReading(Submission submission, boolean juror) {
    }

    /** The caller's own entry, row-locked so that changes to one entry run one after another. */
    public Submission ownForUpdate(UUID id) {
        Entrant entrant = entrant();
        Submission s = submissions.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (!entrant.owns(s)) {
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
        Entrant entrant = entrant();
        Submission s = submissions.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Submission", id));
        if (!entrant.owns(s)) {
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

    /**
     * An entry of a call the calling organizer runs, row-locked, for an organizer's action on it; an
     * entry of another Kreis's call does not exist for an organizer of a Kreis.
     */
    public Submission managedForUpdate(UUID id) {
        return requireManaged(submissions.findForUpdate(id).orElseThrow(() -> NotFoundException.of("Submission", id)));
    }

    private Submission requireManaged(Submission s) {
        if (scope.kreis().isPresent() && !scope.runs(calls.findById(s.callId))) {
            throw NotFoundException.of("Submission", s.id);
        }
        return s;
    }
}
