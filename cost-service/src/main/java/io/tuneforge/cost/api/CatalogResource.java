package io.tuneforge.cost.api;

import io.tuneforge.cost.catalog.CatalogAdmins;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.FineTuningMethod;
import io.tuneforge.cost.domain.ModelPrice;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.paging.Page;
import io.tuneforge.platform.paging.PageRequest;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/catalog/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
@SecurityRequirement(name = "apiKey")
public class CatalogResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    CatalogAdmins admins;

    @Inject
    Clock clock;

    /** USD per 1M tokens; null = unknown (never zero). */
    public record InferencePriceView(BigDecimal input, BigDecimal cachedInput, BigDecimal output) {
    }

    public record PriceView(String priceId, Instant effectiveFrom, BigDecimal trainingPerMillion,
                            InferencePriceView base, InferencePriceView fineTuned, String source,
                            Instant recordedAt, String recordedBy) {
        static PriceView of(ModelPrice p) {
            return p == null ? null : new PriceView(p.priceId, p.effectiveFrom, p.trainingPerMillion,
                    new InferencePriceView(p.baseInputPerMillion, p.baseCachedInputPerMillion, p.baseOutputPerMillion),
                    new InferencePriceView(p.ftInputPerMillion, p.ftCachedInputPerMillion, p.ftOutputPerMillion),
                    p.source, p.recordedAt, p.recordedBy);
        }
    }

    /**
     * @param price   the version in force now, null when the model has none (every price unknown)
     * @param history every price version, oldest first (only on the single-model view)
     */
    public record ModelView(String model, String snapshot, String description, int contextWindow, Integer maxOutputTokens,
                            int maxExampleTokens, List<String> methods, String limitsSource, PriceView price,
                            List<PriceView> history) {
        static ModelView of(CatalogModel m, ModelPrice current, List<ModelPrice> history) {
            return new ModelView(m.modelId, m.snapshot, m.description, m.contextWindow, m.maxOutputTokens,
                    m.maxExampleTokens, m.methods(), m.limitsSource, PriceView.of(current),
                    history == null ? null : history.stream().map(PriceView::of).toList());
        }
    }

    public record ModelRequest(
            @NotBlank @Size(max = 100) String snapshot,
            @NotBlank String description,
            @NotNull @Min(1) Integer contextWindow,
            @Min(1) Integer maxOutputTokens,
            @NotNull @Min(1) Integer maxExampleTokens,
            @NotEmpty List<@NotBlank String> methods,
            @NotBlank String limitsSource) {
    }

    public record InferencePriceRequest(
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal input,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal cachedInput,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal output) {
    }

    /** Omitted or null prices are recorded as unknown. */
    public record PriceRequest(
            @NotNull Instant effectiveFrom,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal trainingPerMillion,
            @Valid InferencePriceRequest base,
            @Valid InferencePriceRequest fineTuned,
            @NotBlank(message = "say where the price comes from and when it was checked") String source) {
    }

    @GET
    @Operation(summary = "List the fine-tunable models",
            description = "Limits, methods and the prices in force now. Prices are USD per 1M tokens as decimal strings; null = unknown.")
    public Page<ModelView> list(@Valid @BeanParam PageRequest page) {
        Instant now = clock.instant();
        return Page.fromOverfetched(CatalogModel.pageOf(page.after, page.limit), page.limit, m -> m.modelId,
                m -> ModelView.of(m, ModelPrice.inForce(m.modelId, now).orElse(null), null));
    }

    @GET
    @Path("/{model}")
    @Operation(summary = "Get a model with its price history",
            description = "model: the catalog id (gpt-4.1-mini), a dated snapshot (gpt-4.1-mini-2025-04-14) or a "
                    + "fine-tuned model built on it (ft:gpt-4.1-mini-2025-04-14:acme:tickets:abc); the answer is the catalog model.")
    public ModelView get(@PathParam("model") String modelName) {
        CatalogModel model = CatalogModel.resolve(modelName).orElseGet(() -> existing(modelName));
        return ModelView.of(model, ModelPrice.inForce(model.modelId, clock.instant()).orElse(null), ModelPrice.history(model.modelId));
    }

    @PUT
    @Path("/{model}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add or update a model (catalog admins only)",
            description = "methods: any of supervised, dpo, vision. Prices are added separately as versions.")
    public ModelView put(@PathParam("model") String modelId, @Valid @NotNull ModelRequest request) {
        admins.requireAdmin(tenant.id());
        if (!modelId.matches("[a-z0-9][a-z0-9.\\-]{0,63}")) {
            throw ApiProblem.badRequest("Invalid model id", "Model id '" + modelId
                    + "' must be lowercase letters, digits, '.' or '-' (at most 64), like 'gpt-4.1-mini'.");
        }
        List<String> unknownMethods = request.methods().stream().filter(m -> FineTuningMethod.of(m).isEmpty()).toList();
        if (!unknownMethods.isEmpty()) {
            throw ApiProblem.badRequest("Unknown fine-tuning method", "methods " + unknownMethods
                    + " are not known; use supervised, dpo or vision.");
        }
        CatalogModel model = CatalogModel.<CatalogModel>findByIdOptional(modelId).orElseGet(() -> {
            CatalogModel created = new CatalogModel();
            created.modelId = modelId;
            return created;
        });
        model.snapshot = request.snapshot();
        model.description = request.description();
        model.contextWindow = request.contextWindow();
        model.maxOutputTokens = request.maxOutputTokens();
        model.maxExampleTokens = request.maxExampleTokens();
        model.supportsSupervised = request.methods().contains(FineTuningMethod.SUPERVISED.wireName());
        model.supportsDpo = request.methods().contains(FineTuningMethod.DPO.wireName());
        model.supportsVision = request.methods().contains(FineTuningMethod.VISION.wireName());
        model.limitsSource = request.limitsSource();
        model.updatedAt = clock.instant();
        model.persist();
        return ModelView.of(model, ModelPrice.inForce(modelId, clock.instant()).orElse(null), ModelPrice.history(modelId));
    }

    @POST
    @Path("/{model}/prices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a price version (catalog admins only)",
            description = "Prices are never edited in place: a new version takes effect at effective_from and applies "
                    + "to estimates and actuals from then on; costs already booked keep the price they were booked with.")
    public Response addPrice(@PathParam("model") String modelId, @Valid @NotNull PriceRequest request, UriInfo uri) {
        admins.requireAdmin(tenant.id());
        existing(modelId);
        if (ModelPrice.exists(modelId, request.effectiveFrom())) {
            throw ApiProblem.conflict("Price version exists", "Model '" + modelId + "' already has a price version effective from "
                    + request.effectiveFrom() + "; add a new version with a later effective_from instead of editing it.");
        }
        InferencePriceRequest base = request.base() == null ? new InferencePriceRequest(null, null, null) : request.base();
        InferencePriceRequest ft = request.fineTuned() == null ? new InferencePriceRequest(null, null, null) : request.fineTuned();
        ModelPrice price = new ModelPrice();
        price.priceId = EntityIds.next("price");
        price.modelId = modelId;
        price.effectiveFrom = request.effectiveFrom();
        price.trainingPerMillion = request.trainingPerMillion();
        price.baseInputPerMillion = base.input();
        price.baseCachedInputPerMillion = base.cachedInput();
        price.baseOutputPerMillion = base.output();
        price.ftInputPerMillion = ft.input();
        price.ftCachedInputPerMillion = ft.cachedInput();
        price.ftOutputPerMillion = ft.output();
        price.source = request.source();
        price.recordedAt = clock.instant();
        price.recordedBy = tenant.id();
        price.persist();
        return Response.created(uri.getAbsolutePathBuilder().path(price.priceId).build()).entity(PriceView.of(price)).build();
    }

    private static CatalogModel existing(String modelId) {
        return CatalogModel.<CatalogModel>findByIdOptional(modelId)
                .orElseThrow(() -> new ApiProblem(Problem.of(Response.Status.NOT_FOUND,
                        "not-found", "Model not found", "The catalog has no model '" + modelId
                                + "'. GET /api/v1/catalog/models lists them; an admin adds one with PUT /api/v1/catalog/models/{model}.")));
    }
}
