package io.tuneforge.simulator.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

public enum FaultKind {
    /** 500 server_error. */
    ERROR,
    /** 503, "The server is overloaded or not ready yet." */
    UNAVAILABLE,
    /** Served after a delay. */
    SLOW,
    /** Connection closed without a response. */
    DROP,
    /** The request is carried out, then the connection is closed instead of sending the answer (an answer lost after the work). */
    LOST;

    /** Accepts "drop" as well as "DROP" in admin requests. */
    @JsonCreator
    public static FaultKind of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
