package io.tuneforge.gateway.rollout;

import io.tuneforge.events.rollout.RolloutAdvanced;
import io.tuneforge.events.rollout.RolloutRolledBack;
import io.tuneforge.events.rollout.StepEvidence;
import io.tuneforge.gateway.domain.Alias;
import io.tuneforge.gateway.domain.AliasChange;
import io.tuneforge.gateway.domain.Arm;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.gateway.domain.RolloutState;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.json.JsonColumns;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every transition of a rollout, each in one transaction with its event: the rollout row is locked
 * ({@code select ... for update}) and its state and step are checked again under the lock, so a step is
 * advanced or rolled back exactly once whichever replica, scheduler tick or REST call gets there first.
 */
@ApplicationScoped
public class Rollouts {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    JsonColumns columns;

    @Inject
    RolloutSteps steps;

    @Inject
    StepStats stats;

    @Inject
    Clock clock;

    /** Starts a rollout at its first step and announces it (rollout.advanced, reason started). */
    @Transactional
    public Rollout start(String tenantId, StartCommand command) {
        Alias alias = Alias.locked(tenantId, command.alias())
                .orElseThrow(() -> new RolloutConflict("alias '" + command.alias() + "' does not exist"));
        Optional<Rollout> live = Rollout.live(tenantId, alias.name);
        if (live.isPresent()) {
            throw new RolloutConflict("alias '" + alias.name + "' already has a " + live.get().state + " rollout " + live.get().id
                    + " (of " + live.get().candidateModel + "); roll it back or let it finish first");
        }
        if (alias.stableModel.equals(command.candidateModel())) {
            throw new RolloutConflict("alias '" + alias.name + "' already serves " + command.candidateModel());
        }
        Instant now = clock.instant();
        Rollout r = new Rollout();
        r.id = EntityIds.next("ro");
        r.tenantId = tenantId;
        r.alias = alias.name;
        r.stableModel = alias.stableModel;
        r.candidateModel = command.candidateModel();
        r.accountId = alias.accountId;
        r.pipelineId = alias.pipelineId;
        r.steps = columns.write(command.steps());
        r.stepIndex = 0;
        r.minRequests = command.minRequests();
        r.minDurationMs = command.minDurationMs();
        r.guards = columns.write(command.guards());
        r.state = RolloutState.ACTIVE.wire();
        r.stepStartedAt = now;
        r.startedBy = command.startedBy();
        r.evalId = command.evalId();
        r.finishedSteps = "[]";
        r.createdAt = now;
        r.updatedAt = now;
        r.persist();
        outbox.publish(tenantId, new RolloutAdvanced(r.id, r.alias, r.stableModel, r.candidateModel, 0, command.steps().get(0), 0,
                false, "started", null, r.pipelineId));
        return r;
    }

    /**
     * The scheduler's decision on the step it measured: applied only if the rollout is still active and
     * still at that step (another replica or a REST call may have moved it meanwhile).
     *
     * @return whether it was applied
     */
    @Transactional
    public boolean decide(String rolloutId, int measuredStep, Verdict verdict, StepMeasure measure) {
        Rollout r = em.find(Rollout.class, rolloutId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.rolloutState() != RolloutState.ACTIVE || r.stepIndex != measuredStep) {
            return false;
        }
        switch (verdict.kind()) {
            case ADVANCE -> moveOn(r, measure.evidence(), "guards_held");
            case ROLL_BACK -> rollBack(r, verdict.reason(), verdict.detail(), measure.evidence());
            case WAIT -> {
                return false;
            }
        }
        return true;
    }

    /** POST .../advance: the next step now, whatever the measurements (or completion at the last step). */
    @Transactional
    public Rollout advanceByHand(String tenantId, String id) {
        Rollout r = locked(tenantId, id);
        requireLive(r, "advanced");
        moveOn(r, measure(r).evidence(), "manual");
        return r;
    }

    @Transactional
    public Rollout pause(String tenantId, String id) {
        Rollout r = locked(tenantId, id);
        if (r.rolloutState() != RolloutState.ACTIVE) {
            throw new RolloutConflict("rollout " + id + " is " + r.state + "; only an active rollout can be paused");
        }
        r.state = RolloutState.PAUSED.wire();
        r.updatedAt = clock.instant();
        return r;
    }

    /** Resumes a paused rollout; its step starts over, so the time paused does not count towards the minimum duration. */
    @Transactional
    public Rollout resume(String tenantId, String id) {
        Rollout r = locked(tenantId, id);
        if (r.rolloutState() != RolloutState.PAUSED) {
            throw new RolloutConflict("rollout " + id + " is " + r.state + "; only a paused rollout can be resumed");
        }
        r.state = RolloutState.ACTIVE.wire();
        r.stepStartedAt = clock.instant();
        r.updatedAt = r.stepStartedAt;
        return r;
    }

    @Transactional
    public Rollout rollBackByHand(String tenantId, String id, String why) {
        Rollout r = locked(tenantId, id);
        requireLive(r, "rolled back");
        rollBack(r, "manual", why == null || why.isBlank() ? "rolled back by hand" : why, measure(r).evidence());
        return r;
    }

    /** The current step's measurements (for the scheduler, and as evidence of a manual decision). */
    public StepMeasure measure(Rollout r) {
        Map<Arm, ArmStats> step = stats.of(r.id).getOrDefault(r.stepIndex, Map.of());
        long duration = Math.max(0, Duration.between(r.stepStartedAt, clock.instant()).toMillis());
        return new StepMeasure(steps.percentOf(r), duration, step.getOrDefault(Arm.CANDIDATE, ArmStats.NONE),
                step.getOrDefault(Arm.STABLE, ArmStats.NONE), stats.stableP95(r.id));
    }

    private void moveOn(Rollout r, StepEvidence evidence, String reason) {
        List<Integer> percents = steps.steps(r);
        List<StepEvidence> finished = new ArrayList<>(steps.finished(r));
        finished.add(evidence);
        Instant now = clock.instant();
        int from = percents.get(r.stepIndex);
        r.finishedSteps = columns.write(finished);
        r.evidence = columns.write(evidence);
        r.updatedAt = now;
        if (r.stepIndex + 1 < percents.size()) {
            r.stepIndex++;
            r.stepStartedAt = now;
            outbox.publish(r.tenantId, new RolloutAdvanced(r.id, r.alias, r.stableModel, r.candidateModel, from,
                    percents.get(r.stepIndex), r.stepIndex, false, reason, evidence, r.pipelineId));
            return;
        }
        r.state = RolloutState.COMPLETED.wire();
        r.outcomeReason = "completed";
        r.outcomeDetail = "the candidate held every step and now serves all of alias '" + r.alias + "'";
        r.finishedAt = now;
        Alias alias = Alias.locked(r.tenantId, r.alias).orElse(null);
        if (alias != null) {
            AliasChange change = new AliasChange();
            change.id = EntityIds.next("ach");
            change.tenantId = r.tenantId;
            change.alias = r.alias;
            change.fromModel = alias.stableModel;
            change.toModel = r.candidateModel;
            change.cause = "rollout_completed";
            change.rolloutId = r.id;
            change.changedAt = now;
            change.persist();
            alias.stableModel = r.candidateModel;
            alias.updatedAt = now;
        }
        outbox.publish(r.tenantId, new RolloutAdvanced(r.id, r.alias, r.stableModel, r.candidateModel, from, 100, r.stepIndex, true,
                reason, evidence, r.pipelineId));
    }

    private void rollBack(Rollout r, String reason, String detail, StepEvidence evidence) {
        Instant now = clock.instant();
        int percent = steps.percentOf(r);
        r.state = RolloutState.ROLLED_BACK.wire();
        r.outcomeReason = reason;
        r.outcomeDetail = detail;
        r.evidence = columns.write(evidence);
        r.finishedAt = now;
        r.updatedAt = now;
        outbox.publish(r.tenantId, new RolloutRolledBack(r.id, r.alias, r.stableModel, r.candidateModel, r.stepIndex, percent, reason,
                detail, evidence, r.pipelineId));
    }

    private Rollout locked(String tenantId, String id) {
        Rollout r = em.find(Rollout.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.tenantId.equals(tenantId)) {
            throw new RolloutMissing(id);
        }
        return r;
    }

    private static void requireLive(Rollout r, String what) {
        if (!r.rolloutState().live()) {
            throw new RolloutConflict("rollout " + r.id + " is already " + r.state + "; it cannot be " + what);
        }
    }
}
