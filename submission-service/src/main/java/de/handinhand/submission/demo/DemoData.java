package de.handinhand.submission.demo;

import de.handinhand.common.messaging.EventTypes;
import de.handinhand.common.messaging.outbox.OutboxWriter;
import de.handinhand.submission.call.Call;
import de.handinhand.submission.call.CallKind;
import de.handinhand.submission.call.FormTemplate;
import de.handinhand.submission.call.mapping.CallMapper;
import de.handinhand.submission.call.repository.CallRepository;
import de.handinhand.submission.municipality.Municipality;
import de.handinhand.submission.municipality.MunicipalityType;
import de.handinhand.submission.municipality.repository.MunicipalityRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the local stack (DEMO_DATA=true): the demo Kommunen of API.md (with Eppingen, the Gemeinde of
 * the demo applicant) and one open competition call. Idempotent, so a restarted stack keeps what it has; off in production.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** Stable, so scripts and the README can name the demo call. */
    public static final UUID DEMO_CALL_ID = UUID.nameUUIDFromBytes(
            "handinhand:demo-call:zusammenleben-2026".getBytes(StandardCharsets.UTF_8));

    private final MunicipalityRepository municipalities;
    private final CallRepository calls;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final boolean enabled;

    public DemoData(MunicipalityRepository municipalities, CallRepository calls, OutboxWriter outbox, Clock clock,
            @ConfigProperty(name = "handinhand.demo-data.enabled") boolean enabled) {
        this.municipalities = municipalities;
        this.calls = calls;
        this.outbox = outbox;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Transactional
    void seed(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        // Populations are rounded recent figures of the statistical offices.
        municipality("08125", "Landkreis Heilbronn", MunicipalityType.LANDKREIS, "BW", "08125", 355_000, now);
        municipality("05562", "Kreis Recklinghausen", MunicipalityType.LANDKREIS, "NW", "05562", 614_000, now);
        municipality("09174", "Landkreis Dachau", MunicipalityType.LANDKREIS, "BY", "09174", 158_000, now);
        municipality("08135", "Landkreis Heidenheim", MunicipalityType.LANDKREIS, "BW", "08135", 133_000, now);
        municipality("06636", "Werra-Meißner-Kreis", MunicipalityType.LANDKREIS, "HE", "06636", 101_000, now);
        municipality("06636001", "Bad Sooden-Allendorf", MunicipalityType.STADT, "HE", "06636", 8_300, now);
        // A Große Kreisstadt of Landkreis Heilbronn, where the demo applicant ak-eppingen works.
        municipality("08125030", "Eppingen", MunicipalityType.STADT, "BW", "08125", 22_000, now);

        if (calls.findByIdOptional(DEMO_CALL_ID).isEmpty()) {
            Instant opens = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(7));
            Call call = new Call();
            call.id = DEMO_CALL_ID;
            call.title = "Zusammenleben Hand in Hand 2026";
            call.kind = CallKind.COMPETITION;
            call.formTemplate = FormTemplate.ZUSAMMENLEBEN_HAND_IN_HAND;
            call.opensAt = opens;
            call.deadline = opens.plus(Duration.ofDays(97));
            call.juryEndsAt = call.deadline.plus(Duration.ofDays(60));
            call.categories = new String[] {"LANDKREIS", "STADT_GROSS", "GEMEINDE_KLEIN"};
            call.createdAt = now;
            call.updatedAt = now;
            calls.persist(call);
            outbox.append(EventTypes.SUBMISSION_TOPIC, EventTypes.CALL_PUBLISHED, call.id.toString(),
                    CallMapper.toEvent(call));
            LOG.infof("Seeded the demo call %s, open until %s", call.id, call.deadline);
        }
    }

    private void municipality(String id, String name, MunicipalityType type, String bundesland, String kreisId,
            int population, Instant now) {
        if (municipalities.findByIdOptional(id).isPresent()) {
            return;
        }
        Municipality m = new Municipality();
        m.id = id;
        m.name = name;
        m.type = type;
        m.bundesland = bundesland;
        m.kreisId = kreisId;
        m.population = population;
        m.createdAt = now;
        municipalities.persist(m);
    }
}
