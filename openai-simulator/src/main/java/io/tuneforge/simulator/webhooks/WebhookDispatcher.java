package io.tuneforge.simulator.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.finetuning.JobEntry;
import io.tuneforge.simulator.runtime.SimulatorLoops;
import io.tuneforge.simulator.storage.Identifiers;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Delivers fine_tuning.job.* events to every endpoint, signed per Standard Webhooks, retrying with
 * doubling delays until a 2xx or the attempts run out. Retries keep the same webhook-id so receivers
 * can deduplicate.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** The delivery log (GET /admin/webhooks/deliveries) keeps the latest attempts only, so it cannot grow with traffic. */
    static final int MAX_DELIVERIES = 1000;

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<WebhookDelivery> deliveries = Collections.synchronizedList(new ArrayList<>());
    private ScheduledExecutorService executor;

    private final SimulatorLoops loops;

    public WebhookDispatcher(SimulatorState state, SimulatorConfig config, ObjectMapper json, SimulatorLoops loops) {
        this.loops = loops;
        this.state = state;
        this.config = config;
        this.json = json;
    }

    void start(@Observes StartupEvent start) {
        if (state.webhookSecret == null) {
            state.webhookSecret = config.webhooks().secret().orElseGet(WebhookDispatcher::newSecret);
            state.changed();
        }
        executor = SimulatorLoops.executor("webhooks");
    }

    void stop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public String secret() {
        return state.webhookSecret;
    }

    /** Every URL events may go to: the configured ones and the registered endpoints. */
    public List<String> urls() {
        return urlsFor(null, true);
    }

    /** The configured URLs (they hear every organization) and the registered endpoints that want {@code organization}'s events. */
    private List<String> urlsFor(String organization, boolean all) {
        List<String> urls = new ArrayList<>(config.webhooks().urls().orElse(List.of()));
        endpoints().stream().filter(e -> all || e.wants(organization)).forEach(e -> urls.add(e.url()));
        return urls;
    }

    /** Registered endpoints (the configured {@code webhooks.urls} are not among them). */
    public List<WebhookEndpoint> endpoints() {
        synchronized (state.webhookEndpoints) {
            return List.copyOf(state.webhookEndpoints);
        }
    }

    /** @param organization only this organization's job events, or null for all */
    public WebhookEndpoint register(String url, String organization) {
        WebhookEndpoint endpoint = new WebhookEndpoint(Identifiers.next("we_"), url, organization);
        state.webhookEndpoints.add(endpoint);
        state.changed();
        return endpoint;
    }

    /** Removes a registered endpoint; false when there is none with this id. */
    public boolean remove(String endpointId) {
        boolean removed = state.webhookEndpoints.removeIf(e -> e.id().equals(endpointId));
        if (removed) {
            state.changed();
        }
        return removed;
    }

    public List<WebhookDelivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    public void clearDeliveries() {
        deliveries.clear();
    }

    /** Publishes an event about a job, e.g. type "fine_tuning.job.succeeded". */
    public void publish(String type, String jobId) {
        JobEntry job = state.jobs.get(jobId);
        List<String> urls = urlsFor(job == null ? null : job.job().organizationId(), false);
        if (urls.isEmpty()) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        String id = Identifiers.next("evt_");
        event.put("id", id);
        event.put("object", "event");
        event.put("created_at", Instant.now().getEpochSecond());
        event.put("type", type);
        event.put("data", Map.of("id", jobId));
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (String url : urls) {
            executor.execute(loops.task("webhook " + id, () -> attempt(id, type, url, body, 1)));
        }
    }

    private void attempt(String id, String type, String url, String body, int attempt) {
        long timestamp = Instant.now().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", String.valueOf(timestamp))
                    .header("webhook-signature", new WebhookSigner(state.webhookSecret).sign(id, timestamp, body))
                    .header("user-agent", "OpenAI/1.0 (+https://platform.openai.com/docs/webhooks)")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        synchronized (deliveries) {
            deliveries.add(new WebhookDelivery(id, type, url, attempt, status, error, Instant.now().toEpochMilli()));
            if (deliveries.size() > MAX_DELIVERIES) {
                deliveries.subList(0, deliveries.size() - MAX_DELIVERIES).clear();
            }
        }
        boolean delivered = status != null && status >= 200 && status < 300;
        if (!delivered && attempt < config.webhooks().maxAttempts()) {
            long delay = (long) (config.webhooks().retryDelay().toMillis() * Math.pow(2, attempt - 1) * config.time().scale());
            LOG.debugf("webhook %s to %s failed (status %s, %s); retry %d in %d ms", id, url, status, error, attempt + 1, delay);
            executor.schedule(loops.task("webhook " + id, () -> attempt(id, type, url, body, attempt + 1)), Math.max(1, delay),
                    TimeUnit.MILLISECONDS);
        }
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
