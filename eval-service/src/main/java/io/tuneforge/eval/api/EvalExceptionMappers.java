package io.tuneforge.eval.api;

import io.tuneforge.eval.domain.EvalNotFound;
import io.tuneforge.eval.review.InvalidVerdict;
import io.tuneforge.eval.review.NotReviewable;
import io.tuneforge.platform.problem.ApiProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** eval-service's domain refusals as problem+json, in one place: the domain says what went wrong, the edge says how. */
public class EvalExceptionMappers {

    @ServerExceptionMapper
    public Response notFound(EvalNotFound e, UriInfo uri) {
        return respond(ApiProblem.notFound(e.kind(), e.id()), uri);
    }

    @ServerExceptionMapper
    public Response invalidVerdict(InvalidVerdict e, UriInfo uri) {
        return respond(ApiProblem.badRequest(e.title(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response notReviewable(NotReviewable e, UriInfo uri) {
        return respond(ApiProblem.conflict(e.title(), e.getMessage()), uri);
    }

    private static Response respond(ApiProblem problem, UriInfo uri) {
        return problem.problem().at(uri.getPath()).toResponse().build();
    }
}
