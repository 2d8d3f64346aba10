package io.tuneforge.gateway.rollout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.gateway.domain.RolloutState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * On every replica, every {@code tuneforge.gateway.rollouts.check-every}: claims active rollouts, measures
 * their current step and applies what {@link GuardCheck} decides (advance, complete, roll back, or wait).
 */
@ApplicationScoped
public class RolloutScheduler {

    private static final Logger LOG = Logger.getLogger(RolloutScheduler.class);
    private static final int BATCH = 50;

    @Inject
    RolloutLeases leases;

    @Inject
    Rollouts rollouts;

    @Inject
    RolloutSteps steps;

    @Scheduled(identity = "gateway-rollout-check", every = "${tuneforge.gateway.rollouts.check-every:5s}",
            delayed = "${tuneforge.gateway.rollouts.initial-delay:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (String id : leases.claimActive(BATCH)) {
            try {
                check(id);
            } catch (RuntimeException e) {
                LOG.warnf("rollout %s: check failed, retried on the next tick: %s", id, e);
            } finally {
                leases.release(id);
            }
        }
    }

    void check(String id) {
        record Judged(int step, Verdict verdict, StepMeasure measure) {
        }
        Judged judged = QuarkusTransaction.requiringNew().call(() -> {
            Rollout r = Rollout.findById(id);
            if (r == null || r.rolloutState() != RolloutState.ACTIVE) {
                return null;
            }
            StepMeasure measure = rollouts.measure(r);
            return new Judged(r.stepIndex, GuardCheck.judge(measure, steps.guards(r), r.minRequests, r.minDurationMs), measure);
        });
        if (judged == null || judged.verdict().kind() == Verdict.Kind.WAIT) {
            return;
        }
        if (rollouts.decide(id, judged.step(), judged.verdict(), judged.measure())) {
            LOG.infof("rollout %s step %d: %s (%s)", id, judged.step(), judged.verdict().kind(), judged.verdict().detail());
        }
    }
}
