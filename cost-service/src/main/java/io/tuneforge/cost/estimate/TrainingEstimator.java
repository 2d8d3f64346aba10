package io.tuneforge.cost.estimate;

import io.tuneforge.events.job.AutoEpochs;
import io.tuneforge.cost.domain.EstimateCandidate;
import io.tuneforge.cost.domain.FineTuningMethod;
import io.tuneforge.cost.domain.TrainingEstimate;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.events.cost.CandidateCost;
import io.tuneforge.events.cost.CostEstimated;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Estimates what training on a validated dataset version would cost on every candidate model, stores
 * it, and announces it on {@code cost.estimated} in the same transaction.
 */
@ApplicationScoped
public class TrainingEstimator {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public TrainingEstimate estimate(String tenantId, DatasetValidated validated) {
        long trainExamples = validated.splits().stream().filter(s -> s.name().equals("train"))
                .mapToLong(SplitSummary::examples).findFirst().orElse(validated.exampleCount());
        Instant now = clock.instant();
        TrainingEstimate estimate = new TrainingEstimate();
        estimate.versionId = validated.versionId();
        estimate.tenantId = tenantId;
        estimate.datasetId = validated.datasetId();
        estimate.version = validated.version();
        estimate.method = validated.method();
        estimate.trainExamples = trainExamples;
        estimate.tokensPerEpoch = validated.billableTokens();
        estimate.autoEpochs = trainExamples > 0 ? AutoEpochs.forExamples(trainExamples) : 0;
        estimate.trainedTokens = estimate.tokensPerEpoch * estimate.autoEpochs;
        estimate.estimatedAt = now;
        estimate.persist();

        FineTuningMethod method = FineTuningMethod.of(validated.method()).orElse(FineTuningMethod.SUPERVISED);
        List<CandidateQuote> quotes = TrainingCost.quoteAll(method, estimate.trainedTokens, now);
        for (CandidateQuote quote : quotes) {
            EstimateCandidate candidate = new EstimateCandidate();
            candidate.candidateId = EntityIds.next("estc");
            candidate.versionId = estimate.versionId;
            candidate.modelId = quote.model().modelId;
            candidate.snapshot = quote.model().snapshot;
            candidate.priceId = quote.price() == null ? null : quote.price().priceId;
            candidate.trainingPerMillion = quote.perMillion();
            candidate.costUsd = quote.cost();
            candidate.persist();
        }
        outbox.publish(tenantId, new CostEstimated(estimate.datasetId, estimate.versionId, estimate.version,
                estimate.method, estimate.trainExamples, estimate.tokensPerEpoch, estimate.autoEpochs,
                estimate.trainedTokens, quotes.stream().map(TrainingEstimator::candidateCost).toList(), now));
        return estimate;
    }

    private static CandidateCost candidateCost(CandidateQuote q) {
        return new CandidateCost(q.model().modelId, q.model().snapshot, Usd.format(q.perMillion()), Usd.format(q.cost()),
                q.perMillion() == null ? null : q.price().source);
    }
}
