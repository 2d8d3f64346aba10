package io.tuneforge.training.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.Hyperparameters;
import io.tuneforge.training.domain.Pipeline;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.domain.TrainingData;
import io.tuneforge.events.eval.EvaluationTask;
import io.tuneforge.events.eval.GateThresholds;
import io.tuneforge.training.pipeline.CronSchedule;
import io.tuneforge.training.pipeline.PipelineRunner;
import io.tuneforge.training.registry.EvaluationPolicy;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Training pipelines: a named recipe, run by hand or automatically on each new validated dataset version. */
@Path("/api/v1/pipelines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipelines")
@SecurityRequirement(name = "apiKey")
public class PipelineResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    ObjectMapper json;

    @Inject
    PipelineRunner runner;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    EvaluationPolicy evaluations;

    static final double DEFAULT_QUALITY_DROP = 0.05;

    /**
     * Durations as ISO-8601 ({@code PT30S}); on PATCH absent fields keep their value ({@code schedule: ""} removes the
     * schedule). {@code gates} are eval-service's thresholds (events' GateThresholds).
     */
    public record PipelineRequest(String name, String datasetId, String baseModel, String method, Hyperparameters hyperparameters,
                                  String accountId, String modelName, Boolean autoTrain, Duration debounce, Duration minInterval,
                                  Boolean evaluate, GateThresholds gates, Boolean autoPromote, String schedule,
                                  Double qualityDropThreshold, EvaluationTask evaluationTask) {
    }

    public record PipelineView(String id, String name, String datasetId, String baseModel, String method, JsonNode hyperparameters,
                               String accountId, String modelName, boolean autoTrain, Duration debounce, Duration minInterval,
                               boolean evaluate, GateThresholds gates, boolean autoPromote, String schedule, Instant nextRunAt,
                               double qualityDropThreshold, String pendingVersionId, String pendingReason, Instant pendingSince,
                               Instant lastRunAt, String lastJobId, Instant createdAt, EvaluationTask evaluationTask) {
    }

    public record RunView(String id, String reason, String detail, String datasetVersionId, String jobId, Instant createdAt) {
    }

    @POST
    @Transactional
    public Response create(PipelineRequest r) {
        if (r == null) {
            throw ApiProblem.badRequest("Missing body", "Send {name, dataset_id, base_model, account_id, ...} as JSON.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new Problem.FieldError("name", "is required"));
        }
        if (r.datasetId() == null) {
            errors.add(new Problem.FieldError("dataset_id", "is required"));
        }
        if (r.baseModel() == null) {
            errors.add(new Problem.FieldError("base_model", "is required"));
        }
        if (r.accountId() == null) {
            errors.add(new Problem.FieldError("account_id", "is required"));
        }
        validate(r, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The pipeline is incomplete or invalid.", errors);
        }
        if (Pipeline.count("tenantId = ?1 and name = ?2", tenant.id(), r.name()) > 0) {
            throw ApiProblem.conflict("Pipeline name taken", "A pipeline named '" + r.name() + "' exists; PATCH it or choose another name.");
        }
        Instant now = clock.instant();
        Pipeline p = new Pipeline();
        p.id = EntityIds.next("pipe");
        p.tenantId = tenant.id();
        p.name = r.name();
        p.method = "supervised";
        p.hyperparameters = "{}";
        p.modelName = r.name();
        p.autoTrain = true;
        p.debounceMs = Duration.ofSeconds(30).toMillis();
        p.minIntervalMs = Duration.ofHours(1).toMillis();
        p.qualityDropThreshold = DEFAULT_QUALITY_DROP;
        p.createdAt = now;
        apply(p, r);
        p.persist();
        return Response.created(URI.create("/api/v1/pipelines/" + p.id)).entity(view(p)).build();
    }

    @GET
    @Transactional
    public List<PipelineView> list() {
        return Pipeline.<Pipeline>list("tenantId = ?1 order by name", tenant.id()).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public PipelineView get(@PathParam("id") String id) {
        return view(find(id));
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public PipelineView update(@PathParam("id") String id, PipelineRequest r) {
        Pipeline p = find(id);
        if (r != null) {
            List<Problem.FieldError> errors = new ArrayList<>();
            validate(r, errors);
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid("The change is invalid.", errors);
            }
            apply(p, r);
        }
        return view(p);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") String id) {
        Pipeline p = find(id);
        em.createNativeQuery("delete from pipeline_run where pipeline_id = ?1").setParameter(1, p.id).executeUpdate();
        p.delete();
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/runs")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(summary = "Run the pipeline now on the latest validated version of its dataset")
    public Response run(@PathParam("id") String id) {
        Pipeline p = find(id);
        TrainingData latest = TrainingData.find("tenantId = ?1 and datasetId = ?2 order by version desc", p.tenantId, p.datasetId)
                .firstResult();
        if (latest == null) {
            throw ApiProblem.conflict("Nothing to train on", "Dataset " + p.datasetId + " has no validated version yet.");
        }
        FineTuneJob job = runner.start(p, latest.versionId, "manual", null);
        if (job == null) {
            throw ApiProblem.unprocessable("Run refused", "Version " + latest.versionId + " cannot be trained with this recipe; "
                    + "see the service log, or create the job directly to get the field errors.");
        }
        return Response.status(201).entity(new RunView(null, "manual", null, latest.versionId, job.id, clock.instant())).build();
    }

    @GET
    @Path("/{id}/runs")
    @Transactional
    @SuppressWarnings("unchecked")
    public List<RunView> runs(@PathParam("id") String id) {
        Pipeline p = find(id);
        List<Object[]> rows = em.createNativeQuery("select id, reason, detail, dataset_version_id, job_id, created_at from pipeline_run "
                + "where pipeline_id = ?1 order by created_at desc").setParameter(1, p.id).getResultList();
        return rows.stream().map(r -> new RunView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                r[5] instanceof Timestamp t ? t.toInstant() : r[5] instanceof Instant i ? i
                        : r[5] instanceof java.time.OffsetDateTime o ? o.toInstant() : null)).toList();
    }

    private void apply(Pipeline p, PipelineRequest r) {
        if (r.name() != null) {
            p.name = r.name();
        }
        if (r.datasetId() != null) {
            p.datasetId = r.datasetId();
        }
        if (r.baseModel() != null) {
            p.baseModel = r.baseModel();
        }
        if (r.method() != null) {
            p.method = r.method();
        }
        if (r.hyperparameters() != null) {
            try {
                p.hyperparameters = json.writeValueAsString(r.hyperparameters());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (r.accountId() != null) {
            if (ProviderAccount.ofTenant(tenant.id(), r.accountId()).isEmpty()) {
                throw ApiProblem.invalid("Unknown account.", List.of(new Problem.FieldError("account_id",
                        "no account '" + r.accountId() + "'; GET /api/v1/accounts lists yours")));
            }
            p.accountId = r.accountId();
        }
        if (r.modelName() != null) {
            p.modelName = r.modelName();
        }
        if (r.autoTrain() != null) {
            p.autoTrain = r.autoTrain();
        }
        if (r.debounce() != null) {
            p.debounceMs = r.debounce().toMillis();
        }
        if (r.minInterval() != null) {
            p.minIntervalMs = r.minInterval().toMillis();
        }
        if (r.evaluate() != null) {
            p.evaluate = r.evaluate();
        }
        if (r.gates() != null) {
            try {
                p.gates = json.writeValueAsString(r.gates());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (r.evaluationTask() != null) {
            try {
                p.evaluationTask = json.writeValueAsString(r.evaluationTask());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (r.autoPromote() != null) {
            p.autoPromote = r.autoPromote();
        }
        if (r.schedule() != null) {
            p.schedule = r.schedule().isBlank() ? null : r.schedule().trim();
            p.nextRunAt = p.schedule == null ? null : CronSchedule.nextAfter(p.schedule, clock.instant()).orElse(null);
        }
        if (r.qualityDropThreshold() != null) {
            p.qualityDropThreshold = r.qualityDropThreshold();
        }
        p.updatedAt = clock.instant();
    }

    private static void validate(PipelineRequest r, List<Problem.FieldError> errors) {
        if (r.method() != null && !List.of("supervised", "dpo").contains(r.method())) {
            errors.add(new Problem.FieldError("method", "must be 'supervised' or 'dpo'"));
        }
        if (r.hyperparameters() != null) {
            for (String problem : r.hyperparameters().problems(r.method() == null ? "supervised" : r.method())) {
                int colon = problem.indexOf(':');
                errors.add(new Problem.FieldError(problem.substring(0, colon), problem.substring(colon + 2)));
            }
        }
        if (r.debounce() != null && (r.debounce().isNegative() || r.debounce().compareTo(Duration.ofDays(7)) > 0)) {
            errors.add(new Problem.FieldError("debounce", "must be from PT0S to P7D"));
        }
        if (r.minInterval() != null && (r.minInterval().isNegative() || r.minInterval().compareTo(Duration.ofDays(90)) > 0)) {
            errors.add(new Problem.FieldError("min_interval", "must be from PT0S to P90D"));
        }
        if (r.schedule() != null && !r.schedule().isBlank()) {
            String problem = CronSchedule.problem(r.schedule());
            if (problem != null) {
                errors.add(new Problem.FieldError("schedule", "must be a Unix cron expression of 5 fields (minute hour day-of-month "
                        + "month day-of-week, UTC), e.g. '0 3 * * 1' for Mondays at 03:00: " + problem));
            }
        }
        if (r.qualityDropThreshold() != null && (r.qualityDropThreshold() < 0 || r.qualityDropThreshold() > 1)) {
            errors.add(new Problem.FieldError("quality_drop_threshold", "must be from 0 to 1 (accuracy points, e.g. 0.05)"));
        }
        if (r.evaluationTask() != null) {
            validate(r.evaluationTask(), errors);
        }
    }

    /** Refused here rather than by eval-service hours later, when the pipeline's first model is evaluated. */
    private static void validate(EvaluationTask task, List<Problem.FieldError> errors) {
        if (task.kind() != null && !List.of("exact", "classification", "generation").contains(task.kind())) {
            errors.add(new Problem.FieldError("evaluation_task.kind", "must be exact, classification or generation"));
        }
        String format = task.format() == null ? "none" : task.format();
        if (!List.of("none", "json", "json_schema", "regex").contains(format)) {
            errors.add(new Problem.FieldError("evaluation_task.format", "must be none, json, json_schema or regex"));
        }
        if (format.equals("json_schema") && (task.schema() == null || task.schema().isEmpty())) {
            errors.add(new Problem.FieldError("evaluation_task.schema", "is required with format json_schema: the JSON Schema "
                    + "every answer must satisfy"));
        }
        if (format.equals("regex")) {
            if (task.regex() == null || task.regex().isBlank()) {
                errors.add(new Problem.FieldError("evaluation_task.regex", "is required with format regex"));
            } else {
                try {
                    java.util.regex.Pattern.compile(task.regex());
                } catch (java.util.regex.PatternSyntaxException e) {
                    errors.add(new Problem.FieldError("evaluation_task.regex", "is not a valid regular expression: " + e.getDescription()));
                }
            }
        }
    }

    private Pipeline find(String id) {
        return Pipeline.ofTenant(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Pipeline", id));
    }

    private PipelineView view(Pipeline p) {
        try {
            return new PipelineView(p.id, p.name, p.datasetId, p.baseModel, p.method, json.readTree(p.hyperparameters), p.accountId,
                    p.modelName, p.autoTrain, Duration.ofMillis(p.debounceMs), Duration.ofMillis(p.minIntervalMs), p.evaluate,
                    evaluations.gates(p), p.autoPromote, p.schedule, p.nextRunAt, p.qualityDropThreshold, p.pendingVersionId,
                    p.pendingVersionId == null ? null : p.pendingTrigger(), p.pendingSince, p.lastRunAt, p.lastJobId, p.createdAt,
                    evaluations.task(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
