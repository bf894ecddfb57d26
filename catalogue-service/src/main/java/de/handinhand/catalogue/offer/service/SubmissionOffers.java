package de.handinhand.catalogue.offer.service;

import static de.handinhand.catalogue.funded.FundedProjects.FUNDED_PROJECT;

import de.handinhand.catalogue.award.AwardWinners;
import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.api.OfferView;
import de.handinhand.catalogue.offer.mapping.OfferMapper;
import de.handinhand.catalogue.offer.repository.OfferHistory;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.search.OfferIndex;
import de.handinhand.common.messaging.events.ProjectSnapshot;
import de.handinhand.common.messaging.events.SubmissionSubmitted;
import de.handinhand.common.messaging.events.SubmissionWithdrawn;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns submitted entries into good-practice proposals: one PROPOSED offer per single project, in
 * the municipality's Kreis, for a publisher there to review. A resubmission refreshes proposals
 * still waiting for review (a publisher's published text is not overwritten) and, when a
 * correction moved the entry to another municipality, moves them to its Kreis; a withdrawal
 * removes the proposals and archives what was already published. The handlers of
 * {@code SubmissionEventsConsumer}: they get events whose data passed its record's constraints, and
 * run in the dispatcher's transaction with the event's inbox record.
 */
@ApplicationScoped
public class SubmissionOffers {

    private static final Logger LOG = Logger.getLogger(SubmissionOffers.class);

    private final OfferRepository offers;
    private final OfferIndex index;
    private final OfferHistory history;
    private final Clock clock;
    private final AwardWinners awards;

    public SubmissionOffers(OfferRepository offers, OfferIndex index, OfferHistory history, Clock clock,
            AwardWinners awards) {
        this.awards = awards;
        this.offers = offers;
        this.index = index;
        this.history = history;
        this.clock = clock;
    }

    /** A submitted (or corrected) version: its single projects become proposals, or refresh them. */
    public void submitted(SubmissionSubmitted s) {
        Instant now = clock.instant();
        Map<Integer, Offer> existing = new HashMap<>();
        for (Offer o : offers.derivedFrom(s.submissionId())) {
            if (o.originProject != null && o.originProject == FUNDED_PROJECT) {
                continue; // the funded project's proposal (FundedProjects), not a single project's
            }
            if (o.originVersion != null && o.originVersion >= s.version()) {
                LOG.infof("Offers of %s already reflect version %d; ignoring version %d", s.submissionId(),
                        o.originVersion, s.version());
                return;
            }
            existing.put(o.originProject, o);
        }
        List<ProjectSnapshot> projects = s.projects() == null ? List.of() : s.projects();
        for (ProjectSnapshot p : projects) {
            Offer offer = existing.remove(p.index());
            if (offer == null) {
                offer = new Offer();
                offer.id = UUID.randomUUID();
                offer.status = OfferStatus.PROPOSED;
                offer.originSubmissionId = s.submissionId();
                offer.originProject = p.index();
                offer.createdAt = now;
                offer.free = true;
                offer.languages = new String[] {"de"};
                offer.locations = List.of();
                offer.contacts = List.of();
                offer.links = List.of();
                offer.proposedBy = "submission:" + s.submissionId();
                // Results published before this project existed (a later version's new project).
                offer.awardWinner = awards.isWinner(s.submissionId());
            }
            boolean created = offer.updatedAt == null;
            offer.originVersion = s.version();
            // The entry's municipality, also for offers already reviewed: a corrected entry belongs to the new one.
            offer.originMunicipalityId = s.municipality().id();
            if (offer.status != OfferStatus.PROPOSED) {
                offers.persist(offer);
                continue;
            }
            OfferView before = created ? null : OfferMapper.toView(offer);
            String fromKreis = offer.kreisId;
            describe(offer, s, p);
            offer.updatedAt = now;
            offers.persist(offer);
            index.refresh(offer);
            String note = "version " + s.version() + " of the entry";
            if (created) {
                history.record(offer.id, now, offer.proposedBy, "PROPOSED", List.of(), note);
            } else {
                // A correction may have moved the entry to a municipality of another Kreis: its
                // proposals follow it, to the publishers there.
                if (!fromKreis.equals(offer.kreisId)) {
                    note += "; moved from Kreis " + fromKreis + " to Kreis " + offer.kreisId;
                }
                history.record(offer.id, now, offer.proposedBy, "UPDATED",
                        OfferCommands.changedFields(before, OfferMapper.toView(offer)), note);
            }
        }
        // Projects the new version no longer has.
        existing.values().forEach(o -> retire(o, now));
    }

    private static void describe(Offer offer, SubmissionSubmitted s, ProjectSnapshot p) {
        String title = blank(p.title()) ? s.title() + " – Einzelprojekt " + p.index() : p.title();
        offer.title = Map.of("de", title);
        offer.description = blank(p.description()) ? Map.of() : Map.of("de", p.description());
        offer.provider = s.municipality().name();
        offer.kreisId = s.municipality().kreisId();
        offer.municipality = s.municipality().name();
        offer.fields = s.fieldsOfAction() == null ? new String[0] : s.fieldsOfAction().toArray(String[]::new);
        offer.targetGroups = s.targetGroups() == null ? new String[0] : s.targetGroups().toArray(String[]::new);
        offer.goodPractice = true;
    }

    /** The entry is out of the competition: its proposals go, what was published is archived. */
    public void withdrawn(SubmissionWithdrawn w) {
        Instant now = clock.instant();
        offers.derivedFrom(w.submissionId()).forEach(o -> retire(o, now));
    }

    /** A proposal nobody published disappears; a published offer is archived, keeping its history. */
    private void retire(Offer offer, Instant now) {
        if (offer.status == OfferStatus.PROPOSED) {
            offers.delete(offer);
        } else if (offer.status == OfferStatus.PUBLISHED) {
            offer.status = OfferStatus.ARCHIVED;
            offer.updatedAt = now;
            history.record(offer.id, now, "submission:" + offer.originSubmissionId, "ARCHIVED", List.of("status"),
                    "the entry was withdrawn or no longer has this project");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
