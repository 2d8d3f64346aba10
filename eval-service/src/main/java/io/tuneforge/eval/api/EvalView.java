package io.tuneforge.eval.api;

import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSpec;

import java.time.Instant;

/** A run as listed and fetched: its state, what it evaluates and, once finished, its decision or failure. */
public record EvalView(String id, String state, String datasetId, String versionId, EvalSpec spec, Integer examples,
                       String decision, String failureKind, String failure, Instant createdAt, Instant startedAt,
                       Instant finishedAt) {

    static EvalView of(EvalRun run, EvalSpec spec) {
        return new EvalView(run.id, run.state, run.datasetId, run.versionId, spec, run.examples, run.decision,
                run.failureKind, run.failure, run.createdAt, run.startedAt, run.finishedAt);
    }
}
