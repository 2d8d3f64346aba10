package io.tuneforge.eval.api;

import java.util.Locale;

import io.tuneforge.platform.json.JsonColumns;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.EvalTask;
import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.JudgeSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.domain.TestSet;
import io.tuneforge.eval.domain.EvalNotFound;
import io.tuneforge.eval.run.NewRun;
import io.tuneforge.eval.run.RunLifecycle;
import io.tuneforge.eval.report.EvalReport;
import io.tuneforge.eval.report.MarkdownReport;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/evals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evals")
@SecurityRequirement(name = "apiKey")
public class EvalResource {

    static final String MARKDOWN = "text/markdown";

    @Inject
    CurrentTenant tenant;

    @Inject
    RunLifecycle lifecycle;

    @Inject
    JsonColumns columns;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Start an evaluation",
            description = "Queues a run of the given models over a dataset version's held-out split. Without a candidate, "
                    + "a baseline-only run answers 'is prompting enough?'.")
    public Response create(@Valid @NotNull EvalRequest request) {
        TestSet testSet = testSet(request);
        EvalSpec spec = new RunSpecification(request).spec();
        EvalRun run = lifecycle.queue(new NewRun(tenant.id(), testSet.datasetId, testSet.versionId, testSet, spec,
                request.providerAccount(), null, null));
        return Response.created(URI.create("/api/v1/evals/" + run.id)).entity(EvalView.of(run, spec)).build();
    }

    @GET
    @Operation(summary = "The tenant's evaluations, newest first")
    public Page<EvalView> list(@BeanParam @Valid PageRequest page, @QueryParam("dataset_id") String datasetId,
                               @QueryParam("job_id") String jobId) {
        List<EvalRun> rows = EvalRun.page(tenant.id(), datasetId, jobId, page.after, page.limit);
        return Page.fromOverfetched(rows, page.limit, r -> r.id, r -> EvalView.of(r, columns.read(r.spec, EvalSpec.class)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One evaluation")
    public EvalView get(@PathParam("id") String id) {
        EvalRun run = find(id);
        return EvalView.of(run, columns.read(run.spec, EvalSpec.class));
    }

    @GET
    @Path("/{id}/report")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN})
    @Operation(summary = "The report of a completed evaluation",
            description = "JSON by default; ?format=markdown for the table, gates and failures for people.")
    public Response report(@PathParam("id") String id, @QueryParam("format") String format) {
        EvalRun run = find(id);
        if (run.report == null) {
            throw ApiProblem.conflict("Report not ready", "Evaluation " + id + " is " + run.state
                    + (run.failure != null ? " (" + run.failure + ")" : "") + "; a report exists once it is completed.");
        }
        if ("markdown".equalsIgnoreCase(format)) {
            return Response.ok(MarkdownReport.render(columns.read(run.report, EvalReport.class)), MARKDOWN + "; charset=utf-8").build();
        }
        return Response.ok(run.report, MediaType.APPLICATION_JSON).build();
    }

    private EvalRun find(String id) {
        return EvalRun.ofTenant(tenant.id(), id).orElseThrow(() -> new EvalNotFound("evaluation", id));
    }

    private TestSet testSet(EvalRequest request) {
        Optional<TestSet> found = TestSet.ofTenant(tenant.id(), request.datasetId()).stream()
                .filter(t -> request.versionId() != null ? t.versionId.equals(request.versionId())
                        : request.datasetVersion() == null || t.version == request.datasetVersion())
                .reduce((first, later) -> later);
        return found.orElseThrow(() -> ApiProblem.unprocessable("No held-out test set",
                "Dataset " + request.datasetId() + (request.datasetVersion() != null ? " version " + request.datasetVersion() : "")
                        + " has no validated version with a non-empty test split. Upload a version with enough examples "
                        + "for a held-out split, and check GET /api/v1/test-sets."));
    }



    /** Checks a request and turns it into the stored spec, with every error a user can act on. */
    record RunSpecification(EvalRequest request) {

        EvalSpec spec() {
            List<ModelUnderTest> models = request.models();
            for (ModelUnderTest m : models) {
                if (m == null || m.role() == null || m.model() == null || m.model().isBlank()) {
                    throw ApiProblem.badRequest("Invalid model", "every entry of 'models' needs a 'role' "
                            + "(candidate, baseline or production) and a 'model'");
                }
            }
            for (ModelRole role : ModelRole.values()) {
                if (models.stream().filter(m -> m.role() == role).count() > 1) {
                    throw ApiProblem.badRequest("Duplicate role", "'models' names more than one " + role.wire()
                            + "; evaluate one model per role");
                }
            }
            if (models.stream().noneMatch(m -> m.role() == ModelRole.CANDIDATE || m.role() == ModelRole.BASELINE)) {
                throw ApiProblem.badRequest("Nothing to evaluate", "'models' needs a candidate (the fine-tuned model) "
                        + "or a baseline (the base model alone, to see whether prompting is enough)");
            }
            EvalTask task = request.task() == null ? new EvalTask(null, null, null, null) : request.task();
            try {
                task.formatCheck();
            } catch (RuntimeException e) {
                throw ApiProblem.badRequest("Invalid format", "task.format " + task.format().name().toLowerCase(Locale.ROOT)
                        + " needs a valid " + (task.format().name().equals("REGEX") ? "'regex'" : "'schema'") + ": "
                        + e.getMessage());
            }
            int concurrency = request.maxConcurrency() == null ? 4 : request.maxConcurrency();
            if (concurrency < 1 || concurrency > 32) {
                throw ApiProblem.badRequest("Invalid max_concurrency", "max_concurrency must be between 1 and 32, got " + concurrency);
            }
            GateSettings gates = request.gates() == null ? GateSettings.DEFAULTS : request.gates().withDefaults();
            JudgeSpec judge = request.judge();
            if (judge != null && (judge.model() == null || judge.model().isBlank())) {
                throw ApiProblem.badRequest("Invalid judge", "'judge' needs a 'model' (the judge model, e.g. gpt-4.1); "
                        + "'rubric' and 'pairwise' are optional");
            }
            if (judge == null && (gates.minJudgeScore() != null || gates.minJudgePreference() != null)) {
                throw ApiProblem.badRequest("Judge gate without a judge", "min_judge_score and min_judge_preference need "
                        + "'judge': {\"model\": ...} in the request (and 'pairwise': true for min_judge_preference)");
            }
            if (judge != null && gates.minJudgePreference() != null && !judge.pairwiseOn()) {
                throw ApiProblem.badRequest("Judge gate without pairwise", "min_judge_preference needs 'judge.pairwise': true");
            }
            if (gates.minHumanReviews() != null && gates.minHumanReviews() < 1) {
                throw ApiProblem.badRequest("Invalid min_human_reviews", "gates.min_human_reviews is the number of human A/B "
                        + "verdicts needed before the human-preference gate counts: at least 1, got " + gates.minHumanReviews());
            }
            return new EvalSpec(models, task, gates, concurrency, judge);
        }
    }
}
