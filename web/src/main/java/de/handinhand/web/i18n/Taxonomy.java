package de.handinhand.web.i18n;

import com.fasterxml.jackson.databind.JsonNode;
import de.handinhand.web.api.Gateway;
import de.handinhand.web.api.PublicApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The catalogue's code lists with their labels ({@code GET /api/catalogue/taxonomy}): which fields
 * of action, target groups and languages exist, in the catalogue's order, and what they are called.
 * The pages keep no list of their own, so a code the catalogue adds shows with its label at once.
 * Read now and then (the catalogue changes it only with a release); while the API cannot be
 * reached it is asked again soon, and the pages show the codes meanwhile.
 */
@ApplicationScoped
public class Taxonomy {

    public static final String FIELDS = "fields";
    public static final String TARGET_GROUPS = "targetGroups";
    public static final String LANGUAGES = "languages";

    private static final Logger LOG = Logger.getLogger(Taxonomy.class);
    static final Duration KEEP = Duration.ofMinutes(30);
    static final Duration RETRY = Duration.ofSeconds(15);

    private final Supplier<JsonNode> read;
    private final Clock clock;
    private volatile Lists lists = Lists.NONE;
    private volatile Instant nextRead = Instant.EPOCH;
    private final AtomicBoolean reading = new AtomicBoolean();

    @Inject
    public Taxonomy(@RestClient PublicApi api, Gateway gateway) {
        this(() -> gateway.json(api::taxonomy), Clock.systemUTC());
    }

    Taxonomy(Supplier<JsonNode> read, Clock clock) {
        this.read = read;
        this.clock = clock;
    }

    /**
     * The lists as last read (empty ones before the first answer). When they are due, this request
     * reads them again; requests meanwhile go on with what is there instead of waiting for it.
     */
    public Lists lists() {
        Instant now = clock.instant();
        if (!now.isBefore(nextRead) && reading.compareAndSet(false, true)) {
            try {
                lists = Lists.of(read.get());
                nextRead = now.plus(KEEP);
            } catch (RuntimeException e) {
                // The 503 page, a refused connection, an unreadable body: the pages go on with codes.
                nextRead = now.plus(RETRY);
                LOG.debugf("No taxonomy from the catalogue (%s); asking again in %s", e, RETRY);
            } finally {
                reading.set(false);
            }
        }
        return lists;
    }

    /** One code with its labels by language ({@code de}, {@code en}: what the API carries). */
    public record Term(String code, Map<String, String> label) {
    }

    /** The three code lists, each in the catalogue's order. */
    public record Lists(Map<String, List<Term>> byList) {

        static final Lists NONE = new Lists(Map.of());

        static Lists of(JsonNode body) {
            Map<String, List<Term>> byList = new LinkedHashMap<>();
            for (String list : List.of(FIELDS, TARGET_GROUPS, LANGUAGES)) {
                List<Term> terms = new ArrayList<>();
                for (JsonNode entry : body.path(list)) {
                    String code = entry.path("code").asText("");
                    if (code.isEmpty()) {
                        continue;
                    }
                    Map<String, String> label = new LinkedHashMap<>();
                    entry.path("label").fields().forEachRemaining(l -> {
                        if (l.getValue().isTextual() && !l.getValue().asText().isBlank()) {
                            label.put(l.getKey(), l.getValue().asText());
                        }
                    });
                    terms.add(new Term(code, Collections.unmodifiableMap(label)));
                }
                byList.put(list, List.copyOf(terms));
            }
            return new Lists(byList);
        }

        /** Whether the API has answered (else every code is let through for the API to judge). */
        public boolean known() {
            return !byList.isEmpty();
        }

        public List<String> codes(String list) {
            return byList.getOrDefault(list, List.of()).stream().map(Term::code).toList();
        }

        public boolean has(String list, String code) {
            return byList.getOrDefault(list, List.of()).stream().anyMatch(t -> t.code().equals(code));
        }

        /** The API's label of a code in a language, if it has one. */
        public Optional<String> label(String list, String code, String lang) {
            return byList.getOrDefault(list, List.of()).stream().filter(t -> t.code().equals(code)).findFirst()
                    .map(t -> t.label().get(lang));
        }
    }
}
