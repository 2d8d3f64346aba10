package io.tuneforge.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.simulator.finetuning.Checkpoint;
import io.tuneforge.simulator.finetuning.SimulatedJob;
import io.tuneforge.simulator.finetuning.JobBoard;
import io.tuneforge.simulator.finetuning.JobEvent;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** /v1/fine_tuning/jobs and its sub-resources. */
@Path("/v1/fine_tuning/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class FineTuningResource {

    private final JobBoard jobs;
    private final CallerOrganization organization;

    public FineTuningResource(JobBoard jobs, CallerOrganization organization) {
        this.jobs = jobs;
        this.organization = organization;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SimulatedJob create(JsonNode body, @Context HttpHeaders headers) {
        return jobs.create(body, organization.of(headers));
    }

    @GET
    public ListPage<SimulatedJob> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit, @Context UriInfo uri,
                                     @Context HttpHeaders headers) {
        Map<String, String> metadata = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.startsWith("metadata[") && name.endsWith("]") && !values.isEmpty()) {
                metadata.put(name.substring("metadata[".length(), name.length() - 1), values.get(0));
            }
        });
        return ListPage.of(jobs.list(metadata, organization.of(headers)), SimulatedJob::id, after, limit, 20);
    }

    @GET
    @Path("/{id}")
    public SimulatedJob get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return jobs.get(id, organization.of(headers));
    }

    @POST
    @Path("/{id}/cancel")
    public SimulatedJob cancel(@PathParam("id") String id, @Context HttpHeaders headers) {
        return jobs.cancel(id, organization.of(headers));
    }

    @POST
    @Path("/{id}/pause")
    public SimulatedJob pause(@PathParam("id") String id, @Context HttpHeaders headers) {
        return jobs.pause(id, organization.of(headers));
    }

    @POST
    @Path("/{id}/resume")
    public SimulatedJob resume(@PathParam("id") String id, @Context HttpHeaders headers) {
        return jobs.resume(id, organization.of(headers));
    }

    @GET
    @Path("/{id}/events")
    public ListPage<JobEvent> events(@PathParam("id") String id, @QueryParam("after") String after, @QueryParam("limit") Integer limit,
                                    @Context HttpHeaders headers) {
        return ListPage.of(jobs.events(id, organization.of(headers)), JobEvent::id, after, limit, 20);
    }

    @GET
    @Path("/{id}/checkpoints")
    public ListPage<Checkpoint> checkpoints(@PathParam("id") String id, @QueryParam("after") String after,
                                            @QueryParam("limit") Integer limit, @Context HttpHeaders headers) {
        return ListPage.of(jobs.checkpoints(id, organization.of(headers)), Checkpoint::id, after, limit, 10);
    }
}
