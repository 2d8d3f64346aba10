package io.tuneforge.gateway.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.routing.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the exchange of a successful call through a capturing alias: the request's {@code messages} and
 * {@code tools} as the caller sent them and the assistant message served, under the tenant and completion
 * id, until the alias's retention (at capture time) has passed.
 *
 * <p>Capturing is a side job of serving: it never fails the call. An exchange over
 * {@code tuneforge.gateway.capture.max-size} is not stored ({@value #TOO_LARGE}), a store that fails is
 * logged and counted ({@value #FAILED}); either way the caller gets its answer and the call record says why
 * there is no exchange. The store is one insert in its own short transaction, so a failure cannot roll back
 * the call record, and it is done before the call is answered (plain) or right after the last event (stream),
 * so feedback sent as soon as the answer arrives finds it.
 */
@ApplicationScoped
public class ExchangeRecorder {

    public static final String TOO_LARGE = "too_large";
    public static final String FAILED = "failed";

    private static final Logger LOG = Logger.getLogger(ExchangeRecorder.class);

    @Inject
    EntityManager em;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    /**
     * @param request the caller's request as parsed (its messages and tools are not changed by the gateway)
     * @param output  the assistant message served ({@code ServedMessage})
     * @return null when the exchange was stored, else why not: {@value #TOO_LARGE} or {@value #FAILED}
     */
    public String record(String tenantId, Route route, String completionId, ObjectNode request, ObjectNode output) {
        try {
            JsonNode messages = request.get("messages");
            if (completionId == null || output == null || messages == null || !messages.isArray()) {
                // The provider answered without an id or a choice: nothing feedback could name or learn from.
                return skipped(FAILED, "completion %s through alias %s (tenant %s) not captured: the answer had no id or no message",
                        completionId, route.alias(), tenantId);
            }
            JsonNode tools = request.get("tools");
            String messagesJson = messages.toString();
            String toolsJson = tools == null || tools.isNull() ? null : tools.toString();
            String outputJson = output.toString();
            long max = config.capture().maxSize().asLongValue();
            long size = utf8Length(messagesJson, max) + utf8Length(toolsJson, max) + utf8Length(outputJson, max);
            if (size > max) {
                meters.counter("tuneforge.gateway.capture.skipped", "reason", TOO_LARGE).increment();
                LOG.debugf("completion %s through alias %s (tenant %s) not captured: over %d bytes", completionId, route.alias(), tenantId, max);
                return TOO_LARGE;
            }
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into captured_exchange (tenant_id, completion_id, alias, model, arm, messages, tools, output,
                                                           size_bytes, captured_at, expires_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                            on conflict (tenant_id, completion_id) do nothing""")
                    .setParameter(1, tenantId).setParameter(2, completionId).setParameter(3, route.alias())
                    .setParameter(4, route.model()).setParameter(5, route.arm().wire()).setParameter(6, messagesJson)
                    .setParameter(7, toolsJson).setParameter(8, outputJson).setParameter(9, (int) size).setParameter(10, now)
                    .setParameter(11, now.plus(Duration.ofDays(route.capture().retentionDays())))
                    .executeUpdate());
            meters.counter("tuneforge.gateway.capture.stored").increment();
            return null;
        } catch (RuntimeException e) {
            // Only the exception's type and message: the exchange itself (the caller's prompt) is never logged.
            return skipped(FAILED, "completion %s through alias %s (tenant %s) not captured, served without it: %s", completionId,
                    route.alias(), tenantId, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private String skipped(String reason, String format, Object... args) {
        meters.counter("tuneforge.gateway.capture.skipped", "reason", reason).increment();
        LOG.warnf(format, args);
        return reason;
    }

    /** Bytes of {@code text} in UTF-8, counted without encoding it; stops early once past {@code max}. */
    static long utf8Length(String text, long max) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= max; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
