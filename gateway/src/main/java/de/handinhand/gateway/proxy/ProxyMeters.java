package de.handinhand.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server metrics of the proxied requests ({@code /api/...}): the same series Quarkus' generic HTTP
 * metrics kept for them ({@code http_server_requests_seconds{method,uri,status,outcome}}, {@code uri} the
 * operation's path template), which are switched off for {@code /api/} (application.properties). Those
 * built their tags and looked their timer up anew for every request; here each (operation, method,
 * status) timer is built once and found again without allocating.
 */
@Singleton
public class ProxyMeters {

    static final String NAME = "http.server.requests";
    /** The {@code uri} of a request no operation matched, as Quarkus names it. */
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNKNOWN = "UNKNOWN";

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timers> byUri = new ConcurrentHashMap<>();

    public ProxyMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Starts measuring a request; it is recorded when its answer has ended (or the connection closed). */
    Measurement start(RoutingContext rc) {
        Measurement measurement = new Measurement(rc, System.nanoTime());
        rc.addEndHandler(measurement);
        return measurement;
    }

    /** One request: its start and, once known, the operation's template. */
    final class Measurement implements Handler<AsyncResult<Void>> {

        private final RoutingContext rc;
        private final long startNanos;
        String uri;

        Measurement(RoutingContext rc, long startNanos) {
            this.rc = rc;
            this.startNanos = startNanos;
        }

        @Override
        public void handle(AsyncResult<Void> ended) {
            int status = rc.response().getStatusCode();
            String name = uri != null ? uri : status == 404 ? NOT_FOUND : UNKNOWN;
            timer(name, rc.request().method(), status).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    Timer timer(String uri, HttpMethod method, int status) {
        Timers timers = byUri.get(uri);
        if (timers == null) {
            timers = byUri.computeIfAbsent(uri, Timers::new);
        }
        return timers.get(method, status);
    }

    /** The timers of one {@code uri}: a handful of (method, status) pairs, copied on the rare write. */
    private final class Timers {

        private final String uri;
        private volatile Entry[] entries = new Entry[0];

        Timers(String uri) {
            this.uri = uri;
        }

        Timer get(HttpMethod method, int status) {
            for (Entry entry : entries) {
                if (entry.status == status && entry.method.equals(method)) {
                    return entry.timer;
                }
            }
            return add(method, status);
        }

        private synchronized Timer add(HttpMethod method, int status) {
            for (Entry entry : entries) {
                if (entry.status == status && entry.method.equals(method)) {
                    return entry.timer;
                }
            }
            Timer timer = Timer.builder(NAME)
                    .tag("method", method.name())
                    .tag("uri", uri)
                    .tag("status", Integer.toString(status))
                    .tag("outcome", outcome(status))
                    .register(registry);
            Entry[] grown = java.util.Arrays.copyOf(entries, entries.length + 1);
            grown[entries.length] = new Entry(method, status, timer);
            entries = grown;
            return timer;
        }
    }

    private record Entry(HttpMethod method, int status, Timer timer) {
    }

    static String outcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300) {
            return "SUCCESS";
        } else if (status < 400) {
            return "REDIRECTION";
        } else if (status < 500) {
            return "CLIENT_ERROR";
        } else if (status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }
}
