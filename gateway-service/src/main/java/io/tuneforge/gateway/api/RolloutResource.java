package io.tuneforge.gateway.api;

import io.tuneforge.gateway.GatewayConfig;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.routing.ModelAccess;
import io.tuneforge.gateway.domain.Arm;
import io.tuneforge.gateway.domain.Guards;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.gateway.domain.RolloutState;
import io.tuneforge.gateway.rollout.ArmStats;
import io.tuneforge.gateway.rollout.RolloutPlan;
import io.tuneforge.gateway.rollout.RolloutSteps;
import io.tuneforge.gateway.rollout.Rollouts;
import io.tuneforge.gateway.rollout.StartCommand;
import io.tuneforge.gateway.rollout.StepStats;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Path("/api/v1/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rollouts")
@SecurityRequirement(name = "apiKey")
public class RolloutResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    Rollouts rollouts;

    @Inject
    RolloutSteps steps;

    @Inject
    StepStats stats;

    @Inject
    GatewayConfig config;

    @Inject
    ModelAccess access;

    public record RolloutRequest(String alias, String candidateModel, List<Integer> steps, Integer minRequests, Double minDurationSeconds,
                                 Guards guards) {
    }

    public record RollbackRequest(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a rollout of a candidate model on an alias",
            description = "alias and candidate_model (required); steps (candidate %, increasing, ending at 100; default [10,50,100]); "
                    + "min_requests (candidate calls per step) and min_duration_seconds per step; guards: max_error_rate (default "
                    + "0.05), max_p95_latency_ms, max_latency_ratio (candidate p95 / stable p95). A breached guard rolls back "
                    + "automatically; at the end the candidate becomes the alias's stable model. 409 when the alias already "
                    + "has a live rollout.")
    @Transactional
    public Response start(RolloutRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null || request.alias() == null || request.alias().isBlank()) {
            errors.add(new Problem.FieldError("alias", "is required: the alias to roll out on (PUT /api/v1/aliases/{name} creates one)"));
        }
        if (request == null || request.candidateModel() == null || request.candidateModel().isBlank()) {
            errors.add(new Problem.FieldError("candidate_model", "is required: the model id to move the alias to, e.g. ft:gpt-4.1-mini:..."));
        } else if (request.candidateModel().length() > 300) {
            errors.add(new Problem.FieldError("candidate_model", "must be at most 300 characters"));
        }
        RolloutPlan plan = request == null ? null : RolloutPlan.of(request.steps(), request.minRequests(), request.minDurationSeconds(),
                request.guards(), config.rollouts(), "", errors);
        if (errors.isEmpty() && Alias.<Alias>find("tenantId = ?1 and name = ?2", tenant.id(), request.alias()).count() == 0) {
            errors.add(new Problem.FieldError("alias", "no alias '" + request.alias() + "' exists for your tenant; create it with PUT /api/v1/aliases/"
                    + request.alias()));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The rollout cannot be started as given; see errors.", errors);
        }
        Alias.of(tenant.id(), request.alias()).ifPresent(alias ->
                access.requireUsable(tenant.id(), request.candidateModel().trim(), alias.accountId, "candidate_model"));
        Rollout r = rollouts.start(tenant.id(), new StartCommand(request.alias(), request.candidateModel().trim(), plan.steps(),
                plan.minRequests(), plan.minDurationMs(), plan.guards(), "api", null));
        return Response.created(URI.create("/api/v1/rollouts/" + r.id)).entity(view(r)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The tenant's rollouts, newest first", description = "?alias= and ?state= (active, paused, completed, rolled_back) filter.")
    public Page<RolloutView> list(@BeanParam @Valid PageRequest page, @QueryParam("alias") String alias, @QueryParam("state") String state) {
        if (state != null && List.of(RolloutState.values()).stream().noneMatch(s -> s.wire().equals(state))) {
            throw ApiProblem.invalid("Unknown state filter.", List.of(new Problem.FieldError("state",
                    "must be one of active, paused, completed, rolled_back")));
        }
        return Page.fromOverfetched(Rollout.page(tenant.id(), alias, state, page.after, page.limit), page.limit, r -> r.id, this::view);
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One rollout, with requests, error rate and p50/p95 latency per step for both arms")
    public RolloutView get(@PathParam("id") String id) {
        return view(Rollout.ofTenant(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Rollout", id)));
    }

    @POST
    @Path("/{id}/advance")
    @Operation(summary = "Move to the next step now (or complete at the last step), whatever the measurements")
    @Transactional
    public RolloutView advance(@PathParam("id") String id) {
        return view(rollouts.advanceByHand(tenant.id(), id));
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Hold the current share: the scheduler neither advances nor rolls back a paused rollout")
    @Transactional
    public RolloutView pause(@PathParam("id") String id) {
        return view(rollouts.pause(tenant.id(), id));
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused rollout; its current step starts over")
    @Transactional
    public RolloutView resume(@PathParam("id") String id) {
        return view(rollouts.resume(tenant.id(), id));
    }

    @POST
    @Path("/{id}/rollback")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send all traffic back to the stable model", description = "Optional body {\"reason\": \"...\"}.")
    @Transactional
    public RolloutView rollback(@PathParam("id") String id, RollbackRequest request) {
        return view(rollouts.rollBackByHand(tenant.id(), id, request == null ? null : request.reason()));
    }

    /** Runs in the caller's transaction: the view shows the rollout as the transition left it. */
    private RolloutView view(Rollout r) {
        List<Integer> percents = steps.steps(r);
        Map<Integer, Map<Arm, ArmStats>> measured = stats.of(r.id);
        RolloutState state = r.rolloutState();
        List<RolloutView.StepView> stepViews = new ArrayList<>();
        for (int i = 0; i < percents.size(); i++) {
            String status = i < r.stepIndex || state == RolloutState.COMPLETED ? "passed"
                    : i > r.stepIndex ? "pending"
                    : state == RolloutState.ROLLED_BACK ? "rolled_back" : "current";
            Map<Arm, ArmStats> step = measured.getOrDefault(i, Map.of());
            stepViews.add(new RolloutView.StepView(i, percents.get(i), status, arm(step.get(Arm.CANDIDATE)), arm(step.get(Arm.STABLE))));
        }
        return new RolloutView(r.id, r.alias, r.state, r.stableModel, r.candidateModel, percents, r.stepIndex, steps.percentOf(r),
                r.minRequests, r.minDurationMs / 1000.0, steps.guards(r), r.stepStartedAt, r.startedBy, r.evalId, r.outcomeReason,
                r.outcomeDetail, steps.evidence(r), stepViews, r.createdAt, r.updatedAt, r.finishedAt);
    }

    private static RolloutView.ArmView arm(ArmStats s) {
        ArmStats stats = s == null ? ArmStats.NONE : s;
        return new RolloutView.ArmView(stats.requests(), stats.errors(), Math.round(stats.errorRate() * 10_000) / 10_000.0,
                stats.p50LatencyMs(), stats.p95LatencyMs());
    }
}
