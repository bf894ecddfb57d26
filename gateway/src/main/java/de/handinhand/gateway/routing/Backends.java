package de.handinhand.gateway.routing;

import de.handinhand.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which service serves a path: the longest configured prefix that covers it, segment by segment. A path
 * no prefix covers is a 404 at the gateway and never reaches a service.
 */
@ApplicationScoped
public class Backends {

    private final List<Backend> backends;

    @Inject
    public Backends(GatewayConfig config) {
        this(from(config));
    }

    Backends(List<Backend> backends) {
        List<Backend> sorted = new ArrayList<>(backends);
        sorted.sort(Comparator.comparing(Backend::name));
        for (Backend backend : sorted) {
            for (String prefix : backend.prefixes()) {
                if (!prefix.startsWith("/") || prefix.contains("{")) {
                    throw new IllegalArgumentException("Backend " + backend.name() + ": prefix '" + prefix
                            + "' must be a literal path starting with /");
                }
                for (Backend other : sorted) {
                    if (other != backend && other.prefixes().contains(prefix)) {
                        throw new IllegalArgumentException("Backends " + backend.name() + " and " + other.name()
                                + " both claim " + prefix);
                    }
                }
            }
        }
        this.backends = List.copyOf(sorted);
    }

    private static List<Backend> from(GatewayConfig config) {
        return config.backends().entrySet().stream()
                .map(entry -> new Backend(entry.getKey(), entry.getValue().url(), entry.getValue().prefixes()))
                .toList();
    }

    /** The backend whose prefix covers the path; with overlapping prefixes the longest wins. */
    public Optional<Backend> serving(String path) {
        Backend best = null;
        int longest = -1;
        for (Backend backend : backends) {
            String prefix = backend.prefixFor(path);
            if (prefix != null && prefix.length() > longest) {
                longest = prefix.length();
                best = backend;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every backend, by name. */
    public List<Backend> all() {
        return backends;
    }
}
