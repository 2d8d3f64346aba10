package io.tuneforge.gateway.limits;

import io.tuneforge.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant requests and tokens per minute ({@code tuneforge.gateway.limits.*}), counted in memory per replica in
 * fixed one-minute windows (UTC minutes), so admitting a call asks no database: with N replicas behind a
 * balancer a tenant gets up to N times its limit. A request is counted when admitted; tokens when the provider
 * reports them (prompt + completion), so the call that crosses the token limit is served and the next ones are
 * refused until the minute ends, as OpenAI's own limits behave for a request it cannot size in advance.
 */
@ApplicationScoped
public class TenantRateLimits {

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** A tenant's counters in one minute. */
    private static final class Window {
        final long minute;
        long requests;
        long tokens;

        Window(long minute) {
            this.minute = minute;
        }
    }

    /**
     * The admission of one call.
     *
     * @param refusedBy {@code requests} or {@code tokens} when refused (OpenAI's error {@code type}), else null
     * @param headers   OpenAI's {@code x-ratelimit-*} headers (and {@code retry-after} when refused) for the limits in force
     */
    public record Admission(String refusedBy, long limit, Map<String, String> headers) {
        public boolean admitted() {
            return refusedBy == null;
        }
    }

    public Admission admit(String tenantId) {
        int rpm = requestsPerMinute(tenantId);
        long tpm = tokensPerMinute(tenantId);
        if (rpm <= 0 && tpm <= 0) {
            return new Admission(null, 0, Map.of());
        }
        long now = clock.millis();
        long minute = now / 60_000;
        long resetSeconds = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
        Window w = windows.compute(tenantId, (t, old) -> old == null || old.minute != minute ? new Window(minute) : old);
        String refusedBy = null;
        long requests;
        long tokens;
        synchronized (w) {
            if (rpm > 0 && w.requests >= rpm) {
                refusedBy = "requests";
            } else if (tpm > 0 && w.tokens >= tpm) {
                refusedBy = "tokens";
            } else {
                w.requests++;
            }
            requests = w.requests;
            tokens = w.tokens;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (rpm > 0) {
            headers.put("x-ratelimit-limit-requests", Integer.toString(rpm));
            headers.put("x-ratelimit-remaining-requests", Long.toString(Math.max(0, rpm - requests)));
            headers.put("x-ratelimit-reset-requests", resetSeconds + "s");
        }
        if (tpm > 0) {
            headers.put("x-ratelimit-limit-tokens", Long.toString(tpm));
            headers.put("x-ratelimit-remaining-tokens", Long.toString(Math.max(0, tpm - tokens)));
            headers.put("x-ratelimit-reset-tokens", resetSeconds + "s");
        }
        if (refusedBy != null) {
            headers.put("retry-after", Long.toString(resetSeconds));
        }
        return new Admission(refusedBy, "requests".equals(refusedBy) ? rpm : tpm, headers);
    }

    /** Counts the tokens the provider reported for a served call against its tenant's current minute. */
    public void spent(String tenantId, long tokens) {
        if (tokens <= 0 || tokensPerMinute(tenantId) <= 0) {
            return;
        }
        long minute = clock.millis() / 60_000;
        Window w = windows.compute(tenantId, (t, old) -> old == null || old.minute != minute ? new Window(minute) : old);
        synchronized (w) {
            w.tokens += tokens;
        }
    }

    private int requestsPerMinute(String tenantId) {
        GatewayConfig.Limits.TenantLimits own = config.limits().tenants().get(tenantId);
        return own != null && own.requestsPerMinute().isPresent() ? own.requestsPerMinute().get() : config.limits().defaultRequestsPerMinute();
    }

    private long tokensPerMinute(String tenantId) {
        GatewayConfig.Limits.TenantLimits own = config.limits().tenants().get(tenantId);
        return own != null && own.tokensPerMinute().isPresent() ? own.tokensPerMinute().get() : config.limits().defaultTokensPerMinute();
    }
}
