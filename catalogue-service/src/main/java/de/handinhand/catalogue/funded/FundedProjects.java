package de.handinhand.catalogue.funded;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.Validity;
import de.handinhand.catalogue.offer.repository.OfferHistory;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.search.OfferIndex;
import de.handinhand.common.messaging.events.ResultsPublished;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A funded project becomes a proposed offer of its Kreis when its project starts (issue 16): an
 * entry of a funding call with a start day (the {@code PROJEKTFOERDERUNG} form) whose published
 * grant is above zero is proposed to the publishers of the entry's Kreis on its start day (Europe/Berlin),
 * at once when results arrive after that day, otherwise by {@link #proposeDue()}. A corrected results
 * publication that takes the grant away before the start keeps the proposal from being made; a
 * proposal already made stays, for the office to decide. The event handlers run in the dispatcher's
 * transaction with the event's inbox record; each locks the entry's row, so the handlers of both
 * topics and the job of every instance see one another's work, and the offer's unique origin
 * ({@code origin_submission_id}, project {@value #FUNDED_PROJECT}) refuses a second proposal anyway.
 */
@ApplicationScoped
public class FundedProjects {

    /** The offer's {@code origin.project} for a funded project: the entry as a whole (single projects count from 1). */
    public static final int FUNDED_PROJECT = 0;
    static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(FundedProjects.class);

    private final EntityManager em;
    private final OfferRepository offers;
    private final OfferIndex index;
    private final OfferHistory history;
    private final Clock clock;

    public FundedProjects(EntityManager em, OfferRepository offers, OfferIndex index, OfferHistory history,
            Clock clock) {
        this.em = em;
        this.offers = offers;
        this.index = index;
        this.history = history;
        this.clock = clock;
    }

    /** An entry with a project period: keep what the proposal will need (the latest version wins). */
    public void submitted(SubmissionSubmitted s) {
        if (s.projectStart() == null) {
            return;
        }
        FundedProject row = locked(s.submissionId());
        if (row.entryVersion != null && row.entryVersion >= s.version()) {
            LOG.infof("Funded project %s already reflects version %d; ignoring version %d", s.submissionId(),
                    row.entryVersion, s.version());
            return;
        }
        row.callId = s.callId();
        row.entryVersion = s.version();
        row.withdrawn = false;
        row.title = s.title();
        row.description = blank(s.description()) ? s.summary() : s.description();
        row.organisation = s.organisation();
        row.municipalityId = s.municipality().id();
        row.municipality = s.municipality().name();
        row.kreisId = s.municipality().kreisId();
        row.fields = s.fieldsOfAction() == null ? new String[0] : s.fieldsOfAction().toArray(String[]::new);
        row.targetGroups = s.targetGroups() == null ? new String[0] : s.targetGroups().toArray(String[]::new);
        row.projectStart = s.projectStart();
        row.projectEnd = s.projectEnd();
        proposeIfDue(row, Validity.today(clock));
    }

    /** A withdrawn entry is not proposed (the offers already made are SubmissionOffers' to retire). */
    public void withdrawn(SubmissionWithdrawn w) {
        FundedProject row = em.find(FundedProject.class, w.submissionId(), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && (row.entryVersion == null || row.entryVersion <= w.version())) {
            row.withdrawn = true;
        }
    }

    /** A funding call's results (or a correction): each entry's grant; competitions carry none. */
    public void published(ResultsPublished results) {
        int revision = Math.max(1, results.revision());
        LocalDate today = Validity.today(clock);
        for (ResultsPublished.Category category : results.categories()) {
            for (ResultsPublished.Entry entry : category.entries()) {
                if (entry.grantCents() == null) {
                    continue;
                }
                FundedProject row = locked(entry.submissionId());
                if (row.resultsRevision > revision) {
                    LOG.infof("Grant of %s already from revision %d; ignoring revision %d", entry.submissionId(),
                            row.resultsRevision, revision);
                    continue;
                }
                if (row.offerId != null && entry.grantCents() <= 0) {
                    LOG.infof("Corrected results take the grant of %s away; its proposal %s stays for the office",
                            entry.submissionId(), row.offerId);
                }
                row.resultsRevision = revision;
                row.grantCents = entry.grantCents();
                if (row.callId == null) {
                    row.callId = results.callId();
                }
                proposeIfDue(row, today);
            }
        }
    }

    /** Every hour, so a restart or a missed midnight only delays a proposal; each instance takes other rows. */
    @Scheduled(identity = "funded-projects", every = "${handinhand.funded-projects.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int made = proposeDue();
        if (made > 0) {
            LOG.infof("Proposed %d funded projects whose start day has come", made);
        }
    }

    /** Proposes every funded project whose start day has come; returns how many it proposed. */
    public int proposeDue() {
        int total = 0;
        while (true) {
            int made = QuarkusTransaction.requiringNew().call(this::proposeBatch);
            total += made;
            if (made < BATCH) {
                return total;
            }
        }
    }

    /** Claims due rows that no other instance holds (SKIP LOCKED) and proposes them. */
    private int proposeBatch() {
        LocalDate today = Validity.today(clock);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select submission_id from funded_project
                where offer_id is null and not withdrawn and grant_cents > 0 and title is not null
                    and project_start <= ?1
                order by project_start, submission_id
                limit ?2
                for update skip locked""", UUID.class)
                .setParameter(1, today).setParameter(2, BATCH).getResultList();
        int made = 0;
        for (UUID id : ids) {
            FundedProject row = em.find(FundedProject.class, id);
            if (proposeIfDue(row, today)) {
                made++;
            }
        }
        return made;
    }

    /** The entry's row, created empty if this is the first event about it, and locked for this transaction. */
    private FundedProject locked(UUID submissionId) {
        em.createNativeQuery("insert into funded_project (submission_id) values (?1) on conflict do nothing")
                .setParameter(1, submissionId).executeUpdate();
        return em.find(FundedProject.class, submissionId, LockModeType.PESSIMISTIC_WRITE);
    }

    private boolean proposeIfDue(FundedProject row, LocalDate today) {
        if (!row.due(today)) {
            return false;
        }
        Offer made = offers.find("originSubmissionId = ?1 and originProject = ?2", row.submissionId, FUNDED_PROJECT)
                .firstResult();
        if (made != null) {
            // Proposed already, before this row recorded it: the row catches up, no second proposal.
            row.offerId = made.id;
            return false;
        }
        Instant now = clock.instant();
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.status = OfferStatus.PROPOSED;
        offer.originSubmissionId = row.submissionId;
        offer.originProject = FUNDED_PROJECT;
        offer.originVersion = row.entryVersion;
        offer.originMunicipalityId = row.municipalityId;
        offer.proposedBy = "submission:" + row.submissionId;
        offer.createdAt = now;
        offer.updatedAt = now;
        offer.title = Map.of("de", row.title);
        offer.description = blank(row.description) ? Map.of() : Map.of("de", row.description);
        offer.provider = blank(row.organisation) ? row.municipality : row.organisation;
        offer.kreisId = row.kreisId;
        offer.municipality = row.municipality;
        offer.fields = row.fields == null ? new String[0] : row.fields;
        offer.targetGroups = row.targetGroups == null ? new String[0] : row.targetGroups;
        offer.languages = new String[] {"de"};
        offer.free = true;
        // The funded period; the office may change it when it reviews the proposal.
        offer.validFrom = row.projectStart;
        offer.validUntil = row.projectEnd != null && row.projectEnd.isBefore(today) ? null : row.projectEnd;
        offer.locations = List.of();
        offer.contacts = List.of();
        offer.links = List.of();
        offers.persist(offer);
        index.refresh(offer);
        history.record(offer.id, now, offer.proposedBy, "PROPOSED", List.of(),
                "funded project of call " + row.callId + " (grant " + row.grantCents + " cents, results revision "
                        + row.resultsRevision + "), started " + row.projectStart);
        row.offerId = offer.id;
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
