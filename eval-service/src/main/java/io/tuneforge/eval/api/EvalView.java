package io.tuneforge.eval.api;

import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSpec;

import java.time.Instant;

/**
 * A run as listed and fetched: its state, what it evaluates and, once finished, its decision or failure.
 *
 * @param jobId      the training job it evaluates, when job.succeeded started it
 * @param rateLimits how often the run held back for the provider's rate limits
 */
public record EvalView(String id, String state, String datasetId, String versionId, EvalSpec spec, Integer examples,
                       String decision, String failureKind, String failure, String jobId, String pipelineId,
                       String providerAccount, RateLimits rateLimits, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /**
     * @param pacedWaits     waves held back (smaller, or after waiting for the reset) because x-ratelimit-* headers said
     *                       the budget was nearly used up
     * @param throttledCalls calls still answered 429 after the client's retries (retried later, never dropped)
     */
    public record RateLimits(int pacedWaits, int throttledCalls) {
    }

    static EvalView of(EvalRun run, EvalSpec spec) {
        return new EvalView(run.id, run.state, run.datasetId, run.versionId, spec, run.examples, run.decision,
                run.failureKind, run.failure, run.jobId, run.pipelineId, run.providerAccount,
                new RateLimits(run.pacedWaits, run.throttledCalls), run.createdAt, run.startedAt, run.finishedAt);
    }
}
