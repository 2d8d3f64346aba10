package io.tuneforge.gateway.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} read by a native query, whichever Java type the driver and Hibernate hand back. */
public final class NativeTimestamps {

    private NativeTimestamps() {
    }

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
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
