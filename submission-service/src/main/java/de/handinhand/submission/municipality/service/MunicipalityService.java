package de.handinhand.submission.municipality.service;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.common.web.problem.ValidationException;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.api.MunicipalityRequest;
import de.handinhand.submission.municipality.api.MunicipalityView;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The municipality registry, read by everyone and extended by organizers. The body's own rules
 * (key format, consistency of key, Bundesland and Kreis) are its constraints; what needs the
 * registry or the path is checked here.
 */
@ApplicationScoped
public class MunicipalityService {

    private final MunicipalityRepository municipalities;
    private final Clock clock;

    public MunicipalityService(MunicipalityRepository municipalities, Clock clock) {
        this.municipalities = municipalities;
        this.clock = clock;
    }

    public Page<MunicipalityView> list(Page.Request paging) {
        return new Page<>(municipalities.page(paging.page(), paging.size()).stream().map(MunicipalityView::of).toList(),
                municipalities.count(), paging.page(), paging.size());
    }

    public MunicipalityView get(String id) {
        return municipalities.findByIdOptional(id).map(MunicipalityView::of)
                .orElseThrow(() -> NotFoundException.of("Municipality", id));
    }

    @Transactional
    public MunicipalityView create(MunicipalityRequest request) {
        if (request.id() == null) {
            throw ValidationException.of("id", "is required");
        }
        if (municipalities.findByIdOptional(request.id()).isPresent()) {
            throw exists(request.id());
        }
        Municipality m = new Municipality();
        m.id = request.id();
        m.createdAt = clock.instant();
        apply(request, m);
        try {
            municipalities.persist(m);
            municipalities.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            // Another organizer registered the same key a moment ago: the same answer as above.
            throw exists(request.id());
        }
        return MunicipalityView.of(m);
    }

    /** The key cannot change: a body that names one names the path's; one that names none is checked against it. */
    @Transactional
    public MunicipalityView update(String id, MunicipalityRequest request) {
        Municipality m = municipalities.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Municipality", id));
        Errors errors = new Errors();
        if (request.id() == null) {
            request.checkKey(id, errors);
        } else if (!request.id().equals(id)) {
            errors.add("id", "must match the path");
        }
        errors.throwIfAny();
        apply(request, m);
        return MunicipalityView.of(m);
    }

    private static ConflictException exists(String id) {
        return new ConflictException("municipality-exists", "Municipality " + id + " is registered already");
    }

    private static void apply(MunicipalityRequest request, Municipality m) {
        m.name = request.name().strip();
        m.type = request.type();
        m.bundesland = request.bundesland();
        m.kreisId = request.kreisId();
        m.population = request.population();
    }
}
