package io.tuneforge.cost.api;

import io.tuneforge.cost.budget.BudgetCheck;
import io.tuneforge.cost.budget.BudgetDecision;
import io.tuneforge.cost.budget.BudgetGuard;
import io.tuneforge.cost.domain.Budget;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

@Path("/api/v1/budgets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budgets")
@SecurityRequirement(name = "apiKey")
public class BudgetResource {

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
    public record BudgetView(String budgetId, String month, BigDecimal monthlyLimitUsd, int warnPercent, boolean hardStop,
                             BigDecimal spentUsd, BigDecimal remainingUsd, BigDecimal spentPercent, String status) {
        static BudgetView of(Budget b, YearMonth month, BigDecimal spent) {
            String status = spent.compareTo(b.monthlyLimitUsd) >= 0 ? "exceeded"
                    : spent.compareTo(b.warnAt()) >= 0 ? "warning" : "ok";
            return new BudgetView(b.budgetId, month.toString(), b.monthlyLimitUsd, b.warnPercent, b.hardStop, spent,
                    b.monthlyLimitUsd.subtract(spent).max(BigDecimal.ZERO), Usd.percent(spent, b.monthlyLimitUsd), status);
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
        Budget budget = Budget.ofTenant(tenant.id()).orElseThrow(() -> new ApiProblem(Problem.of(Response.Status.NOT_FOUND,
                "not-found", "No budget", "No monthly budget is set for your tenant; set one with PUT /api/v1/budgets/monthly "
                        + "{\"monthly_limit_usd\": \"500.00\"}.")));
        YearMonth month = currentMonth();
        return BudgetView.of(budget, month, SpendEntry.spentIn(tenant.id(), month));
    }

    @PUT
    @Path("/monthly")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set the tenant's monthly budget",
            description = "monthly_limit_usd (required), warn_percent (default 80), hard_stop (default true: jobs whose "
                    + "estimate would exceed the remaining budget are held). Raising the limit releases held jobs on their "
                    + "next check; lowering it below this month's spend alerts at once.")
    public BudgetView put(@Valid @NotNull BudgetRequest request) {
        Budget budget = Budget.ofTenant(tenant.id()).orElseGet(() -> {
            Budget created = new Budget();
            created.budgetId = EntityIds.next("bud");
            created.tenantId = tenant.id();
            created.warnPercent = Budget.DEFAULT_WARN_PERCENT;
            created.hardStop = true;
            return created;
        });
        budget.monthlyLimitUsd = request.monthlyLimitUsd().setScale(2);
        budget.warnPercent = Optional.ofNullable(request.warnPercent()).orElse(budget.warnPercent);
        budget.hardStop = Optional.ofNullable(request.hardStop()).orElse(budget.hardStop);
        budget.updatedAt = clock.instant();
        budget.persist();
        YearMonth month = currentMonth();
        guard.review(budget, month);
        return BudgetView.of(budget, month, SpendEntry.spentIn(tenant.id(), month));
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "May a job with this estimated cost start now?",
            description = "The contract with training-service: call before starting a job. 'allowed' = start it; 'held' = keep "
                    + "it queued (never drop it) and check again, e.g. on the next scheduling pass: a new month or a raised "
                    + "limit turns the answer to 'allowed'. Always 200; the decision is in the body.")
    public CheckView check(@Valid @NotNull CheckRequest request) {
        YearMonth month = currentMonth();
        BudgetDecision d = BudgetCheck.decide(Budget.ofTenant(tenant.id()), month, SpendEntry.spentIn(tenant.id(), month),
                request.estimatedCostUsd());
        return new CheckView(d.allowed() ? "allowed" : "held", d.reason(), request.jobId(), month.toString(), d.limit(),
                d.spent(), d.remaining(), d.estimated());
    }

    private YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    }
}
