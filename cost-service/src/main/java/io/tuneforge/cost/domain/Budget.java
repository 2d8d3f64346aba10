package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A tenant's monthly spending limit (UTC calendar months), its warning threshold and whether it stops new jobs. */
@Entity
@Table(name = "budget")
public class Budget extends PanacheEntityBase {

    public static final int DEFAULT_WARN_PERCENT = 80;

    @Id
    @Column(name = "budget_id")
    public String budgetId;

    @Column(name = "tenant_id", nullable = false, unique = true)
    public String tenantId;

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
        return find("tenantId", tenantId).firstResultOptional();
    }

    public BigDecimal warnAt() {
        return monthlyLimitUsd.multiply(BigDecimal.valueOf(warnPercent)).movePointLeft(2);
    }
}
