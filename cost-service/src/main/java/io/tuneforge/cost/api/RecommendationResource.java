package io.tuneforge.cost.api;

import io.tuneforge.cost.domain.FineTuningMethod;
import io.tuneforge.cost.recommend.Constraints;
import io.tuneforge.cost.recommend.ModelRecommender;
import io.tuneforge.cost.recommend.Recommendation;
import io.tuneforge.cost.recommend.UseCase;
import io.tuneforge.platform.problem.ApiProblem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@Path("/api/v1/catalog/recommendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
@SecurityRequirement(name = "apiKey")
public class RecommendationResource {

    @Inject
    Clock clock;

    public record RecommendationRequest(
            @NotBlank String useCase,
            String method,
            @Min(1) Long longestExampleTokens,
            @Min(1) Long contextTokens,
            @Min(0) @Max(value = Bounds.TRAINING_TOKENS, message = "must be at most {value} tokens") Long trainedTokens,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal maxTrainingCostUsd) {
    }

    public record RejectionView(String model, String reason) {
    }

    public record RecommendationView(String useCase, String model, String snapshot, String reason,
                                     BigDecimal trainingCostUsd, List<RejectionView> rejected) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recommend a base model to fine-tune",
            description = "use_case: complex_reasoning, production, high_volume_simple, vision or budget. Optional constraints: "
                    + "method (supervised, dpo, vision), longest_example_tokens, context_tokens, trained_tokens with "
                    + "max_training_cost_usd. Answers the model, the reason, and why better-ranked models were passed over.")
    public RecommendationView recommend(@Valid @NotNull RecommendationRequest request) {
        UseCase useCase = UseCase.of(request.useCase()).orElseThrow(() -> ApiProblem.badRequest("Unknown use case",
                "use_case '" + request.useCase() + "' is not known; use one of " + UseCase.wireNames() + "."));
        FineTuningMethod method = request.method() == null ? null : FineTuningMethod.of(request.method())
                .orElseThrow(() -> ApiProblem.badRequest("Unknown fine-tuning method",
                        "method '" + request.method() + "' is not known; use supervised, dpo or vision."));
        if (request.maxTrainingCostUsd() != null && request.trainedTokens() == null) {
            throw ApiProblem.badRequest("trained_tokens needed", "max_training_cost_usd can only be checked with trained_tokens "
                    + "(billable tokens x epochs; GET /api/v1/estimates/training gives it for a dataset version).");
        }
        Constraints constraints = new Constraints(method, request.longestExampleTokens(), request.contextTokens(),
                request.trainedTokens(), request.maxTrainingCostUsd());
        List<Recommendation.Rejection> rejected = new ArrayList<>();
        Recommendation r = ModelRecommender.recommend(useCase, constraints, clock.instant(), rejected)
                .orElseThrow(() -> ApiProblem.unprocessable("No model fits", "No model for " + useCase.wireName()
                        + " meets the constraints: " + rejected.stream().map(x -> x.model() + ": " + x.reason())
                        .collect(Collectors.joining("; ")) + ". Relax a constraint or ask an admin to extend the catalog."));
        return new RecommendationView(useCase.wireName(), r.model().modelId, r.model().snapshot, r.reason(),
                r.trainingCost(), r.rejected().stream().map(x -> new RejectionView(x.model(), x.reason())).toList());
    }
}
