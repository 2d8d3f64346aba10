package io.tuneforge.cost.spend;

import io.tuneforge.cost.budget.BudgetGuard;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.EstimateCandidate;
import io.tuneforge.cost.domain.InferencePrices;
import io.tuneforge.cost.domain.JobCost;
import io.tuneforge.cost.domain.ModelPrice;
import io.tuneforge.cost.domain.SpendEntry;
import io.tuneforge.cost.domain.SpendKind;
import io.tuneforge.cost.domain.TrainingEstimate;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Records what tenants actually spent, each cost once: a cost is identified by what was billed (the
 * job, the usage report's reference), so even the same cost announced twice under different event
 * ids is not counted twice. Every entry is priced with the price in force when the work ran.
 */
@ApplicationScoped
public class SpendLedger {

    private static final Logger LOG = Logger.getLogger(SpendLedger.class);

    @Inject
    BudgetGuard budgets;

    @Inject
    Clock clock;

    /** A finished fine-tuning job: trained_tokens x the training price in force at finished_at. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTraining(String tenantId, JobSucceeded job) {
        if (SpendEntry.exists(tenantId, SpendKind.TRAINING, job.jobId())) {
            LOG.infof("training cost of job %s is already booked; ignoring the repeated job.succeeded", job.jobId());
            return;
        }
        Instant finishedAt = job.finishedAt() != null ? job.finishedAt() : clock.instant();
        Optional<CatalogModel> model = CatalogModel.resolve(job.baseModel());
        Optional<ModelPrice> price = model.flatMap(m -> ModelPrice.inForce(m.modelId, finishedAt));
        BigDecimal perMillion = price.map(p -> p.trainingPerMillion).orElse(null);
        BigDecimal actual = perMillion == null ? null : Usd.forTokens(job.trainedTokens(), perMillion);
        if (actual == null) {
            LOG.warnf("job %s: no training price for '%s' at %s; booked as unpriced. Add one with "
                    + "POST /api/v1/catalog/models/{model}/prices", job.jobId(), job.baseModel(), finishedAt);
        }
        persist(tenantId, SpendKind.TRAINING, job.jobId(), model, job.baseModel(), job.trainedTokens(), actual,
                price.map(p -> p.priceId).orElse(null), finishedAt);

        JobCost cost = new JobCost();
        cost.jobId = job.jobId();
        cost.tenantId = tenantId;
        cost.datasetId = job.datasetId();
        cost.datasetVersionId = job.datasetVersionId();
        cost.baseModel = job.baseModel();
        cost.modelId = model.map(m -> m.modelId).orElse(null);
        cost.trainedTokens = job.trainedTokens();
        cost.nEpochs = job.nEpochs();
        cost.actualUsd = actual;
        cost.finishedAt = finishedAt;
        TrainingEstimate.findOwned(tenantId, job.datasetVersionId()).ifPresent(estimate -> {
            cost.estimatedTrainedTokens = estimate.trainedTokens;
            model.flatMap(m -> EstimateCandidate.of(estimate.versionId, m.modelId))
                    .ifPresent(candidate -> cost.estimatedUsd = candidate.costUsd);
        });
        cost.persist();
        budgets.review(tenantId, YearMonth.from(finishedAt.atZone(ZoneOffset.UTC)));
    }

    /**
     * Tokens an eval run or production traffic used on a model; fine-tuned ({@code ft:...}) models are
     * priced with the fine-tuned inference prices of their base model.
     *
     * @return false when this reference was already recorded (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordUsage(String tenantId, UsageReport usage) {
        if (SpendEntry.exists(tenantId, usage.kind(), usage.reference())) {
            return false;
        }
        Instant at = usage.occurredAt() != null ? usage.occurredAt() : clock.instant();
        Optional<CatalogModel> model = CatalogModel.resolve(usage.model());
        Optional<ModelPrice> price = model.flatMap(m -> ModelPrice.inForce(m.modelId, at));
        boolean fineTuned = usage.model().startsWith("ft:");
        BigDecimal amount = price.map(p -> p.inference(fineTuned))
                .filter(p -> p.missingFor(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens()).isEmpty())
                .map(p -> priced(p, usage))
                .orElse(null);
        long tokens = usage.inputTokens() + usage.cachedInputTokens() + usage.outputTokens();
        persist(tenantId, usage.kind(), usage.reference(), model, usage.model(), tokens, amount,
                price.map(p -> p.priceId).orElse(null), at);
        budgets.review(tenantId, YearMonth.from(at.atZone(ZoneOffset.UTC)));
        return true;
    }

    private static BigDecimal priced(InferencePrices prices, UsageReport usage) {
        return prices.costOf(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens());
    }

    private void persist(String tenantId, SpendKind kind, String reference, Optional<CatalogModel> model, String modelName,
                         long tokens, BigDecimal amount, String priceId, Instant occurredAt) {
        SpendEntry entry = new SpendEntry();
        entry.entryId = EntityIds.next("spend");
        entry.tenantId = tenantId;
        entry.kind = kind;
        entry.reference = reference;
        entry.modelId = model.map(m -> m.modelId).orElse(null);
        entry.modelName = modelName;
        entry.tokens = tokens;
        entry.amountUsd = amount;
        entry.priceId = priceId;
        entry.occurredAt = occurredAt;
        entry.day = SpendEntry.dayOf(occurredAt);
        entry.recordedAt = clock.instant();
        entry.persist();
    }
}
