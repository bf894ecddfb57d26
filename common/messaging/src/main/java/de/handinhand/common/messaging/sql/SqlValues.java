package de.handinhand.common.messaging.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Values of native-query result rows. Which Java type a {@code timestamptz} column arrives as
 * depends on the driver and Hibernate version ({@link Instant}, {@link OffsetDateTime} or
 * {@link Timestamp}); this is the one place that knows.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** @return the instant, or null for SQL null */
    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }
}
