package io.tuneforge.training.api;

import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import io.tuneforge.training.budget.BudgetHolds;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/budget-holds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budget holds")
@SecurityRequirement(name = "apiKey")
public class BudgetHoldResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    BudgetHolds holds;

    /** {@code pipeline_id}: the hold covers only that pipeline's jobs; null: every job of the tenant. */
    public record HoldView(String budgetId, String month, String limitUsd, String spentUsd, Instant heldSince, String pipelineId) {
    }

    @GET
    @Transactional
    @Operation(summary = "Budget holds of the tenant: while one is for the current month, jobs wait in waiting_for_budget")
    public List<HoldView> list() {
        return holds.of(tenant.id()).stream().map(r -> new HoldView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                r[4] instanceof Timestamp t ? t.toInstant() : r[4] instanceof Instant i ? i
                        : r[4] instanceof java.time.OffsetDateTime o ? o.toInstant() : null, (String) r[5])).toList();
    }

    @DELETE
    @Path("/{budgetId}")
    @Transactional
    @Operation(summary = "Lift a hold (after raising the budget's limit); held jobs go back in line")
    public Response lift(@PathParam("budgetId") String budgetId) {
        if (holds.lift(tenant.id(), budgetId) == 0) {
            throw ApiProblem.notFound("Budget hold", budgetId);
        }
        return Response.noContent().build();
    }
}
