package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A gradual move of an alias from its stable model to a candidate, step by step (e.g. 10 → 50 → 100 % of
 * calls), persisted so any replica picks it up where it was. JSON columns: {@code steps} (percentages),
 * {@code guards} ({@link Guards}), {@code evidence} (the last decision's measurements) and
 * {@code finished_steps} (what every passed step measured).
 */
@Entity
@Table(name = "rollout")
public class Rollout extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(nullable = false)
    public String alias;

    @Column(name = "stable_model", nullable = false)
    public String stableModel;

    @Column(name = "candidate_model", nullable = false)
    public String candidateModel;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(nullable = false)
    public String steps;

    @Column(name = "step_index", nullable = false)
    public int stepIndex;

    @Column(name = "min_requests", nullable = false)
    public int minRequests;

    @Column(name = "min_duration_ms", nullable = false)
    public long minDurationMs;

    @Column(nullable = false)
    public String guards;

    @Column(nullable = false)
    public String state;

    @Column(name = "step_started_at", nullable = false)
    public Instant stepStartedAt;

    /** {@code api} or {@code eval} (a promotion). */
    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "eval_id")
    public String evalId;

    /** Why it ended: {@code completed}, a guard ({@code error_rate}, {@code p95_latency}, {@code latency_ratio}) or {@code manual}. */
    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(name = "outcome_detail")
    public String outcomeDetail;

    @Column
    public String evidence;

    @Column(name = "finished_steps", nullable = false)
    public String finishedSteps;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public RolloutState rolloutState() {
        return RolloutState.of(state);
    }

    public static Optional<Rollout> ofTenant(String tenantId, String id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The alias's active or paused rollout, if any (at most one, by a unique index). */
    public static Optional<Rollout> live(String tenantId, String alias) {
        return find("tenantId = ?1 and alias = ?2 and state in ('active', 'paused')", tenantId, alias).firstResultOptional();
    }

    /** Newest first, optionally of one alias and/or in one state. */
    public static List<Rollout> page(String tenantId, String alias, String state, String after, int limit) {
        StringBuilder q = new StringBuilder("tenantId = :tenant");
        Parameters p = Parameters.with("tenant", tenantId);
        if (alias != null) {
            q.append(" and alias = :alias");
            p.and("alias", alias);
        }
        if (state != null) {
            q.append(" and state = :state");
            p.and("state", state);
        }
        if (after != null) {
            q.append(" and id < :after");
            p.and("after", after);
        }
        return find(q + " order by id desc", p).page(0, limit + 1).list();
    }
}
