package io.tuneforge.cost.api;

import io.tuneforge.cost.budget.BudgetReservations;
import io.tuneforge.cost.domain.BudgetReservation;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.math.BigDecimal;

/**
 * The contract with training-service: before starting a job it reserves the job's estimated cost
 * (with its service key and {@code X-Tuneforge-Tenant}, or a tenant key), starts the job only when
 * {@code reserved}, and keeps a {@code held} job queued and asks again later.
 */
@Path("/api/v1/budgets/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budgets")
@SecurityRequirement(name = "apiKey")
public class ReservationResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    BudgetReservations reservations;

    public record ReservationRequest(
            @NotBlank @Size(max = 64) String jobId,
            @Size(min = 1, max = 64) String pipelineId,
            @NotBlank @Size(max = 200) String baseModel,
            @NotNull @Min(0) Long estimatedTrainedTokens) {
    }

    /**
     * decision: reserved (start the job) or held (keep it queued, ask again). budget_id: the budget that
     * held it, else null. remaining_usd: what the tightest budget has left besides this job (null without
     * a budget). estimated_cost_usd is 0 when price_known is false (nothing could be reserved).
     */
    public record ReservationView(String reservationId, String jobId, String decision, String reason, String budgetId,
                                  String pipelineId, String month, BigDecimal estimatedCostUsd, BigDecimal remainingUsd,
                                  boolean priceKnown) {
        static ReservationView of(BudgetReservation r) {
            // A released reservation answers with the decision it ended on: asking again never re-reserves a job.
            return new ReservationView(r.reservationId, r.jobId, r.decision, r.reason, r.budgetId, r.pipelineId, r.month,
                    r.estimatedCostUsd, r.remainingUsd, r.priceKnown);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Reserve a training job's estimated cost before it starts",
            description = "Prices estimated_trained_tokens with base_model's training price in force and decides against the "
                    + "tenant's monthly budget and the pipeline's: remaining = limit - spent this month - other jobs' open "
                    + "reservations. 'reserved': start the job. 'held' (a hard-stop budget has no room; budget_id says which): "
                    + "keep it queued and call again later - a raised limit, a released reservation or a new month turns it to "
                    + "'reserved'. Idempotent by job_id: a reserved job gets the same reservation back. The reservation is "
                    + "released by job.succeeded / job.failed / job.cancelled or DELETE. Always 200; the decision is in the body.")
    public ReservationView reserve(@Valid @NotNull ReservationRequest request) {
        if (request.pipelineId() != null) {
            BudgetResource.pipeline(request.pipelineId());
        }
        return ReservationView.of(reservations.reserve(tenant.id(), new BudgetReservations.Request(request.jobId(),
                request.pipelineId(), request.baseModel(), request.estimatedTrainedTokens())));
    }

    @GET
    @Operation(summary = "Open reservations (reserved or held), oldest first",
            description = "Optionally of one pipeline (?pipeline_id=). Paged with ?limit=&after=.")
    public Page<ReservationView> list(@Valid @BeanParam PageRequest page, @QueryParam("pipeline_id") String pipelineId) {
        return Page.fromOverfetched(BudgetReservation.openPage(tenant.id(), pipelineId, page.after, page.limit), page.limit,
                r -> r.reservationId, ReservationView::of);
    }

    @DELETE
    @Path("/{job_id}")
    @Transactional
    @Operation(summary = "Release a job's reservation",
            description = "For a job that will not run (or whose outcome event will not come). Idempotent: 204 when released "
                    + "now or before; 404 when the job never asked for a reservation.")
    public Response release(@PathParam("job_id") String jobId) {
        if (!reservations.release(tenant.id(), jobId, "released_by_caller")
                && BudgetReservation.ofJob(tenant.id(), jobId).isEmpty()) {
            throw ApiProblem.notFound("Reservation of job", jobId);
        }
        return Response.noContent().build();
    }
}
