package io.tuneforge.training.api;

import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.training.lifecycle.JobNotFound;
import io.tuneforge.training.lifecycle.JobConflict;
import io.tuneforge.training.lifecycle.ProviderRefusedControl;
import io.tuneforge.training.provider.ProviderException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** training-service's domain refusals as problem+json: the one place they become HTTP. */
public class TrainingExceptionMappers {

    @ServerExceptionMapper
    public Response jobNotFound(JobNotFound e, UriInfo uri) {
        return answer(ApiProblem.notFound("Job", e.jobId()), uri);
    }

    /** What the user asked cannot be done in the job's state; the wording names the command, whatever the refusal. */
    @ServerExceptionMapper
    public Response jobConflict(JobConflict e, UriInfo uri) {
        String state = e.state().wire();
        ApiProblem problem = switch (e.event()) {
            case CANCELLED -> ApiProblem.conflict("Job already " + state, "Job " + e.jobId() + " is " + state
                    + "; only unfinished jobs can be cancelled.");
            case PAUSED -> ApiProblem.conflict("Cannot pause a job that is " + state, "Job " + e.jobId() + " is " + state
                    + ": a job can be paused while it waits or while it runs (the provider pauses running jobs only).");
            default -> ApiProblem.conflict("Job is not paused", "Job " + e.jobId() + " is " + state + "; only paused jobs resume.");
        };
        return answer(problem, uri);
    }

    @ServerExceptionMapper
    public Response providerRefusedControl(ProviderRefusedControl e, UriInfo uri) {
        ProviderException cause = e.provider();
        return answer(ApiProblem.conflict("The provider refused to " + e.action() + " the job", "Provider job " + e.providerJobId()
                + " (account " + e.accountId() + ") answered " + cause.status() + ": " + cause.getMessage()
                + (cause.retryable() ? " — try again shortly." : "")), uri);
    }

    private static Response answer(ApiProblem problem, UriInfo uri) {
        return problem.problem().at(uri.getPath()).toResponse().build();
    }
}
