package de.handinhand.submission.municipality.service;

import de.handinhand.common.web.problem.ConflictException;
import de.handinhand.common.web.problem.Errors;
import de.handinhand.common.web.problem.NotFoundException;
import de.handinhand.submission.municipality.Bundesland;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import de.handinhand.submission.municipality.rest.MunicipalityRequest;
import de.handinhand.submission.municipality.rest.MunicipalityView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The municipality registry, extended by organizers. A key must be consistent with itself: its
 * first two digits name the Bundesland, its first five the Kreis, and a Landkreis is its own Kreis.
 */
@ApplicationScoped
public class MunicipalityService {

    static final Pattern AGS = Pattern.compile("[0-9]{5}|[0-9]{8}");
    static final Pattern KREIS = Pattern.compile("[0-9]{5}");

    private final MunicipalityRepository municipalities;
    private final Clock clock;

    public MunicipalityService(MunicipalityRepository municipalities, Clock clock) {
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Transactional
    public MunicipalityView create(MunicipalityRequest request) {
        validate(request, request == null ? null : request.id());
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

    private static ConflictException exists(String id) {
        return new ConflictException("municipality-exists", "Municipality " + id + " is registered already");
    }

    @Transactional
    public MunicipalityView update(String id, MunicipalityRequest request) {
        Municipality m = municipalities.findByIdOptional(id).orElseThrow(() -> NotFoundException.of("Municipality", id));
        validate(request, id);
        apply(request, m);
        return MunicipalityView.of(m);
    }

    private static void apply(MunicipalityRequest request, Municipality m) {
        m.name = request.name().strip();
        m.type = request.type();
        m.bundesland = request.bundesland();
        m.kreisId = request.kreisId();
        m.population = request.population();
    }

    static void validate(MunicipalityRequest request, String id) {
        Errors errors = new Errors();
        if (request == null) {
            errors.add("body", "is required").throwIfAny();
        }
        if (request.id() != null && !request.id().equals(id)) {
            errors.add("id", "must match the path");
        }
        if (id == null || !AGS.matcher(id).matches()) {
            errors.add("id", "must be an official key (AGS) of 5 or 8 digits");
        }
        errors.requireText("name", request.name(), 200).require("type", request.type());
        Bundesland land = request.bundesland() == null ? null : Bundesland.ofCode(request.bundesland()).orElse(null);
        if (land == null) {
            errors.add("bundesland", "must be one of the 16 codes, e.g. BY, NW, HE");
        } else if (id != null && !id.startsWith(land.agsPrefix())) {
            errors.add("bundesland", "keys in " + land.label() + " start with " + land.agsPrefix());
        }
        if (request.kreisId() == null || !KREIS.matcher(request.kreisId()).matches()) {
            errors.add("kreisId", "must be the 5-digit key of the Kreis");
        } else if (id != null && !id.startsWith(request.kreisId())) {
            errors.add("kreisId", "a municipality's key starts with its Kreis' key");
        } else if (request.type() == MunicipalityType.LANDKREIS && id != null && !id.equals(request.kreisId())) {
            errors.add("kreisId", "a Landkreis is its own Kreis (its key has 5 digits)");
        }
        if (request.population() != null && request.population() < 0) {
            errors.add("population", "must not be negative");
        }
        errors.throwIfAny();
    }
}
