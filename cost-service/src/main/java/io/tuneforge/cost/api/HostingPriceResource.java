package io.tuneforge.cost.api;

import io.tuneforge.cost.catalog.CatalogAdmins;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.DeploymentType;
import io.tuneforge.cost.domain.HostingPrice;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Hourly hosting prices of fine-tuned models per Azure deployment type: read by all, versioned by catalog admins. */
@Path("/api/v1/catalog/hosting-prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
@SecurityRequirement(name = "apiKey")
public class HostingPriceResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    CatalogAdmins admins;

    @Inject
    Clock clock;

    public record HostingPriceView(String priceId, String model, String deploymentType, BigDecimal hourlyUsd,
                                   BigDecimal monthlyUsd, Instant effectiveFrom, String source, LocalDate checkedOn,
                                   Instant recordedAt, String recordedBy) {
        static HostingPriceView of(HostingPrice p) {
            return new HostingPriceView(p.priceId, p.modelId, p.deploymentType, p.hourlyUsd,
                    p.hourlyUsd == null ? null : p.hourlyUsd.multiply(HostingPrice.HOURS_PER_MONTH), p.effectiveFrom,
                    p.source, p.checkedOn, p.recordedAt, p.recordedBy);
        }
    }

    /** hourly_usd omitted = unknown (never zero). */
    public record HostingPriceRequest(
            @NotBlank String model,
            @NotBlank String deploymentType,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal hourlyUsd,
            @NotNull Instant effectiveFrom,
            @NotBlank(message = "say where the price comes from") String source,
            @NotNull(message = "say when the source was checked (YYYY-MM-DD)") LocalDate checkedOn) {
    }

    @GET
    @Operation(summary = "A model's hosting price history",
            description = "Every version per deployment type (developertier, standard, globalstandard), oldest first; "
                    + "monthly_usd = hourly_usd x 730 h. Any tenant may read.")
    public List<HostingPriceView> list(@QueryParam("model") String model) {
        if (model == null) {
            throw ApiProblem.badRequest("Missing model", "model is required, e.g. ?model=gpt-4.1-mini.");
        }
        return HostingPrice.history(CatalogModel.require("model", model, Map.of()).modelId).stream()
                .map(HostingPriceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a hosting price version (catalog admins only)",
            description = "In force from effective_from until a later version; hours already booked keep their price. "
                    + "409 if that (model, deployment_type, effective_from) exists; 403 for tenants that are not catalog admins.")
    public Response add(@Valid @NotNull HostingPriceRequest request) {
        admins.requireAdmin(tenant.id());
        CatalogModel model = CatalogModel.require("model", request.model(), Map.of());
        DeploymentType type = DeploymentType.of(request.deploymentType()).orElseThrow(() -> ApiProblem.badRequest(
                "Unknown deployment type", "deployment_type '" + request.deploymentType()
                        + "' is not known; use developertier, standard or globalstandard."));
        if (HostingPrice.exists(model.modelId, type, request.effectiveFrom())) {
            throw ApiProblem.conflict("Hosting price version exists", model.modelId + " " + type.wireName()
                    + " already has a hosting price effective from " + request.effectiveFrom()
                    + "; add a version with a later effective_from instead of editing it.");
        }
        HostingPrice price = new HostingPrice();
        price.priceId = EntityIds.next("hostp");
        price.modelId = model.modelId;
        price.deploymentType = type.wireName();
        price.hourlyUsd = request.hourlyUsd();
        price.effectiveFrom = request.effectiveFrom();
        price.source = request.source();
        price.checkedOn = request.checkedOn();
        price.recordedAt = clock.instant();
        price.recordedBy = tenant.id();
        price.persist();
        return Response.status(Response.Status.CREATED).entity(HostingPriceView.of(price)).build();
    }
}
