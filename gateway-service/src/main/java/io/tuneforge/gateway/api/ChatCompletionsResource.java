package io.tuneforge.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.gateway.calls.CallLedger;
import io.tuneforge.gateway.capture.ExchangeRecorder;
import io.tuneforge.gateway.calls.CallRecord;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.domain.FineTunedModel;
import io.tuneforge.gateway.provider.ChatUpstream;
import io.tuneforge.gateway.provider.OpenAiErrors;
import io.tuneforge.gateway.provider.TokenUsage;
import io.tuneforge.gateway.provider.UpstreamFailure;
import io.tuneforge.gateway.provider.UpstreamReply;
import io.tuneforge.gateway.limits.BudgetStops;
import io.tuneforge.gateway.limits.TenantRateLimits;
import io.tuneforge.gateway.routing.AliasRouter;
import io.tuneforge.gateway.routing.ModelAccess;
import io.tuneforge.gateway.routing.ModelNotFound;
import io.tuneforge.gateway.routing.Route;
import io.tuneforge.provider.ProviderAccountUnusable;
import io.tuneforge.provider.ProviderConnection;
import io.tuneforge.provider.ProviderConnections;
import io.tuneforge.provider.ProviderUnavailable;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAI-compatible face: an OpenAI SDK pointed at {@code <gateway>/v1} with a tuneforge key calls an
 * alias as its {@code model}. Each call is routed ({@link AliasRouter}), sent through openai-java on the
 * alias's provider account ({@link ChatUpstream}), answered as the provider answered (errors in OpenAI's
 * shape, with the provider's status), marked with which model and arm served it, and recorded
 * ({@link CallLedger}) for the rollout guards, usage and feedback.
 */
@Path("/v1")
@Tag(name = "openai-compatible")
@SecurityRequirement(name = "apiKey")
public class ChatCompletionsResource {

    static final String MODEL_HEADER = "x-tuneforge-model";
    static final String ARM_HEADER = "x-tuneforge-arm";
    static final String ALIAS_HEADER = "x-tuneforge-alias";
    static final String ROLLOUT_HEADER = "x-tuneforge-rollout";
    private static final int CLIENT_CLOSED = 499;

    @Inject
    GatewayCaller caller;

    @Inject
    AliasRouter router;

    @Inject
    ProviderConnections connections;

    @Inject
    ChatUpstream upstream;

    @Inject
    CallLedger ledger;

    @Inject
    ExchangeRecorder exchanges;

    @Inject
    ObjectMapper json;

    @Inject
    ModelAccess access;

    @Inject
    BudgetStops budgets;

    @Inject
    TenantRateLimits limits;

    @POST
    @Path("/chat/completions")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    @Operation(summary = "Create a chat completion (OpenAI-compatible)",
            description = "The OpenAI request body; 'model' is an alias of your tenant (routed to its stable model, or to a "
                    + "rollout's candidate for the current share; sticky per 'user') or a concrete model id, passed straight "
                    + "through. 'stream': true answers server-sent events. Headers x-tuneforge-model / x-tuneforge-arm "
                    + "(stable, candidate, direct) / x-tuneforge-alias / x-tuneforge-rollout say what served the call.")
    public Response complete(String body, @Context HttpHeaders headers) {
        String tenant = caller.tenant(headers);
        ObjectNode request = parse(body);
        String user = request.path("user").isTextual() ? request.path("user").asText() : null;
        Route route = router.route(tenant, request.path("model").asText(), user);
        budgets.stopping(tenant, route.pipelineId()).ifPresent(stop -> {
            throw new OpenAiError(429, "insufficient_quota", null, "budget_exceeded", (stop.pipelineId() == null
                    ? "Your tenant's monthly budget" : "The monthly budget of pipeline '" + stop.pipelineId() + "'")
                    + " is exhausted (" + stop.spentUsd() + " of " + stop.limitUsd() + " USD spent in " + stop.month()
                    + ") and stops spending. Raise the limit or turn off its hard stop in cost-service (/api/v1/budgets), "
                    + "or wait for the next month.");
        });
        TenantRateLimits.Admission admission = limits.admit(tenant);
        if (!admission.admitted()) {
            throw new OpenAiError(429, admission.refusedBy(), null, "rate_limit_exceeded", "Rate limit reached for your tenant on "
                    + admission.refusedBy() + " per minute (RPM/TPM): limit " + admission.limit() + ". Retry after the "
                    + "retry-after header's seconds.", admission.headers());
        }
        request.put("model", route.model());
        boolean stream = request.path("stream").asBoolean(false);
        long started = System.nanoTime();
        ProviderConnection connection;
        try {
            connection = connections.connection(tenant, route.accountId());
        } catch (ProviderAccountUnusable e) {
            return failed(tenant, route, started, stream, new UpstreamFailure(503, OpenAiErrors.body("server_error", null,
                    "provider_account_unusable", "Alias '" + route.alias() + "' names a provider account that cannot be used: "
                            + e.getMessage() + ". Fix the alias's account_id (PUT /api/v1/aliases/" + route.alias() + ")."), Map.of(), false));
        } catch (ProviderUnavailable e) {
            return failed(tenant, route, started, stream, new UpstreamFailure(503, OpenAiErrors.body("server_error", null,
                    "provider_account_unavailable", "The provider account could not be looked up right now; retry shortly."),
                    Map.of("retry-after", "1"), false));
        }
        if (connection.fallback() && !access.fallbackAllows(tenant, route.model(), route.ownership())) {
            // The operator's key serves only what an admin granted this tenant; unknown and not granted look alike.
            throw new ModelNotFound(route.model());
        }
        return stream ? stream(tenant, route, connection, request, started) : once(tenant, route, connection, request, started);
    }

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "The tenant's aliases and fine-tuned models as OpenAI models (OpenAI-compatible list)",
            description = "Aliases first (with stable_model), then the fine-tuned models the tenant's jobs produced "
                    + "(job.succeeded; with base_model, job_id, provider_account_id), oldest first.")
    public Response models(@Context HttpHeaders headers) {
        String tenant = caller.tenant(headers);
        ObjectNode list = json.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (Alias alias : Alias.<Alias>list("tenantId = ?1 order by name", tenant)) {
            data.add(modelObject(alias, tenant));
        }
        for (FineTunedModel model : FineTunedModel.ofTenant(tenant)) {
            data.add(modelObject(model, tenant));
        }
        return Response.ok(list.toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/models/{model}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "One alias or fine-tuned model of the tenant (OpenAI-compatible retrieve)",
            description = "404 in OpenAI's error shape (model_not_found) for anything else.")
    public Response model(@Context HttpHeaders headers, @PathParam("model") String id) {
        String tenant = caller.tenant(headers);
        Optional<ObjectNode> found = Alias.of(tenant, id).map(a -> modelObject(a, tenant))
                .or(() -> FineTunedModel.of(tenant, id).map(m -> modelObject(m, tenant)));
        return Response.ok(found.orElseThrow(() -> new OpenAiError(404, "invalid_request_error", "model", "model_not_found",
                "The model '" + id + "' does not exist: it is neither an alias of your tenant nor a model your "
                        + "fine-tuning jobs produced (GET /v1/models lists them).")).toString(), MediaType.APPLICATION_JSON).build();
    }

    private ObjectNode modelObject(Alias alias, String tenant) {
        return json.createObjectNode().put("id", alias.name).put("object", "model").put("created", alias.createdAt.getEpochSecond())
                .put("owned_by", tenant).put("stable_model", alias.stableModel);
    }

    private ObjectNode modelObject(FineTunedModel model, String tenant) {
        return json.createObjectNode().put("id", model.modelId).put("object", "model")
                .put("created", model.createdAt.getEpochSecond()).put("owned_by", tenant).put("base_model", model.baseModel)
                .put("job_id", model.jobId).put("provider_account_id", model.providerAccountId);
    }

    private Response once(String tenant, Route route, ProviderConnection connection, ObjectNode request, long started) {
        UpstreamReply reply;
        try {
            reply = upstream.complete(connection, request, route.captures());
        } catch (UpstreamFailure e) {
            return failed(tenant, route, started, false, e);
        }
        long latency = elapsed(started);
        String captureSkipped = capture(tenant, route, reply, request);
        ledger.record(new CallRecord(tenant, route, reply.completionId(), 200, false, latency, reply.usage(), false, captureSkipped));
        limits.spent(tenant, reply.usage().promptTokens() + reply.usage().completionTokens());
        Response.ResponseBuilder response = Response.ok(reply.json(), MediaType.APPLICATION_JSON);
        reply.headers().forEach(response::header);
        return served(response, route).build();
    }

    private Response stream(String tenant, Route route, ProviderConnection connection, ObjectNode request, long started) {
        // The gateway always asks for the final usage chunk (usage must be booked), and passes it on only if the caller asked.
        boolean callerWantsUsage = request.path("stream_options").path("include_usage").asBoolean(false);
        ObjectNode options = request.has("stream_options") && request.get("stream_options").isObject()
                ? (ObjectNode) request.get("stream_options") : request.putObject("stream_options");
        options.put("include_usage", true);
        ChatUpstream.OpenStream open;
        try {
            open = upstream.stream(connection, request);
        } catch (UpstreamFailure e) {
            return failed(tenant, route, started, true, e);
        }
        StreamingOutput body = out -> {
            try (open) {
                UpstreamReply reply = open.pipeTo(chunk -> send(out, chunk), callerWantsUsage, route.captures());
                send(out, "[DONE]");
                long latency = elapsed(started);
                String captureSkipped = capture(tenant, route, reply, request);
                ledger.record(new CallRecord(tenant, route, reply.completionId(), 200, false, latency, reply.usage(), true, captureSkipped));
                limits.spent(tenant, reply.usage().promptTokens() + reply.usage().completionTokens());
            } catch (UpstreamFailure e) {
                // Headers are sent: the break-off goes to the caller as a last event in OpenAI's error shape.
                ledger.record(new CallRecord(tenant, route, null, e.status(), e.countsAsFailure(), elapsed(started), TokenUsage.NONE, true,
                        null));
                send(out, e.body());
            } catch (UncheckedIOException e) {
                // The caller went away mid-stream: recorded as nginx's 499, not the model's failure.
                ledger.record(new CallRecord(tenant, route, null, CLIENT_CLOSED, false, elapsed(started), TokenUsage.NONE, true, null));
            }
        };
        Response.ResponseBuilder response = Response.ok(body, "text/event-stream").header("cache-control", "no-cache");
        open.headers().forEach(response::header);
        return served(response, route).build();
    }

    private Response failed(String tenant, Route route, long started, boolean streamed, UpstreamFailure failure) {
        ledger.record(new CallRecord(tenant, route, null, failure.status(), failure.countsAsFailure(), elapsed(started), TokenUsage.NONE,
                streamed, null));
        Response.ResponseBuilder response = Response.status(failure.status()).type(MediaType.APPLICATION_JSON).entity(failure.body());
        failure.headers().forEach(response::header);
        return served(response, route).build();
    }

    /**
     * Keeps the exchange when the alias captures (never for a direct call or a failed one: only successful
     * answers get here). The latency is taken before, so the guards judge the model, not the capture.
     *
     * @return why a capturing alias's exchange was not kept, or null
     */
    private String capture(String tenant, Route route, UpstreamReply reply, ObjectNode request) {
        return route.captures() ? exchanges.record(tenant, route, reply.completionId(), request, reply.message()) : null;
    }

    private static Response.ResponseBuilder served(Response.ResponseBuilder response, Route route) {
        response.header(MODEL_HEADER, route.model()).header(ARM_HEADER, route.arm().wire());
        if (route.alias() != null) {
            response.header(ALIAS_HEADER, route.alias());
        }
        if (route.rolloutId() != null) {
            response.header(ROLLOUT_HEADER, route.rolloutId());
        }
        return response;
    }

    private ObjectNode parse(String body) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            // Line and column only: Jackson's own wording names parser settings and echoes the body.
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw invalid(null, "We could not parse the JSON body of your request" + where + ". The gateway expects a JSON "
                    + "object: the OpenAI chat completion request.");
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(null, "The request body must be a JSON object (the OpenAI chat completion request).");
        }
        if (!tree.path("model").isTextual() || tree.path("model").asText().isBlank()) {
            throw invalid("model", "You must provide a model parameter: an alias of your tenant (GET /v1/models) or a model id.");
        }
        return (ObjectNode) tree;
    }

    private static OpenAiError invalid(String param, String message) {
        return new OpenAiError(400, "invalid_request_error", param, null, message);
    }

    private static void send(OutputStream out, String data) {
        try {
            out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the caller went away mid-stream", e);
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
