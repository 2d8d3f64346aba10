package io.tuneforge.gateway.capture;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.gateway.domain.CapturedExchange;
import io.tuneforge.platform.json.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a captured exchange back in the shape feedback carries it ({@link FeedbackExchange}). */
@ApplicationScoped
public class CapturedExchanges {

    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    @Inject
    JsonColumns columns;

    @Inject
    Clock clock;

    /**
     * The exchange behind a tenant's completion, with the user's correction; empty when it was not captured or
     * its retention has passed (also before the purge has deleted it: what is past retention is never handed on).
     */
    public Optional<FeedbackExchange> forFeedback(String tenantId, String completionId, String correctedOutput) {
        return CapturedExchange.of(tenantId, completionId).filter(x -> x.expiresAt.isAfter(clock.instant()))
                .map(x -> new FeedbackExchange(columns.read(x.messages, OBJECTS), x.tools == null ? null : columns.read(x.tools, OBJECTS),
                        columns.read(x.output, OBJECT), correctedOutput));
    }
}
