package io.tuneforge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.simulator.azure.AzureClock;
import io.tuneforge.simulator.azure.AzureDeployments;
import io.tuneforge.simulator.faults.FaultPlan;
import io.tuneforge.simulator.faults.FaultSettings;
import io.tuneforge.simulator.finetuning.JobRunner;
import io.tuneforge.simulator.inference.FineTunedModels;
import io.tuneforge.simulator.limits.LimitPolicy;
import io.tuneforge.simulator.limits.LimitSettings;
import io.tuneforge.simulator.limits.RateLimiter;
import io.tuneforge.simulator.limits.UsageStats;
import io.tuneforge.simulator.storage.SimulatorState;
import io.tuneforge.simulator.webhooks.WebhookDelivery;
import io.tuneforge.simulator.webhooks.WebhookDispatcher;
import io.tuneforge.simulator.webhooks.WebhookEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;

/**
 * Knobs a test or demo turns at run time: faults, limits, webhook endpoints, and a reset. Not part of
 * OpenAI's API, hence outside /v1 and never subject to injected faults. PUT bodies may name only the
 * fields to change.
 */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final FaultPlan faults;
    private final LimitPolicy limits;
    private final RateLimiter limiter;
    private final WebhookDispatcher webhooks;
    private final SimulatorState state;
    private final JobRunner runner;
    private final FineTunedModels models;
    private final ObjectMapper json;
    private final UsageStats stats;
    private final AzureDeployments azureDeployments;
    private final AzureClock azureClock;

    public AdminResource(FaultPlan faults, LimitPolicy limits, RateLimiter limiter, WebhookDispatcher webhooks, SimulatorState state,
                         JobRunner runner, FineTunedModels models, ObjectMapper json, UsageStats stats, AzureDeployments azureDeployments,
                         AzureClock azureClock) {
        this.azureDeployments = azureDeployments;
        this.azureClock = azureClock;
        this.faults = faults;
        this.limits = limits;
        this.limiter = limiter;
        this.webhooks = webhooks;
        this.state = state;
        this.runner = runner;
        this.models = models;
        this.json = json;
        this.stats = stats;
    }

    @GET
    @Path("/faults")
    public FaultSettings faults() {
        return faults.current();
    }

    @PUT
    @Path("/faults")
    public FaultSettings setFaults(JsonNode changes) {
        faults.set(merge(faults.current(), changes, FaultSettings.class));
        return faults.current();
    }

    @DELETE
    @Path("/faults")
    public FaultSettings resetFaults() {
        faults.reset();
        return faults.current();
    }

    @GET
    @Path("/limits")
    public LimitSettings limits() {
        return limits.current();
    }

    @PUT
    @Path("/limits")
    public LimitSettings setLimits(JsonNode changes) {
        limits.set(merge(limits.current(), changes, LimitSettings.class));
        limiter.reset();
        return limits.current();
    }

    @DELETE
    @Path("/limits")
    public LimitSettings resetLimits() {
        limits.reset();
        limiter.reset();
        return limits.current();
    }

    public record WebhookView(String secret, List<String> urls, List<WebhookEndpoint> endpoints) {}

    @GET
    @Path("/webhooks")
    public WebhookView webhooks() {
        return new WebhookView(webhooks.secret(), webhooks.urls(), webhooks.endpoints());
    }

    /** {@code {"url": ..., "organization": optional}}: with an organization, only its jobs' events are sent there. */
    @POST
    @Path("/webhooks")
    public WebhookEndpoint addWebhook(JsonNode body) {
        String url = body == null ? null : body.path("url").asText(null);
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw OpenAiErrorException.invalid("Invalid 'url': an http(s) URL is required.", "url");
        }
        String organization = body.path("organization").asText(null);
        return webhooks.register(url, organization == null || organization.isBlank() ? null : organization);
    }

    @DELETE
    @Path("/webhooks/{id}")
    public Map<String, Object> removeWebhook(@PathParam("id") String id) {
        if (!webhooks.remove(id)) {
            throw OpenAiErrorException.notFound("No webhook endpoint '" + id + "'; GET /admin/webhooks lists them.", "id");
        }
        return Map.of("id", id, "deleted", true);
    }

    public record StatsView(Map<String, UsageStats.OrganizationUsage> organizations) {}

    /** Per organization since start or reset: jobs created, peak active jobs, Idempotency-Key replays of job creation. */
    @GET
    @Path("/stats")
    public StatsView stats() {
        return new StatsView(stats.snapshot());
    }

    public record AzureView(String mode, long clockOffsetMillis, int failNext, List<AzureDeployments.Removal> removals,
                            List<io.tuneforge.simulator.azure.Deployment> deployments) {}

    /** The Azure side: mode, deployments (every account), what Azure removed and why, the lifecycle clock's offset. */
    @GET
    @Path("/azure")
    public AzureView azure() {
        return new AzureView(azureDeployments.azureMode() ? "azure" : "openai", azureClock.offsetMillis(), azureDeployments.pendingFailures(),
                azureDeployments.removals(), List.copyOf(state.deployments.values()));
    }

    /** {@code {"fail_next": n}}: the next n deployments end Failed instead of Succeeded. */
    @PUT
    @Path("/azure")
    public AzureView setAzure(JsonNode body) {
        if (body == null || !body.path("fail_next").canConvertToInt()) {
            throw OpenAiErrorException.invalid("Expected {\"fail_next\": <number of deployments to fail>}.", "fail_next");
        }
        azureDeployments.failNext(body.get("fail_next").asInt());
        return azure();
    }

    /** {@code {"advance_seconds": n}}: moves the deployment lifecycle clock on (Developer tier expiry, inactivity), then applies it. */
    @POST
    @Path("/azure/clock")
    public AzureView advanceAzureClock(JsonNode body) {
        if (body == null || !body.path("advance_seconds").canConvertToLong() || body.get("advance_seconds").asLong() < 0) {
            throw OpenAiErrorException.invalid("Expected {\"advance_seconds\": <seconds, at least 0>}.", "advance_seconds");
        }
        azureClock.advance(java.time.Duration.ofSeconds(body.get("advance_seconds").asLong()));
        azureDeployments.sweep();
        return azure();
    }

    @GET
    @Path("/webhooks/deliveries")
    public List<WebhookDelivery> deliveries() {
        return webhooks.deliveries();
    }

    /** Forgets files, jobs, models, keys, endpoints, rate windows and stats; faults and limits go back to configuration. */
    @POST
    @Path("/reset")
    public Map<String, Object> reset() {
        state.clear();
        runner.forgetRuns();
        models.forget();
        limiter.reset();
        limits.reset();
        faults.reset();
        webhooks.clearDeliveries();
        stats.clear();
        azureDeployments.reset();
        return Map.of("reset", true);
    }

    private <T> T merge(T current, JsonNode changes, Class<T> type) {
        if (changes == null || !changes.isObject()) {
            throw OpenAiErrorException.invalid("Expected a JSON object with the fields to change.", null);
        }
        ObjectNode merged = json.valueToTree(current);
        merged.setAll((ObjectNode) changes);
        try {
            return json.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            throw OpenAiErrorException.invalid("Invalid settings: " + e.getOriginalMessage(), null);
        }
    }
}
