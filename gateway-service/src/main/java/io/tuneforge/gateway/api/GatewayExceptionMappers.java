package io.tuneforge.gateway.api;

import io.tuneforge.gateway.provider.OpenAiErrors;
import io.tuneforge.gateway.rollout.RolloutConflict;
import io.tuneforge.gateway.routing.ModelNotFound;
import io.tuneforge.gateway.rollout.RolloutMissing;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The gateway's own refusals: OpenAI-shaped on /v1, problem+json (as everywhere) for rollout conflicts on /api. */
public class GatewayExceptionMappers {

    @ServerExceptionMapper
    public Response openAiError(OpenAiError e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body());
        e.headers().forEach(response::header);
        return response.build();
    }

    /** Routing refuses a model the tenant may not use; only /v1 routes calls. */
    @ServerExceptionMapper
    public Response modelNotFound(ModelNotFound e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON)
                .entity(OpenAiErrors.body("invalid_request_error", "model", "model_not_found", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response rolloutConflict(RolloutConflict e, UriInfo uri) {
        return ApiProblem.conflict("Rollout conflict", e.getMessage() + ".").problem().at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response rolloutMissing(RolloutMissing e, UriInfo uri) {
        Problem problem = ApiProblem.notFound("Rollout", e.id()).problem();
        return problem.at(uri.getPath()).toResponse().build();
    }
}
