package de.handinhand.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is sane (the
 * gateway always sends one), a new UUID otherwise. The id is put into the logging MDC (so every
 * JSON log line of the request carries {@code requestId}), echoed in the response header, and
 * carried into the events the request causes.
 *
 * <p>An id only correlates: it ties together the log lines and events of one request across gateway and
 * services, and lets a caller quote it. It grants nothing and is no secret (it is echoed, logged, and a
 * caller may choose its own), so it must be unique, not unguessable: a random (version 4) UUID drawn from
 * {@link ThreadLocalRandom} (two 64-bit draws of a per-thread generator, seeded once per thread), not from
 * {@code SecureRandom}, whose synchronised native generator showed in the gateway's profile under load.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        // Runs before authentication and routing, so 401s and 404s carry the id too.
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            rc.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.addEndHandler(done -> MDC.remove(MDC_KEY));
            rc.next();
        }, 1000);
    }

    /** The caller's id if it is sane, else a fresh one. */
    public static String accept(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : fresh();
    }

    /** A new random (version 4, variant 2) UUID as text. */
    public static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xcL << 60)) | (0x8L << 60);
        return new UUID(high, low).toString();
    }

    /** The id of the request being served on this thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
