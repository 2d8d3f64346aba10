package io.tuneforge.eval.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.eval.EvalConfig;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalState;
import io.tuneforge.eval.report.ReportAssembly;
import io.tuneforge.eval.review.ReviewPairs;
import io.tuneforge.events.eval.EvalFailed;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.json.JsonColumns;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of {@link EvalRun#state}: queues a run (the one way, for REST and {@code job.succeeded}
 * alike), claims it under a lease, completes or fails it, each change decided by {@link RunTransitions} and
 * published through the outbox in the same transaction as the state it reports.
 */
@ApplicationScoped
public class RunLifecycle {

    public static final String TEST_SET = "test_set";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    JsonColumns columns;

    @Inject
    ReviewPairs reviewPairs;

    @Inject
    EvalConfig config;

    /**
     * Stores a new run, queued for the worker; a version without a held-out split gets a run failed at once
     * ({@code test_set}, with its {@code eval.failed}), so whoever asked can find out why nothing ran.
     */
    @Transactional
    public EvalRun queue(NewRun request) {
        EvalRun run = new EvalRun();
        run.id = EntityIds.next("eval");
        run.tenantId = request.tenantId();
        run.datasetId = request.datasetId();
        run.versionId = request.versionId();
        run.jobId = request.jobId();
        run.pipelineId = request.pipelineId();
        run.providerAccount = request.providerAccount() == null || request.providerAccount().isBlank() ? null
                : request.providerAccount().trim();
        run.spec = columns.write(request.spec());
        run.createdAt = clock.instant();
        if (request.testSet() == null) {
            String why = "dataset version " + request.versionId() + " has no held-out test split"
                    + (request.jobId() != null ? " to evaluate job " + request.jobId() + " on" : "")
                    + "; upload a version with enough examples for a test split";
            run.testPath = "";
            finish(run, RunEvent.FAIL);
            run.failureKind = TEST_SET;
            run.failure = why;
            run.persist();
            outbox.publish(run.tenantId, failedEvent(run));
            return run;
        }
        run.testPath = request.testSet().testPath;
        move(run, RunEvent.QUEUE);
        run.persist();
        return run;
    }

    /**
     * Takes the oldest claimable run (queued, or running with its lease run out: its worker died). SKIP LOCKED
     * lets replicas claim different runs at the same time.
     */
    public Optional<String> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<String> claimable = RunTransitions.claimable().stream().map(EvalState::wire).toList();
            @SuppressWarnings("unchecked")
            List<String> ids = em.createNativeQuery("select id from eval_run where state in (:claimable)"
                            + " and (lease_until is null or lease_until < :now) order by id limit 1 for update skip locked")
                    .setParameter("claimable", claimable).setParameter("now", now).getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            EvalRun run = EvalRun.findById(ids.get(0));
            move(run, RunEvent.CLAIM);
            run.leaseUntil = now.plus(config.worker().lease());
            if (run.startedAt == null) {
                run.startedAt = now;
            }
            return Optional.of(run.id);
        });
    }

    public void renewLease(String runId) {
        QuarkusTransaction.requiringNew().run(() ->
                EvalRun.update("leaseUntil = ?1 where id = ?2", clock.instant().plus(config.worker().lease()), runId));
    }

    /** Stores the report and decision and publishes {@code eval.completed}; a run no longer running is left as it is. */
    public void complete(String runId, ReportAssembly.Assembled assembled) {
        QuarkusTransaction.requiringNew().run(() -> {
            EvalRun run = EvalRun.findById(runId);
            if (!finish(run, RunEvent.COMPLETE)) {
                return;
            }
            run.decision = assembled.decision().decision();
            run.report = columns.write(assembled.report());
            reviewPairs.create(run.id, assembled.report());
            outbox.publish(run.tenantId, RunLedger.completedEvent(run, assembled.report()));
        });
    }

    /** Records why the run cannot finish and publishes {@code eval.failed}; a finished run is left as it is. */
    public void fail(String runId, String kind, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            EvalRun run = EvalRun.findById(runId);
            if (!finish(run, RunEvent.FAIL)) {
                return;
            }
            run.failureKind = kind;
            run.failure = message;
            outbox.publish(run.tenantId, failedEvent(run));
        });
    }

    private boolean finish(EvalRun run, RunEvent event) {
        if (!move(run, event)) {
            return false;
        }
        run.finishedAt = clock.instant();
        run.leaseUntil = null;
        return true;
    }

    private static boolean move(EvalRun run, RunEvent event) {
        Optional<EvalState> next = RunTransitions.next(run.state == null ? null : run.evalState(), event);
        next.ifPresent(state -> run.state = state.wire());
        return next.isPresent();
    }

    private static EvalFailed failedEvent(EvalRun run) {
        return new EvalFailed(run.id, run.datasetId, run.versionId, run.failureKind, run.failure, run.jobId, run.pipelineId);
    }
}
