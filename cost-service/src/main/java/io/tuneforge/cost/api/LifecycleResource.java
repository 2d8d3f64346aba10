package io.tuneforge.cost.api;

import io.tuneforge.cost.catalog.CatalogAdmins;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.DeploymentHours;
import io.tuneforge.cost.domain.ModelLifecycle;
import io.tuneforge.cost.domain.Provider;
import io.tuneforge.cost.domain.TrainingMethod;
import io.tuneforge.cost.domain.TrainingTier;
import io.tuneforge.cost.lifecycle.Trainability;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Model lifecycle per provider: read by everyone (training-service asks {@code /trainability} before it
 * creates a job), changed only by catalog admins ({@link CatalogAdmins}), like the rest of the catalog.
 */
@Path("/api/v1/catalog/lifecycle")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
@SecurityRequirement(name = "apiKey")
public class LifecycleResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    CatalogAdmins admins;

    @Inject
    Clock clock;

    public record LifecycleView(String model, String provider, boolean fineTunable, List<String> methods,
                                List<String> trainingTiers, LocalDate deprecatedOn, LocalDate shutdownOn,
                                LocalDate trainingEndsOn, String substitute, String substituteProvider, String notes,
                                String source, LocalDate checkedOn, Instant updatedAt, String updatedBy) {
        static LifecycleView of(ModelLifecycle l) {
            return new LifecycleView(l.key.modelId, l.key.provider, l.fineTunable, l.methodList(), l.tierList(), l.deprecatedOn,
                    l.shutdownOn, l.trainingEndsOn, l.substitute, l.substituteProvider, l.notes, l.source, l.checkedOn,
                    l.updatedAt, l.updatedBy);
        }
    }

    /** A whole entry: omitted dates and substitute are unknown (null), not kept from the previous entry. */
    public record LifecycleRequest(
            @NotNull Boolean fineTunable,
            @NotNull List<@NotBlank String> methods,
            List<@NotBlank String> trainingTiers,
            LocalDate deprecatedOn,
            LocalDate shutdownOn,
            LocalDate trainingEndsOn,
            @Size(max = 200) String substitute,
            String substituteProvider,
            String notes,
            @NotBlank(message = "say where these facts come from") String source,
            @NotNull(message = "say when the source was checked (YYYY-MM-DD)") LocalDate checkedOn) {
    }

    public record TrainabilityView(String model, String resolvedModel, String provider, LocalDate on, String method,
                                   String tier, String verdict, String reason, String substitute, String substituteProvider,
                                   LocalDate cutoff, Long daysLeft, LifecycleView lifecycle) {
    }

    @GET
    @Operation(summary = "List lifecycle entries",
            description = "Per model and provider: fine-tunable, methods (sft, dpo, rft), Azure training tiers (standard, "
                    + "global, developer), deprecation, shutdown and end-of-training dates, substitute, source and "
                    + "checked_on. Null = unknown. Any tenant may read.")
    public List<LifecycleView> list(@QueryParam("model") String model, @QueryParam("provider") String provider) {
        String modelId = model == null ? null : CatalogModel.require("model", model, java.util.Map.of()).modelId;
        String providerName = provider == null ? null : provider(provider).wireName();
        return ModelLifecycle.listed(modelId, providerName).stream().map(LifecycleView::of).toList();
    }

    @PUT
    @Path("/{model}/{provider}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Set a model's lifecycle on a provider (catalog admins only)",
            description = "Replaces the whole entry. methods ⊂ {sft, dpo, rft}; training_tiers ⊂ {standard, global, "
                    + "developer} (Azure only); substitute_provider openai or azure. 403 for tenants that are not catalog admins.")
    public LifecycleView put(@PathParam("model") String modelId, @PathParam("provider") String providerName,
                             @Valid @NotNull LifecycleRequest request) {
        admins.requireAdmin(tenant.id());
        CatalogModel model = CatalogModel.<CatalogModel>findByIdOptional(modelId).orElseThrow(() -> new ApiProblem(
                Problem.of(Response.Status.NOT_FOUND, "not-found", "Model not found", "The catalog has no model '" + modelId
                        + "'; use a catalog id (GET /api/v1/catalog/models), not a snapshot or fine-tuned name.")));
        Provider provider = provider(providerName);
        List<String> methods = wireNames("methods", request.methods(), m -> TrainingMethod.of(m).map(TrainingMethod::wireName),
                "sft, dpo or rft");
        List<String> tiers = wireNames("training_tiers", request.trainingTiers() == null ? List.of() : request.trainingTiers(),
                t -> TrainingTier.of(t).map(TrainingTier::wireName), "standard, global or developer");
        if (provider == Provider.OPENAI && !tiers.isEmpty()) {
            throw ApiProblem.badRequest("Training tiers are Azure's", "training_tiers " + tiers
                    + " apply to Azure OpenAI only; send an empty list for openai.");
        }
        String substituteProvider = request.substituteProvider() == null ? null : provider(request.substituteProvider()).wireName();
        if (request.shutdownOn() != null && request.deprecatedOn() != null && request.shutdownOn().isBefore(request.deprecatedOn())) {
            throw ApiProblem.badRequest("Shutdown before deprecation", "shutdown_on " + request.shutdownOn()
                    + " is before deprecated_on " + request.deprecatedOn() + "; a model is deprecated first, then shut down.");
        }
        ModelLifecycle entry = ModelLifecycle.of(model.modelId, provider.wireName()).orElseGet(() -> {
            ModelLifecycle created = new ModelLifecycle();
            created.key = new ModelLifecycle.Key(model.modelId, provider.wireName());
            return created;
        });
        entry.fineTunable = request.fineTunable();
        entry.methods = String.join(",", methods);
        entry.trainingTiers = String.join(",", tiers);
        entry.deprecatedOn = request.deprecatedOn();
        entry.shutdownOn = request.shutdownOn();
        entry.trainingEndsOn = request.trainingEndsOn();
        entry.substitute = request.substitute();
        entry.substituteProvider = substituteProvider;
        entry.notes = request.notes();
        entry.source = request.source();
        entry.checkedOn = request.checkedOn();
        entry.updatedAt = clock.instant();
        entry.updatedBy = tenant.id();
        entry.persist();
        return LifecycleView.of(entry);
    }

    @GET
    @Path("/trainability")
    @Operation(summary = "Can this model be fine-tuned on this provider on this day?",
            description = "training-service's question before it creates a job. model: any name the validator resolves "
                    + "(catalog id, snapshot, ft:..., Azure <base>.ft-..., or one of the tenant's deployment names); its base "
                    + "model's entry decides. on: YYYY-MM-DD (UTC), default today. verdict: allowed, warned (within 90 days "
                    + "of shutdown or end of training, or deprecated), refused (past it, not fine-tunable, or method/tier not "
                    + "offered; substitute named) or unknown (no entry: the provider decides). Always 200 for a known model; "
                    + "400 for an unknown model, provider, method, tier or date.")
    public TrainabilityView trainability(@QueryParam("model") String model, @QueryParam("provider") String providerName,
                                         @QueryParam("on") String on, @QueryParam("method") String method,
                                         @QueryParam("tier") String tier) {
        if (providerName == null) {
            throw ApiProblem.badRequest("Missing provider", "provider is required: openai or azure.");
        }
        Provider provider = provider(providerName);
        CatalogModel base = CatalogModel.require("model", model, DeploymentHours.servedAs(tenant.id(), model));
        LocalDate day = on == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date("on", on);
        String methodName = method == null ? null : TrainingMethod.of(method).map(TrainingMethod::wireName).orElseThrow(() ->
                ApiProblem.badRequest("Unknown method", "method '" + method + "' is not known; use sft, dpo or rft."));
        String tierName = tier == null ? null : TrainingTier.of(tier).map(TrainingTier::wireName).orElseThrow(() ->
                ApiProblem.badRequest("Unknown tier", "tier '" + tier + "' is not known; use standard, global or developer."));
        ModelLifecycle entry = ModelLifecycle.of(base.modelId, provider.wireName()).orElse(null);
        Trainability.Facts facts = entry == null ? null : new Trainability.Facts(base.modelId, provider.wireName(),
                entry.fineTunable, entry.methodList(), entry.tierList(), entry.deprecatedOn, entry.shutdownOn,
                entry.trainingEndsOn, entry.substitute, entry.substituteProvider);
        Trainability decision = Trainability.decide(facts, base.modelId, provider.wireName(), day, methodName, tierName);
        return new TrainabilityView(model, base.modelId, provider.wireName(), day, methodName, tierName,
                decision.verdict().wireName(), decision.reason(), decision.substitute(), decision.substituteProvider(),
                decision.cutoff(), decision.daysLeft(), entry == null ? null : LifecycleView.of(entry));
    }

    private static Provider provider(String name) {
        return Provider.of(name).orElseThrow(() -> ApiProblem.badRequest("Unknown provider",
                "provider '" + name + "' is not known; use openai or azure."));
    }

    private static LocalDate date(String param, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("Invalid date", param + "='" + value + "' is not a date; use YYYY-MM-DD (UTC).");
        }
    }

    private static List<String> wireNames(String field, List<String> given, Function<String, java.util.Optional<String>> parse,
                                          String allowed) {
        List<String> unknown = given.stream().filter(v -> parse.apply(v).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("Unknown " + field, field + " " + unknown + " are not known; use " + allowed + ".");
        }
        return given.stream().map(v -> parse.apply(v).orElseThrow()).distinct().toList();
    }
}
