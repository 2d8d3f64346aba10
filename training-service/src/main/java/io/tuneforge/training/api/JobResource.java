package io.tuneforge.training.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.JobState;
import io.tuneforge.training.monitoring.JobTimeline;
import io.tuneforge.training.monitoring.MetricPoint;
import io.tuneforge.training.lifecycle.JobControls;
import io.tuneforge.training.submission.JobOrder;
import io.tuneforge.training.submission.JobSubmissions;
import io.tuneforge.training.submission.Submission;
import io.tuneforge.training.submission.SubmissionKeys;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "fine-tuning jobs")
@SecurityRequirement(name = "apiKey")
public class JobResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    JobSubmissions submissions;

    @Inject
    JobControls controls;

    @Inject
    JobTimeline timeline;

    @Inject
    SubmissionKeys keys;

    @Inject
    ObjectMapper json;

    /** As OpenAI's: any printable ASCII up to 255 characters. */
    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,255}");

    @POST
    @Transactional
    @Operation(summary = "Create a fine-tuning job from a validated dataset version; it is queued for a provider slot",
            description = "With an Idempotency-Key header the same key and body from the same tenant within "
                    + "tuneforge.training.jobs.idempotency-retention (24 h) answer the first request's status and body again "
                    + "(Idempotent-Replayed: true) instead of creating a second job; the same key with another body is a 422.")
    @APIResponse(responseCode = "201", description = "The job, queued (or the first answer again for a repeated Idempotency-Key)")
    @APIResponse(responseCode = "422", description = "Invalid request, or an Idempotency-Key already used with another body")
    public Response create(JobRequest request,
                           @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = "1-255 printable ASCII "
                                   + "characters; a retried request with the same key gets the job the first one created")
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey == null) {
            FineTuneJob job = submit(request);
            return Response.created(URI.create("/api/v1/jobs/" + job.id)).entity(JobView.of(job, json)).build();
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiProblem.invalid("The Idempotency-Key header is invalid.", List.of(new Problem.FieldError("Idempotency-Key",
                    "must be 1 to 255 printable ASCII characters without spaces, e.g. a UUID")));
        }
        SubmissionKeys.Claim claim = keys.claim(tenant.id(), idempotencyKey, requestHash(request));
        if (claim instanceof SubmissionKeys.Claim.Replay replay) {
            return Response.status(replay.status()).location(URI.create("/api/v1/jobs/" + replay.jobId()))
                    .header("Idempotent-Replayed", "true").type(MediaType.APPLICATION_JSON).entity(replay.body()).build();
        }
        if (claim instanceof SubmissionKeys.Claim.Mismatch) {
            throw new ApiProblem(ApiProblem.unprocessable("Idempotency-Key reused",
                    "This Idempotency-Key was used with another request.").problem().withErrors(List.of(new Problem.FieldError(
                    "Idempotency-Key", "was sent before with a different body; use a new key for a new job, or send the "
                            + "original body again to get its job"))));
        }
        FineTuneJob job = submit(request);
        String body;
        try {
            body = json.writeValueAsString(JobView.of(job, json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job " + job.id + " cannot be written as JSON", e);
        }
        keys.record(tenant.id(), idempotencyKey, job.id, 201, body);
        return Response.created(URI.create("/api/v1/jobs/" + job.id)).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** The request as the key binds it: its JSON with map keys sorted, so a reordered body is the same request. */
    private FineTuneJob submit(JobRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest("Missing body", "Send {dataset_version_id | dataset_id + version, base_model, ...} as JSON.");
        }
        Submission submission = submissions.submit(JobOrder.forTenant(tenant.id()).dataset(r.datasetId(), r.version())
                .datasetVersion(r.datasetVersionId()).baseModel(r.baseModel()).method(r.method()).hyperparameters(r.hyperparameters())
                .suffix(r.suffix()).seed(r.seed()).metadata(r.metadata()).priority(r.priority()).account(r.accountId())
                .modelName(r.modelName()).build());
        if (submission instanceof Submission.Rejected rejected) {
            throw ApiProblem.invalid("The job cannot be created as asked.",
                    rejected.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
        }
        return ((Submission.Accepted) submission).job();
    }

    private String requestHash(JobRequest request) {
        try {
            byte[] canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsBytes(request);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a job request", e);
        }
    }

    @GET
    @Transactional
    @Operation(summary = "The tenant's jobs, newest first, optionally filtered")
    public Page<JobView> list(@Valid @BeanParam PageRequest page, @QueryParam("state") String state,
                              @QueryParam("dataset_id") String datasetId, @QueryParam("account_id") String accountId,
                              @QueryParam("model_name") String modelName, @QueryParam("pipeline_id") String pipelineId) {
        StringBuilder query = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant.id());
        if (state != null) {
            try {
                params.put("state", JobState.ofWire(state));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("Unknown state", "state must be one of waiting_for_budget, waiting_for_slot, uploading, "
                        + "validating_files, queued, running, paused, succeeded, failed, cancelled; got '" + state + "'");
            }
            query.append(" and state = :state");
        }
        if (datasetId != null) {
            query.append(" and datasetId = :dataset");
            params.put("dataset", datasetId);
        }
        if (accountId != null) {
            query.append(" and accountId = :account");
            params.put("account", accountId);
        }
        if (modelName != null) {
            query.append(" and modelName = :model");
            params.put("model", modelName);
        }
        if (pipelineId != null) {
            query.append(" and pipelineId = :pipeline");
            params.put("pipeline", pipelineId);
        }
        if (page.after != null) {
            query.append(" and id < :after");
            params.put("after", page.after);
        }
        List<FineTuneJob> rows = FineTuneJob.find(query + " order by id desc", params).page(0, page.limit + 1).list();
        return Page.fromOverfetched(rows, page.limit, j -> j.id, j -> JobView.of(j, json));
    }

    @GET
    @Path("/{id}")
    @Transactional
    public JobView get(@PathParam("id") String id) {
        return JobView.of(find(id), json);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a job; one already on the provider is cancelled there by the scheduler (cancel_requested)")
    public Response cancel(@PathParam("id") String id) {
        FineTuneJob job = controls.cancel(tenant.id(), id);
        return Response.status(job.state == JobState.CANCELLED ? 200 : 202).entity(JobView.of(job, json)).build();
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.WILDCARD)
    public JobView pause(@PathParam("id") String id) {
        return JobView.of(controls.pause(tenant.id(), id), json);
    }

    @POST
    @Path("/{id}/resume")
    @Consumes(MediaType.WILDCARD)
    public JobView resume(@PathParam("id") String id) {
        return JobView.of(controls.resume(tenant.id(), id), json);
    }

    @GET
    @Path("/{id}/events")
    @Operation(summary = "The provider's events for the job and tuneforge's advisories, oldest first")
    public List<JobTimeline.StoredEvent> events(@PathParam("id") String id) {
        find(id);
        return timeline.events(id);
    }

    @GET
    @Path("/{id}/checkpoints")
    public List<JobTimeline.StoredCheckpoint> checkpoints(@PathParam("id") String id) {
        find(id);
        return timeline.checkpoints(id);
    }

    public record Metrics(String jobId, List<MetricPoint> steps, List<Double> trainLoss, List<Double> validLoss) {
    }

    @GET
    @Path("/{id}/metrics")
    @Operation(summary = "Per-step metrics (the loss curves)")
    public Metrics metrics(@PathParam("id") String id) {
        find(id);
        List<MetricPoint> points = timeline.metrics(id);
        List<Double> train = new ArrayList<>();
        List<Double> valid = new ArrayList<>();
        points.forEach(p -> {
            train.add(p.trainLoss());
            valid.add(p.fullValidLoss() != null ? p.fullValidLoss() : p.validLoss());
        });
        return new Metrics(id, points, train, valid);
    }

    private FineTuneJob find(String id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() ->
                FineTuneJob.ofTenant(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Job", id)));
    }
}
