package io.tuneforge.cost.api;

import io.tuneforge.events.job.AutoEpochs;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.DeploymentType;
import io.tuneforge.cost.domain.HostingPrice;
import io.tuneforge.cost.domain.EstimateCandidate;
import io.tuneforge.cost.domain.FineTuningMethod;
import io.tuneforge.cost.domain.TrainingEstimate;
import io.tuneforge.cost.estimate.CandidateQuote;
import io.tuneforge.cost.estimate.FineTuningPayoff;
import io.tuneforge.cost.estimate.InferenceLoad;
import io.tuneforge.cost.estimate.MonthlyInferenceCost;
import io.tuneforge.cost.estimate.TrainingCost;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Path("/api/v1/estimates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "estimates")
@SecurityRequirement(name = "apiKey")
public class EstimateResource {

    @Inject
    CurrentTenant tenant;

    @Inject
    Clock clock;

    /** Training cost on one model; null price and cost = unknown, never zero. */
    public record CandidateView(String model, String snapshot, BigDecimal trainingPerMillion, BigDecimal trainingCostUsd,
                                String priceId) {
        static CandidateView of(EstimateCandidate c) {
            return new CandidateView(c.modelId, c.snapshot, c.trainingPerMillion, c.costUsd, c.priceId);
        }

        static CandidateView of(CandidateQuote q) {
            return new CandidateView(q.model().modelId, q.model().snapshot, q.perMillion(), q.cost(),
                    q.price() == null ? null : q.price().priceId);
        }
    }

    public record TrainingEstimateView(String datasetId, String versionId, int version, String method, long trainExamples,
                                       long tokensPerEpoch, int autoEpochs, long trainedTokens, Instant estimatedAt,
                                       List<CandidateView> candidates) {
        static TrainingEstimateView of(TrainingEstimate e, List<EstimateCandidate> candidates) {
            return new TrainingEstimateView(e.datasetId, e.versionId, e.version, e.method, e.trainExamples, e.tokensPerEpoch,
                    e.autoEpochs, e.trainedTokens, e.estimatedAt,
                    candidates.stream().map(CandidateView::of).toList());
        }
    }

    /**
     * A what-if training estimate.
     *
     * @param tokensPerEpoch billable tokens of one epoch over the training file
     * @param trainExamples  examples in the training file (decides auto epochs)
     * @param nEpochs        explicit epochs; omitted = auto, resolved as OpenAI does
     * @param models         candidate model ids; omitted = every model supporting the method
     */
    public record TrainingQuoteRequest(
            @NotNull @Min(0) @Max(value = Bounds.TRAINING_TOKENS, message = "must be at most {value} tokens") Long tokensPerEpoch,
            @NotNull @Min(1) @Max(value = Bounds.TRAIN_EXAMPLES, message = "must be at most {value} examples") Long trainExamples,
            @Min(1) @Max(50) Integer nEpochs,
            String method,
            List<@NotBlank String> models) {
    }

    public record TrainingQuoteView(String method, long trainExamples, long tokensPerEpoch, int epochs, long trainedTokens,
                                    List<CandidateView> candidates) {
    }

    public record LoadRequest(
            @NotNull @Min(0) @Max(value = Bounds.TOKENS_PER_REQUEST, message = "must be at most {value} tokens per request") Long inputTokens,
            @Min(0) @Max(value = Bounds.TOKENS_PER_REQUEST, message = "must be at most {value} tokens per request") Long cachedInputTokens,
            @NotNull @Min(0) @Max(value = Bounds.TOKENS_PER_REQUEST, message = "must be at most {value} tokens per request") Long outputTokens) {
        InferenceLoad load() {
            return new InferenceLoad(inputTokens, cachedInputTokens == null ? 0 : cachedInputTokens, outputTokens);
        }
    }

    /**
     * Fine-tune {@code model} or stay on {@code baseModel}: per-request tokens of each (a fine-tuned model
     * usually needs a shorter prompt), a monthly volume, and the training cost (given, or from trained tokens).
     */
    public record InferenceEstimateRequest(
            @NotBlank String model,
            @NotNull @Min(0) @Max(value = Bounds.REQUESTS_PER_MONTH, message = "must be at most {value} requests") Long requestsPerMonth,
            @NotNull @Valid LoadRequest fineTuned,
            String baseModel,
            @Valid LoadRequest base,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal trainingCostUsd,
            @Min(0) @Max(value = Bounds.TRAINING_TOKENS, message = "must be at most {value} tokens") Long trainedTokens,
            @Min(1) @Max(120) Integer months,
            String deploymentType) {
    }

    public record MonthlyView(String model, boolean fineTuned, BigDecimal monthlyCostUsd, List<String> missingPrices) {
        static MonthlyView of(MonthlyInferenceCost c) {
            return new MonthlyView(c.model().modelId, c.fineTuned(), c.cost(), c.missing());
        }
    }

    /** Hourly fee x {@link HostingPrice#HOURS_PER_MONTH}; null amounts are unknown. */
    public record HostingView(String deploymentType, BigDecimal hourlyUsd, BigDecimal monthlyUsd, BigDecimal hoursPerMonth,
                              String source) {
    }

    /**
     * @param hosting                   the Azure deployment's hosting, null when no deployment_type was asked (OpenAI: none)
     * @param fineTunedMonthlyTotalUsd  fine-tuned inference + hosting per month
     */
    public record InferenceEstimateView(long requestsPerMonth, int months, MonthlyView fineTuned, MonthlyView base,
                                        HostingView hosting, BigDecimal fineTunedMonthlyTotalUsd,
                                        BigDecimal monthlySavingsUsd, BigDecimal trainingCostUsd,
                                        BigDecimal totalFineTunedUsd, BigDecimal totalBaseUsd, BigDecimal totalSavingsUsd,
                                        BigDecimal breakEvenMonths, List<String> unknown) {
    }

    @GET
    @Path("/training")
    @Operation(summary = "Training cost estimates of validated datasets",
            description = "Per validated dataset version: tokens per epoch, the epochs 'auto' resolves to, trained tokens, "
                    + "and the training cost on every candidate model (cheapest first; null cost = price unknown).")
    public List<TrainingEstimateView> training(@QueryParam("dataset_id") String datasetId) {
        List<TrainingEstimate> estimates = TrainingEstimate.ofTenant(tenant.id(), datasetId);
        Map<String, List<EstimateCandidate>> candidates = EstimateCandidate
                .ofVersions(estimates.stream().map(e -> e.versionId).toList()).stream()
                .collect(Collectors.groupingBy(c -> c.versionId));
        return estimates.stream()
                .map(e -> TrainingEstimateView.of(e, sortedByCost(candidates.getOrDefault(e.versionId, List.of()))))
                .toList();
    }

    @POST
    @Path("/training")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Estimate a training run",
            description = "trained tokens = tokens_per_epoch x epochs (n_epochs, or auto from train_examples); "
                    + "cost = trained tokens x the training price in force, per candidate model.")
    public TrainingQuoteView quoteTraining(@Valid @NotNull TrainingQuoteRequest request) {
        FineTuningMethod method = request.method() == null ? FineTuningMethod.SUPERVISED
                : FineTuningMethod.of(request.method()).orElseThrow(() -> ApiProblem.badRequest("Unknown fine-tuning method",
                        "method '" + request.method() + "' is not known; use supervised, dpo or vision."));
        int epochs = request.nEpochs() != null ? request.nEpochs() : AutoEpochs.forExamples(request.trainExamples());
        long trainedTokens = Math.multiplyExact(request.tokensPerEpoch(), (long) epochs);
        Instant now = clock.instant();
        List<CandidateQuote> quotes = request.models() == null || request.models().isEmpty()
                ? TrainingCost.quoteAll(method, trainedTokens, now)
                : TrainingCost.quote(request.models().stream().map(name -> catalogModel("models[]", name)).toList(), trainedTokens, now);
        return new TrainingQuoteView(method.wireName(), request.trainExamples(), request.tokensPerEpoch(), epochs, trainedTokens,
                quotes.stream().map(CandidateView::of).toList());
    }

    @POST
    @Path("/inference")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Monthly inference cost, fine-tuned against staying on a base model",
            description = "monthly = requests x (input x input price + cached x cached price + output x output price) / 1M, "
                    + "with fine-tuned prices for the fine-tuned model and base prices for base_model (default: the same model). "
                    + "Totals over `months` (default 12): training + months x fine-tuned monthly against months x base monthly, "
                    + "and the months until training pays for itself. deployment_type (Azure: developertier, standard, "
                    + "globalstandard) adds the deployment's hourly hosting x 730 h to the fine-tuned monthly cost; omitted = "
                    + "OpenAI, which charges no hosting.")
    public InferenceEstimateView quoteInference(@Valid @NotNull InferenceEstimateRequest request) {
        Instant now = clock.instant();
        CatalogModel model = catalogModel("model", request.model());
        CatalogModel baseModel = request.baseModel() == null ? model : catalogModel("base_model", request.baseModel());
        LoadRequest baseLoad = request.base() == null ? request.fineTuned() : request.base();
        int months = request.months() == null ? 12 : request.months();
        MonthlyInferenceCost fineTuned = MonthlyInferenceCost.of(model, true, request.requestsPerMonth(), request.fineTuned().load(), now);
        MonthlyInferenceCost base = MonthlyInferenceCost.of(baseModel, false, request.requestsPerMonth(), baseLoad.load(), now);
        BigDecimal trainingCost = request.trainingCostUsd();
        String trainingUnknown = null;
        if (trainingCost == null && request.trainedTokens() != null) {
            CandidateQuote quote = TrainingCost.quoteOne(model, request.trainedTokens(), now);
            trainingCost = quote.cost();
            trainingUnknown = quote.known() ? null : model.modelId + " training price";
        } else if (trainingCost == null) {
            trainingUnknown = "training cost (send training_cost_usd or trained_tokens)";
        }
        HostingView hosting = null;
        BigDecimal hostingMonthly = BigDecimal.ZERO;
        String hostingUnknown = null;
        if (request.deploymentType() != null) {
            DeploymentType type = DeploymentType.of(request.deploymentType()).orElseThrow(() -> ApiProblem.badRequest(
                    "Unknown deployment type", "deployment_type '" + request.deploymentType()
                            + "' is not known; use developertier, standard or globalstandard (Azure), or omit it for OpenAI."));
            Optional<HostingPrice> price = HostingPrice.inForce(model.modelId, type, now);
            BigDecimal hourly = price.map(p -> p.hourlyUsd).orElse(null);
            hostingMonthly = hourly == null ? null : hourly.multiply(HostingPrice.HOURS_PER_MONTH);
            hostingUnknown = hourly == null ? model.modelId + " " + type.wireName() + " hosting price" : null;
            hosting = new HostingView(type.wireName(), hourly, hostingMonthly, HostingPrice.HOURS_PER_MONTH,
                    price.map(p -> p.source).orElse(null));
        }
        FineTuningPayoff payoff = FineTuningPayoff.of(fineTuned, base, trainingCost, trainingUnknown, hostingMonthly,
                hostingUnknown, months);
        return new InferenceEstimateView(request.requestsPerMonth(), months, MonthlyView.of(fineTuned), MonthlyView.of(base),
                hosting, payoff.fineTunedMonthly(), payoff.monthlySavings(), trainingCost, payoff.totalFineTuned(), payoff.totalBase(), payoff.totalSavings(),
                payoff.breakEvenMonths(), payoff.unknown());
    }

    private static List<EstimateCandidate> sortedByCost(List<EstimateCandidate> candidates) {
        return candidates.stream().sorted(Comparator.comparing((EstimateCandidate c) -> c.costUsd,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(c -> c.modelId)).toList();
    }

    private static CatalogModel catalogModel(String field, String name) {
        return CatalogModel.require(field, name, Map.of());
    }
}
