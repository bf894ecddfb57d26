package de.handinhand.common.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * Each service's notion of "now": deadlines, phases and timestamps are decided against this clock.
 * It ticks in microseconds because PostgreSQL stores no finer: an answer built from the value just
 * written must say exactly what every later read of the same row says.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
