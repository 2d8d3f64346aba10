package io.tuneforge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.simulator.azure.AzureDeployments;
import io.tuneforge.simulator.faults.Fault;
import io.tuneforge.simulator.faults.FaultKind;
import io.tuneforge.simulator.faults.FaultPlan;
import io.tuneforge.simulator.inference.ChatCompletions;
import io.tuneforge.simulator.inference.ChatOutcome;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** /v1/chat/completions, plain or streamed as server-sent events ending with "data: [DONE]". */
@Path("/v1/chat/completions")
public class ChatResource {

    private final ChatCompletions completions;
    private final CallerOrganization organization;
    private final FaultPlan faults;
    private final AzureDeployments deployments;

    public ChatResource(ChatCompletions completions, CallerOrganization organization, FaultPlan faults, AzureDeployments deployments) {
        this.deployments = deployments;
        this.completions = completions;
        this.organization = organization;
        this.faults = faults;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, "text/event-stream"})
    public Response complete(JsonNode body, @Context HttpHeaders headers) {
        String deployment = headers.getHeaderString(AzureRoutes.DEPLOYMENT_HEADER);
        if (deployment == null && "true".equals(headers.getHeaderString(AzureRoutes.UNIFIED_HEADER)) && body != null
                && body.hasNonNull("model")) {
            deployment = body.get("model").asText();
        }
        // An Azure call names a deployment; the model behind it answers (DeploymentNotFound when there is none).
        String model = deployment == null ? null : deployments.modelFor(deployment);
        applyModelFault(model != null ? model : body == null ? null : body.path("model").asText(null));
        ChatOutcome outcome = completions.complete(body, organization.of(headers), model);
        Response.ResponseBuilder response;
        if (outcome.streamed()) {
            StreamingOutput stream = out -> {
                for (String chunk : outcome.chunks()) {
                    out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            };
            response = Response.ok(stream, "text/event-stream").header("cache-control", "no-cache");
        } else {
            response = Response.ok(outcome.completion(), MediaType.APPLICATION_JSON);
        }
        outcome.headers().forEach(response::header);
        return response.build();
    }

    /** Per-model faults (PUT /admin/faults {"models": ...}): known only once the body names the model. */
    private void applyModelFault(String model) {
        Optional<Fault> fault = faults.forModel(model);
        if (fault.isEmpty()) {
            return;
        }
        if (fault.get().delayMillis() > 0) {
            try {
                Thread.sleep(fault.get().delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.get().kind() == FaultKind.ERROR) {
            throw new OpenAiErrorException(500, "server_error", "The server had an error while processing your request. Sorry about that!",
                    null, null, Map.of());
        }
    }
}
