package io.tuneforge.cost.api;

import io.tuneforge.cost.budget.BudgetCheck;
import io.tuneforge.cost.budget.BudgetDecision;
import io.tuneforge.cost.budget.BudgetGuard;
import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.BudgetReservation;
import io.tuneforge.cost.domain.SpendEntry;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

@Path("/api/v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budgets")
@SecurityRequirement(name = "apiKey")
public class BudgetResource {

    private static final Pattern PIPELINE_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    @Inject
    CurrentTenant tenant;

    @Inject
    BudgetGuard guard;

    @Inject
    Clock clock;

    public record BudgetRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01 USD") @Digits(integer = 16, fraction = 2,
                    message = "must be USD with at most 2 decimals") BigDecimal monthlyLimitUsd,
            @Min(1) @Max(100) Integer warnPercent,
            Boolean hardStop) {
    }

    /** status: ok, warning (at or past the warning threshold) or exceeded (at or past the limit). */
    public record BudgetView(String budgetId, String pipelineId, String month, BigDecimal monthlyLimitUsd, int warnPercent,
                             boolean hardStop, BigDecimal spentUsd, BigDecimal remainingUsd, BigDecimal spentPercent,
                             String status) {
        static BudgetView of(Budget b, YearMonth month) {
            BigDecimal spent = b.spentIn(month);
            String status = spent.compareTo(b.monthlyLimitUsd) >= 0 ? "exceeded"
                    : spent.compareTo(b.warnAt()) >= 0 ? "warning" : "ok";
            return new BudgetView(b.budgetId, b.pipelineId, month.toString(), b.monthlyLimitUsd, b.warnPercent, b.hardStop,
                    spent, b.monthlyLimitUsd.subtract(spent).max(BigDecimal.ZERO), Usd.percent(spent, b.monthlyLimitUsd),
                    status);
        }
    }

    /** Before starting a job, training-service sends its estimated cost (cost.estimated or POST /api/v1/estimates/training). */
    public record CheckRequest(
            @NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal estimatedCostUsd,
            @Size(max = 64) String jobId) {
    }

    /** decision: allowed or held. A held job stays queued; check again later (new month, raised limit). */
    public record CheckView(String decision, String reason, String jobId, String month, BigDecimal monthlyLimitUsd,
                            BigDecimal spentUsd, BigDecimal remainingUsd, BigDecimal estimatedCostUsd) {
    }

    @GET
    @Path("/monthly")
    @Operation(summary = "The tenant's monthly budget and this month's spend")
    public BudgetView get() {
        return view(null);
    }

    @PUT
    @Path("/monthly")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set the tenant's monthly budget",
            description = "monthly_limit_usd (required), warn_percent (default 80), hard_stop (default true: jobs whose "
                    + "estimate would exceed the remaining budget are held). Raising the limit above this month's spend "
                    + "(or turning hard_stop off) of an exceeded budget emits budget.restored and releases held jobs on "
                    + "their next reservation; so does raising it while a job it held (its estimate did not fit) waits; "
                    + "lowering it below this month's spend alerts at once.")
    public BudgetView put(@Valid @NotNull BudgetRequest request) {
        return set(null, request);
    }

    @DELETE
    @Path("/monthly")
    @Transactional
    @Operation(summary = "Remove the tenant's monthly budget",
            description = "Idempotent (204 also when there is none). An exceeded hard-stop budget, or one a "
                    + "waiting job was held by, emits budget.restored (reason budget_deleted).")
    public Response delete() {
        return remove(null);
    }

    @GET
    @Path("/pipelines/{pipeline_id}")
    @Operation(summary = "A pipeline's monthly budget and the pipeline's spend this month")
    public BudgetView getPipeline(@PathParam("pipeline_id") String pipelineId) {
        return view(pipeline(pipelineId));
    }

    @PUT
    @Path("/pipelines/{pipeline_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set a pipeline's monthly budget",
            description = "Same fields and rules as the tenant's monthly budget; it counts the spend attributed to the "
                    + "pipeline (pipeline_id on job, eval and usage events) and holds that pipeline's jobs. Both budgets "
                    + "apply to a pipeline's job.")
    public BudgetView putPipeline(@PathParam("pipeline_id") String pipelineId, @Valid @NotNull BudgetRequest request) {
        return set(pipeline(pipelineId), request);
    }

    @DELETE
    @Path("/pipelines/{pipeline_id}")
    @Transactional
    @Operation(summary = "Remove a pipeline's monthly budget", description = "Idempotent, like DELETE /api/v1/budgets/monthly.")
    public Response deletePipeline(@PathParam("pipeline_id") String pipelineId) {
        return remove(pipeline(pipelineId));
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "May a job with this estimated cost start now?",
            description = "A read-only check against the tenant's budget (this month's spend plus other jobs' open "
                    + "reservations); nothing is set aside. Before starting a job, prefer POST /api/v1/budgets/reservations, "
                    + "which also reserves the money and applies the pipeline's budget. 'allowed' = may start; 'held' = keep "
                    + "it queued (never drop it) and check again. Always 200; the decision is in the body.")
    public CheckView check(@Valid @NotNull CheckRequest request) {
        YearMonth month = currentMonth();
        BudgetDecision d = BudgetCheck.decide(Budget.ofTenant(tenant.id()), month, SpendEntry.spentIn(tenant.id(), month),
                BudgetReservation.reservedBesides(tenant.id(), null, Optional.ofNullable(request.jobId()).orElse("")),
                request.estimatedCostUsd());
        return new CheckView(d.allowed() ? "allowed" : "held", d.reason(), request.jobId(), month.toString(), d.limit(),
                d.spent(), d.remaining(), d.estimated());
    }

    private BudgetView view(String pipelineId) {
        Budget budget = (pipelineId == null ? Budget.ofTenant(tenant.id()) : Budget.ofPipeline(tenant.id(), pipelineId))
                .orElseThrow(() -> new ApiProblem(Problem.of(Response.Status.NOT_FOUND, "not-found", "No budget",
                        (pipelineId == null ? "No monthly budget is set for your tenant; set one with PUT /api/v1/budgets/monthly"
                                : "No budget is set for pipeline '" + pipelineId + "'; set one with PUT /api/v1/budgets/pipelines/"
                                + pipelineId) + " {\"monthly_limit_usd\": \"500.00\"}.")));
        return BudgetView.of(budget, currentMonth());
    }

    private BudgetView set(String pipelineId, BudgetRequest request) {
        Budget budget = Budget.lockedOf(tenant.id(), pipelineId).orElseGet(() -> {
            Budget created = new Budget();
            created.budgetId = EntityIds.next("bud");
            created.tenantId = tenant.id();
            created.pipelineId = pipelineId;
            created.warnPercent = Budget.DEFAULT_WARN_PERCENT;
            created.hardStop = true;
            return created;
        });
        boolean wasHardStop = budget.hardStop;
        BigDecimal oldLimit = budget.monthlyLimitUsd;
        budget.monthlyLimitUsd = request.monthlyLimitUsd().setScale(2);
        budget.warnPercent = Optional.ofNullable(request.warnPercent()).orElse(budget.warnPercent);
        budget.hardStop = Optional.ofNullable(request.hardStop()).orElse(budget.hardStop);
        budget.updatedAt = clock.instant();
        budget.persist();
        YearMonth month = currentMonth();
        guard.changed(budget, wasHardStop, oldLimit, month);
        guard.review(budget, month);
        return BudgetView.of(budget, month);
    }

    private Response remove(String pipelineId) {
        Budget.lockedOf(tenant.id(), pipelineId).ifPresent(budget -> {
            guard.deleting(budget, currentMonth());
            budget.delete();
        });
        return Response.noContent().build();
    }

    /** Pipeline ids come from training-service; anything else in a path is a typo worth reporting. */
    static String pipeline(String pipelineId) {
        if (pipelineId == null || !PIPELINE_ID.matcher(pipelineId).matches()) {
            throw ApiProblem.badRequest("Invalid pipeline id", "pipeline_id '" + pipelineId
                    + "' must be 1-64 characters of letters, digits, '_', '-', '.' or ':'.");
        }
        return pipelineId;
    }

    private YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }
}
