package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A monthly spending limit (UTC calendar months), its warning threshold and whether it stops new jobs:
 * the tenant's ({@link #pipelineId} null, counting all its spend) or one pipeline's (counting the spend
 * attributed to that pipeline).
 */
@Entity
@Table(name = "budget")
public class Budget extends PanacheEntityBase {

    public static final int DEFAULT_WARN_PERCENT = 80;

    @Id
    @Column(name = "budget_id")
    public String budgetId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** Null for the tenant-wide budget. */
    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "monthly_limit_usd", nullable = false)
    public BigDecimal monthlyLimitUsd;

    @Column(name = "warn_percent", nullable = false)
    public int warnPercent;

    /** When set, a job whose estimate would take the month's spend past the limit is held. */
    @Column(name = "hard_stop", nullable = false)
    public boolean hardStop;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Budget> ofTenant(String tenantId) {
        return find("tenantId = ?1 and pipelineId is null", tenantId).firstResultOptional();
    }

    public static Optional<Budget> ofPipeline(String tenantId, String pipelineId) {
        return find("tenantId = ?1 and pipelineId = ?2", tenantId, pipelineId).firstResultOptional();
    }

    /** The budget of that scope (pipeline null: the tenant's), locked until the transaction ends. */
    public static Optional<Budget> lockedOf(String tenantId, String pipelineId) {
        return (pipelineId == null
                ? find("tenantId = ?1 and pipelineId is null", tenantId)
                : find("tenantId = ?1 and pipelineId = ?2", tenantId, pipelineId))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Priced spend this budget counts in a month: all the tenant's, or the pipeline's. */
    public BigDecimal spentIn(YearMonth month) {
        return SpendEntry.spentIn(tenantId, pipelineId, month);
    }

    /** Spend at or past the limit with a hard stop: no job that costs anything may start. */
    public boolean holds(BigDecimal spent) {
        return hardStop && spent.compareTo(monthlyLimitUsd) >= 0;
    }

    /** Where the user changes this budget. */
    public String path() {
        return pipelineId == null ? "/api/v1/budgets/monthly" : "/api/v1/budgets/pipelines/" + pipelineId;
    }

    /** How messages name this budget. */
    public String label() {
        return pipelineId == null ? "the monthly limit" : "the monthly limit of pipeline " + pipelineId;
    }

    public BigDecimal warnAt() {
        return monthlyLimitUsd.multiply(BigDecimal.valueOf(warnPercent)).movePointLeft(2);
    }
}
