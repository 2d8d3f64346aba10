package io.tuneforge.cost.spend;

import io.tuneforge.cost.budget.BudgetGuard;
import io.tuneforge.cost.domain.BudgetReservation;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.DeploymentHours;
import io.tuneforge.cost.domain.DeploymentType;
import io.tuneforge.cost.domain.HostingPrice;
import io.tuneforge.cost.domain.EstimateCandidate;
import io.tuneforge.cost.domain.InferencePrices;
import io.tuneforge.cost.domain.JobCost;
import io.tuneforge.cost.domain.ModelPrice;
import io.tuneforge.cost.domain.SpendEntry;
import io.tuneforge.cost.domain.SpendKind;
import io.tuneforge.cost.domain.TrainingEstimate;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.JudgeUsage;
import io.tuneforge.events.eval.ModelSummary;
import io.tuneforge.events.job.JobFailed;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records what tenants actually spent, each cost once: a cost is identified by what was billed (the
 * job, the usage report's reference), so even the same cost announced twice under different event
 * ids is not counted twice. Every entry is priced with the price in force when the work ran.
 */
@ApplicationScoped
public class SpendLedger {

    private static final Logger LOG = Logger.getLogger(SpendLedger.class);

    /** The model name of spend whose model nobody reported. */
    public static final String UNKNOWN_MODEL = "unknown";

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
        BigDecimal actual = bookTraining(tenantId, job.jobId(), job.baseModel(), model, job.trainedTokens(), finishedAt,
                job.pipelineId());

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
    }

    /**
     * A job that failed after the provider billed some training: those tokens at the training price in
     * force at {@code failedAt}. job.failed does not name the base model, so it is taken from the job's
     * reservation; without one the tokens are booked unpriced (model {@value #UNKNOWN_MODEL}), never as free.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailedTraining(String tenantId, JobFailed job, Instant failedAt) {
        if (job.trainedTokens() == null || job.trainedTokens() <= 0
                || SpendEntry.exists(tenantId, SpendKind.TRAINING, job.jobId())) {
            return;
        }
        Optional<BudgetReservation> reservation = BudgetReservation.ofJob(tenantId, job.jobId());
        String baseModel = reservation.map(r -> r.baseModel).orElse(UNKNOWN_MODEL);
        String pipelineId = job.pipelineId() != null ? job.pipelineId() : reservation.map(r -> r.pipelineId).orElse(null);
        bookTraining(tenantId, job.jobId(), baseModel, CatalogModel.resolve(baseModel), job.trainedTokens(), failedAt,
                pipelineId);
    }

    private BigDecimal bookTraining(String tenantId, String jobId, String baseModel, Optional<CatalogModel> model,
                                    long trainedTokens, Instant at, String pipelineId) {
        Optional<ModelPrice> price = model.flatMap(m -> ModelPrice.inForce(m.modelId, at));
        BigDecimal perMillion = price.map(p -> p.trainingPerMillion).orElse(null);
        BigDecimal actual = perMillion == null ? null : Usd.forTokens(trainedTokens, perMillion);
        if (actual == null) {
            LOG.warnf("job %s: no training price for '%s' at %s; booked as unpriced. Add one with "
                    + "POST /api/v1/catalog/models/{model}/prices", jobId, baseModel, at);
        }
        persist(tenantId, SpendKind.TRAINING, jobId, model, baseModel, trainedTokens, actual,
                price.map(p -> p.priceId).orElse(null), at, pipelineId);
        budgets.review(tenantId, pipelineId, YearMonth.from(at.atZone(ZoneOffset.UTC)));
        return actual;
    }

    /**
     * An evaluation's model calls: each model's (and each judge's) tokens at its inference prices, one
     * cost per eval, role and model.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEvaluation(String tenantId, EvalCompleted eval, Instant at) {
        for (ModelSummary model : Optional.ofNullable(eval.models()).orElse(List.of())) {
            recordEvaluationCalls(tenantId, eval, model.role(), model.model(), model.promptTokens(), model.completionTokens(), at);
        }
        for (JudgeUsage judge : Optional.ofNullable(eval.judges()).orElse(List.of())) {
            recordEvaluationCalls(tenantId, eval, "judge", judge.model(), judge.promptTokens(), judge.completionTokens(), at);
        }
    }

    private void recordEvaluationCalls(String tenantId, EvalCompleted eval, String role, String model, long promptTokens,
                                       long completionTokens, Instant at) {
        if (model == null || promptTokens + completionTokens == 0) {
            return;
        }
        recordUsage(tenantId, new UsageReport(SpendKind.EVALUATION, eval.evalId() + "/" + role + "/" + model, model,
                promptTokens, 0, completionTokens, at, eval.pipelineId()));
    }

    /**
     * Tokens an eval run or production traffic used on a model; fine-tuned models ({@code ft:...}, Azure's
     * {@code <base>.ft-...}, or a deployment of the tenant's serving one) are priced with the fine-tuned
     * inference prices of their base model.
     *
     * @return false when this reference was already recorded (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordUsage(String tenantId, UsageReport usage) {
        if (SpendEntry.exists(tenantId, usage.kind(), usage.reference())) {
            return false;
        }
        Instant at = usage.occurredAt() != null ? usage.occurredAt() : clock.instant();
        Map<String, String> deployment = DeploymentHours.servedAs(tenantId, usage.model());
        Optional<CatalogModel> model = CatalogModel.resolve(usage.model(), deployment);
        Optional<ModelPrice> price = model.flatMap(m -> ModelPrice.inForce(m.modelId, at));
        boolean fineTuned = CatalogModel.isFineTuned(usage.model(), deployment);
        BigDecimal amount = price.map(p -> p.inference(fineTuned))
                .filter(p -> p.missingFor(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens()).isEmpty())
                .map(p -> priced(p, usage))
                .orElse(null);
        long tokens = usage.inputTokens() + usage.cachedInputTokens() + usage.outputTokens();
        persist(tenantId, usage.kind(), usage.reference(), model, usage.model(), tokens, amount,
                price.map(p -> p.priceId).orElse(null), at, usage.pipelineId());
        budgets.review(tenantId, usage.pipelineId(), YearMonth.from(at.atZone(ZoneOffset.UTC)));
        return true;
    }

    /** A deployment's up-time as the provider bills it; {@code model} may be a fine-tuned name (priced as its base). */
    public record DeploymentPeriod(String deploymentId, String accountId, String model, DeploymentType type, Instant startedAt,
                                   Instant endedAt, String pipelineId) {
    }

    /**
     * @param booked false when this (deployment, started_at) was already booked (nothing changed)
     * @param amount the whole period's priced amount, null when a needed hosting price is unknown
     */
    public record HostingBooking(boolean booked, BigDecimal hours, BigDecimal amount, int entries) {
    }

    /**
     * Books a deployment's hours as hosting spend: one entry per UTC day the period touches (so daily reports
     * and monthly budgets see each day's hours), each priced with the hourly fee in force at that piece's start.
     * Once per (deployment, started_at): the same period reported again books nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HostingBooking recordDeploymentHours(String tenantId, DeploymentPeriod period) {
        DeploymentHours.Key key = new DeploymentHours.Key(tenantId, period.deploymentId(), period.startedAt());
        Optional<DeploymentHours> existing = DeploymentHours.findByIdOptional(key);
        if (existing.isPresent()) {
            return new HostingBooking(false, hours(period.startedAt(), period.endedAt()), null, 0);
        }
        Optional<CatalogModel> model = CatalogModel.resolve(period.model());
        BigDecimal total = BigDecimal.ZERO;
        String firstEntry = null;
        int entries = 0;
        for (Instant from = period.startedAt(); from.isBefore(period.endedAt()); ) {
            Instant nextDay = SpendEntry.dayOf(from).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = nextDay.isBefore(period.endedAt()) ? nextDay : period.endedAt();
            Instant pieceStart = from;
            Optional<HostingPrice> price = model.flatMap(m -> HostingPrice.inForce(m.modelId, period.type(), pieceStart));
            BigDecimal hourly = price.map(p -> p.hourlyUsd).orElse(null);
            BigDecimal amount = hourly == null ? null : hourly.multiply(hours(from, to)).setScale(12, RoundingMode.HALF_EVEN);
            total = total == null || amount == null ? null : total.add(amount);
            String entryId = persist(tenantId, SpendKind.HOSTING, period.deploymentId() + "/" + period.startedAt() + "/" + from,
                    model, period.model(), 0, amount, price.map(p -> p.priceId).orElse(null), from, period.pipelineId());
            firstEntry = firstEntry == null ? entryId : firstEntry;
            entries++;
            from = to;
        }
        if (total == null) {
            LOG.warnf("deployment %s: no %s hosting price for '%s'; hours booked as unpriced. Add one with "
                    + "POST /api/v1/catalog/hosting-prices", period.deploymentId(), period.type().wireName(), period.model());
        }
        DeploymentHours hours = new DeploymentHours();
        hours.key = key;
        hours.endedAt = period.endedAt();
        hours.accountId = period.accountId();
        hours.model = period.model();
        hours.sku = period.type().wireName();
        hours.entryId = firstEntry;
        hours.persist();
        for (YearMonth month = YearMonth.from(period.startedAt().atZone(ZoneOffset.UTC));
             !month.isAfter(YearMonth.from(period.endedAt().atZone(ZoneOffset.UTC))); month = month.plusMonths(1)) {
            budgets.review(tenantId, period.pipelineId(), month);
        }
        return new HostingBooking(true, hours(period.startedAt(), period.endedAt()), total, entries);
    }

    private static BigDecimal hours(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).getSeconds()).divide(BigDecimal.valueOf(3600), 12, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal priced(InferencePrices prices, UsageReport usage) {
        return prices.costOf(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens());
    }

    private String persist(String tenantId, SpendKind kind, String reference, Optional<CatalogModel> model, String modelName,
                         long tokens, BigDecimal amount, String priceId, Instant occurredAt, String pipelineId) {
        SpendEntry entry = new SpendEntry();
        entry.entryId = EntityIds.next("spend");
        entry.tenantId = tenantId;
        entry.kind = kind;
        entry.reference = reference;
        entry.modelId = model.map(m -> m.modelId).orElse(null);
        entry.modelName = modelName;
        entry.tokens = tokens;
        entry.pipelineId = pipelineId;
        entry.amountUsd = amount;
        entry.priceId = priceId;
        entry.occurredAt = occurredAt;
        entry.day = SpendEntry.dayOf(occurredAt);
        entry.recordedAt = clock.instant();
        entry.persist();
        return entry.entryId;
    }
}
