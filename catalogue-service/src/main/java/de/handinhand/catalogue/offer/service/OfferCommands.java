package de.handinhand.catalogue.offer.service;

import de.handinhand.catalogue.offer.Offer;
import de.handinhand.catalogue.offer.OfferStatus;
import de.handinhand.catalogue.offer.api.OfferChange;
import de.handinhand.catalogue.offer.api.OfferRequest;
import de.handinhand.catalogue.offer.api.OfferView;
import de.handinhand.catalogue.offer.api.WebAddresses;
import de.handinhand.catalogue.offer.mapping.OfferMapper;
import de.handinhand.catalogue.offer.repository.OfferHistory;
import de.handinhand.catalogue.offer.repository.OfferRepository;
import de.handinhand.catalogue.offer.search.OfferIndex;
import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.ForbiddenException;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.security.Caller;
import de.handinhand.common.web.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The publisher workflow. Publishers create, edit, publish, archive and confirm the offers of
 * their own Kreis; anyone signed in may propose an offer for any Kreis, which a publisher there
 * publishes (approves) or rejects with a reason. Every change is recorded in the offer's history
 * with the fields it touched; publishing announces the offer on {@code catalogue-events}.
 */
@ApplicationScoped
public class OfferCommands {

    private final OfferRepository offers;
    private final OfferHistory history;
    private final OfferIndex index;
    private final OutboxWriter outbox;
    private final Caller caller;
    private final Clock clock;

    public OfferCommands(OfferRepository offers, OfferHistory history, OfferIndex index, OutboxWriter outbox,
            Caller caller, Clock clock) {
        this.offers = offers;
        this.history = history;
        this.index = index;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** {@code request} is valid as a body (its constraints); what needs the caller is checked here. */
    @Transactional
    public OfferView create(OfferRequest request, boolean publish) {
        boolean own = isPublisherOf(request.kreisId());
        if (publish && !own) {
            throw new ForbiddenException(caller.has(Roles.PUBLISHER)
                    ? "You publish for Kreis " + caller.kreisId().orElse("?") + ", not " + request.kreisId()
                    : "Only a publisher of Kreis " + request.kreisId() + " may publish there; propose the offer instead");
        }
        if (Boolean.TRUE.equals(request.goodPractice()) && !own) {
            throw new ForbiddenFieldException("goodPractice", "only a publisher of Kreis " + request.kreisId()
                    + " marks an offer as good practice; propose it without the mark");
        }
        Instant now = clock.instant();
        Offer offer = new Offer();
        offer.id = UUID.randomUUID();
        offer.createdAt = now;
        offer.updatedAt = now;
        offer.status = publish ? OfferStatus.PUBLISHED : OfferStatus.PROPOSED;
        offer.proposedBy = own ? null : caller.username();
        offer.proposedBySub = own ? null : caller.subject().orElse(null);
        apply(request, offer);
        if (publish) {
            offer.lastConfirmedAt = now;
        }
        offers.persist(offer);
        index.refresh(offer);
        history.record(offer.id, now, caller.username(), own ? "CREATED" : "PROPOSED", List.of(), null);
        if (publish) {
            history.record(offer.id, now, caller.username(), "PUBLISHED", List.of(), null);
            announce(offer);
        }
        return OfferMapper.toView(offer);
    }

    @Transactional
    public OfferView update(UUID id, OfferRequest request) {
        Offer offer = ownForUpdate(id);
        if (!request.kreisId().equals(offer.kreisId)) {
            throw new ForbiddenException("An offer stays in its Kreis " + offer.kreisId
                    + "; create it anew for Kreis " + request.kreisId());
        }
        OfferView before = OfferMapper.toView(offer);
        apply(request, offer);
        OfferView after = OfferMapper.toView(offer);
        List<String> changed = changedFields(before, after);
        if (changed.isEmpty()) {
            return before;
        }
        Instant now = clock.instant();
        offer.updatedAt = now;
        if (offer.status == OfferStatus.PUBLISHED) {
            // Editing a published offer is reviewing it: it is current as of now.
            offer.lastConfirmedAt = now;
        }
        index.refresh(offer);
        history.record(offer.id, now, caller.username(), "UPDATED", changed, null);
        if (offer.status == OfferStatus.PUBLISHED) {
            announce(offer);
        }
        return OfferMapper.toView(offer);
    }

    /** Publishes a proposal (approval), a new offer or an archived one again. */
    @Transactional
    public OfferView publish(UUID id) {
        Offer offer = ownForUpdate(id);
        if (offer.status == OfferStatus.PUBLISHED) {
            throw new ConflictException("already-published", "This offer is published already");
        }
        Instant now = clock.instant();
        // Publishing someone else's proposal is approving it; a publisher's own draft is just published.
        String action = offer.status == OfferStatus.PROPOSED && offer.proposedBy != null ? "APPROVED" : "PUBLISHED";
        offer.status = OfferStatus.PUBLISHED;
        offer.reviewedBy = caller.username();
        offer.reviewedAt = now;
        offer.reviewNote = null;
        offer.lastConfirmedAt = now;
        offer.updatedAt = now;
        history.record(offer.id, now, caller.username(), action, List.of("status"), null);
        announce(offer);
        return OfferMapper.toView(offer);
    }

    /** {@code reason} is the checked {@code Rejection.reason}. */
    @Transactional
    public OfferView reject(UUID id, String reason) {
        Offer offer = ownForUpdate(id);
        if (offer.status != OfferStatus.PROPOSED) {
            throw new ConflictException("not-proposed", "Only a proposal can be rejected; this offer is " + offer.status);
        }
        Instant now = clock.instant();
        offer.status = OfferStatus.REJECTED;
        offer.reviewedBy = caller.username();
        offer.reviewedAt = now;
        offer.reviewNote = reason.strip();
        offer.updatedAt = now;
        history.record(offer.id, now, caller.username(), "REJECTED", List.of("status"), offer.reviewNote);
        return OfferMapper.toView(offer);
    }

    @Transactional
    public OfferView archive(UUID id) {
        Offer offer = ownForUpdate(id);
        if (offer.status == OfferStatus.ARCHIVED || offer.status == OfferStatus.REJECTED) {
            throw new ConflictException("not-active", "This offer is " + offer.status + " already");
        }
        Instant now = clock.instant();
        offer.status = OfferStatus.ARCHIVED;
        offer.updatedAt = now;
        history.record(offer.id, now, caller.username(), "ARCHIVED", List.of("status"), null);
        return OfferMapper.toView(offer);
    }

    /** "Still valid": one call that records that a publisher checked the offer today. */
    @Transactional
    public OfferView confirm(UUID id) {
        Offer offer = ownForUpdate(id);
        if (offer.status != OfferStatus.PUBLISHED) {
            throw new ConflictException("not-published", "Only a published offer can be confirmed; this one is "
                    + offer.status);
        }
        Instant now = clock.instant();
        offer.lastConfirmedAt = now;
        history.record(offer.id, now, caller.username(), "CONFIRMED", List.of(), null);
        return OfferMapper.toView(offer);
    }

    /** An offer's changes, oldest first. */
    public Page<OfferChange> history(UUID id, Page.Request paging) {
        Offer offer = offers.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Offer", id));
        requireOwn(offer);
        return new Page<>(history.of(id, paging), history.count(id), paging.page(), paging.size());
    }

    /** The publisher's published offers nobody has confirmed for {@code months} months, oldest first. */
    public Page<OfferView> unconfirmed(int months, Page.Request paging) {
        if (!caller.has(Roles.PUBLISHER)) {
            throw new ForbiddenException("Only publishers keep offers current");
        }
        Instant before = clock.instant().atZone(java.time.ZoneOffset.UTC).minusMonths(months).toInstant();
        var query = offers.unconfirmed(caller.requireKreis(), before);
        List<OfferView> items = OfferRepository.page(query, paging).stream().map(OfferMapper::toView).toList();
        return new Page<>(items, query.count(), paging.page(), paging.size());
    }

    // --- helpers -------------------------------------------------------------------------------

    private Offer ownForUpdate(UUID id) {
        Offer offer = offers.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> NotFoundException.of("Offer", id));
        requireOwn(offer);
        return offer;
    }

    /** Offers of another Kreis that the caller cannot even see are a 404; visible ones a 403. */
    private void requireOwn(Offer offer) {
        if (isPublisherOf(offer.kreisId)) {
            return;
        }
        if (offer.status != OfferStatus.PUBLISHED) {
            throw NotFoundException.of("Offer", offer.id);
        }
        throw new ForbiddenException(caller.has(Roles.PUBLISHER)
                ? "You publish for Kreis " + caller.kreisId().orElse("?") + ", not " + offer.kreisId
                : "Only publishers of Kreis " + offer.kreisId + " change its offers");
    }

    private boolean isPublisherOf(String kreisId) {
        return caller.has(Roles.PUBLISHER) && caller.kreisId().map(kreisId::equals).orElse(false);
    }

    private void announce(Offer offer) {
        outbox.append(EventTypes.CATALOGUE_TOPIC, EventTypes.OFFER_PUBLISHED, offer.id.toString(),
                OfferMapper.toEvent(offer));
    }

    public static void apply(OfferRequest r, Offer offer) {
        offer.title = texts(r.title());
        offer.description = texts(r.description());
        offer.provider = strip(r.provider());
        offer.kreisId = r.kreisId();
        offer.municipality = strip(r.municipality());
        offer.fields = distinct(r.fields());
        offer.targetGroups = distinct(r.targetGroups());
        offer.languages = distinct(r.languages());
        offer.free = r.free() == null ? (r.costCents() == null || r.costCents() == 0) : r.free();
        offer.costCents = offer.free ? null : r.costCents();
        offer.validFrom = r.validFrom();
        offer.validUntil = r.validUntil();
        offer.locations = r.locations() == null ? List.of() : r.locations().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("address", strip(l.address()));
            m.put("municipality", strip(l.municipality()));
            m.put("lat", l.lat());
            m.put("lon", l.lon());
            return (Map<String, Object>) m;
        }).toList();
        offer.contacts = r.contacts() == null ? List.of() : r.contacts().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", strip(c.name()));
            m.put("role", strip(c.role()));
            m.put("email", strip(c.email()));
            m.put("phone", strip(c.phone()));
            return (Map<String, Object>) m;
        }).toList();
        offer.schedule = strip(r.schedule());
        offer.accessibility = strip(r.accessibility());
        offer.website = strip(r.website()) == null ? null : WebAddresses.normalise(r.website());
        offer.links = r.links() == null ? List.of() : r.links().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", l.label().strip());
            m.put("url", WebAddresses.normalise(l.url()));
            return (Map<String, Object>) m;
        }).toList();
        // Left out, the mark stays as it is (a derived offer keeps it through an edit).
        if (r.goodPractice() != null) {
            offer.goodPractice = r.goodPractice();
        }
    }

    private static Map<String, String> texts(Map<String, String> given) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((language, text) -> {
                if (text != null && !text.isBlank()) {
                    texts.put(language, text.strip());
                }
            });
        }
        return texts;
    }

    private static String[] distinct(List<String> codes) {
        return codes == null ? new String[0] : new LinkedHashSet<>(codes).toArray(String[]::new);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The API fields whose values differ, in the order of the view. */
    static List<String> changedFields(OfferView before, OfferView after) {
        List<String> changed = new ArrayList<>();
        for (var component : OfferView.class.getRecordComponents()) {
            String name = component.getName();
            if (List.of("updatedAt", "lastConfirmedAt", "status", "createdAt", "id").contains(name)) {
                continue;
            }
            try {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (!Objects.equals(a, b)) {
                    changed.add(name);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

}
