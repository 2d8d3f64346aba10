package io.tuneforge.cost.budget;

import io.tuneforge.cost.domain.Budget;
import io.tuneforge.cost.domain.BudgetReservation;
import io.tuneforge.cost.domain.CatalogModel;
import io.tuneforge.cost.domain.ModelPrice;
import io.tuneforge.cost.domain.Usd;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sets money aside for a training job before it starts, against the tenant's budget and its pipeline's:
 * a job is reserved when its estimate fits in what neither the month's spend nor other jobs' open
 * reservations already take, and held otherwise (hard-stop budgets only). Decisions and releases of a
 * tenant are serialized by a transaction-scoped lock, so two jobs asking at once cannot both take the
 * last of a budget.
 */
@ApplicationScoped
public class BudgetReservations {

    /** A job's request; pipelineId may be null. */
    public record Request(String jobId, String pipelineId, String baseModel, long estimatedTrainedTokens) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * The job's reservation: the existing one when it was already reserved (or released), otherwise
     * decided now (a held job is decided again with what it asks for now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BudgetReservation reserve(String tenantId, Request request) {
        lockTenant(tenantId);
        Optional<BudgetReservation> existing = BudgetReservation.ofJob(tenantId, request.jobId());
        if (existing.isPresent() && !(existing.get().open() && BudgetReservation.HELD.equals(existing.get().decision))) {
            return existing.get();
        }
        Instant now = clock.instant();
        BudgetReservation reservation = existing.orElseGet(() -> {
            BudgetReservation created = new BudgetReservation();
            created.reservationId = EntityIds.next("resv");
            created.tenantId = tenantId;
            created.jobId = request.jobId();
            created.createdAt = now;
            return created;
        });
        reservation.pipelineId = request.pipelineId();
        reservation.baseModel = request.baseModel();
        reservation.estimatedTrainedTokens = request.estimatedTrainedTokens();
        Optional<CatalogModel> model = CatalogModel.resolve(request.baseModel());
        Optional<ModelPrice> price = model.flatMap(m -> ModelPrice.inForce(m.modelId, now))
                .filter(p -> p.trainingPerMillion != null);
        reservation.modelId = model.map(m -> m.modelId).orElse(null);
        reservation.priceKnown = price.isPresent();
        reservation.priceId = price.map(p -> p.priceId).orElse(null);
        reservation.estimatedCostUsd = price.map(p -> Usd.forTokens(request.estimatedTrainedTokens(), p.trainingPerMillion))
                .orElse(BigDecimal.ZERO);
        decide(reservation, YearMonth.from(now.atZone(ZoneOffset.UTC)));
        reservation.decidedAt = now;
        reservation.persist();
        return reservation;
    }

    /**
     * Gives the job's reservation back (its actual spend, if any, is booked by the caller in the same
     * transaction, so the budget never counts both or neither).
     *
     * @return false when there was nothing open to release
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean release(String tenantId, String jobId, String why) {
        lockTenant(tenantId);
        return BudgetReservation.ofJob(tenantId, jobId).filter(BudgetReservation::open).map(r -> {
            r.releasedAt = clock.instant();
            r.releaseReason = why;
            return true;
        }).orElse(false);
    }

    private void decide(BudgetReservation reservation, YearMonth month) {
        // The pipeline's budget first: it is the narrower one, so its reason is the more useful.
        List<Budget> budgets = new ArrayList<>();
        if (reservation.pipelineId != null) {
            Budget.ofPipeline(reservation.tenantId, reservation.pipelineId).ifPresent(budgets::add);
        }
        Budget.ofTenant(reservation.tenantId).ifPresent(budgets::add);
        String pricing = reservation.priceKnown ? "" : "No training price is known for '" + reservation.baseModel
                + "', so nothing is reserved for this job (price_known false); add one with POST "
                + "/api/v1/catalog/models/{model}/prices. ";
        List<BudgetDecision> decisions = new ArrayList<>();
        for (Budget budget : budgets) {
            BudgetDecision decision = BudgetCheck.decide(Optional.of(budget), month, budget.spentIn(month),
                    BudgetReservation.reservedBesides(reservation.tenantId, budget.pipelineId, reservation.jobId),
                    reservation.estimatedCostUsd);
            if (!decision.allowed()) {
                settle(reservation, month, BudgetReservation.HELD, budget.budgetId, decision.remaining(),
                        pricing + decision.reason());
                return;
            }
            decisions.add(decision);
        }
        if (decisions.isEmpty()) {
            settle(reservation, month, BudgetReservation.RESERVED, null, null, pricing
                    + BudgetCheck.decide(Optional.empty(), month, BigDecimal.ZERO, reservation.estimatedCostUsd).reason());
            return;
        }
        BigDecimal remaining = decisions.stream().map(BudgetDecision::remaining).min(BigDecimal::compareTo).orElseThrow();
        settle(reservation, month, BudgetReservation.RESERVED, null, remaining,
                pricing + decisions.stream().map(BudgetDecision::reason).collect(Collectors.joining(" ")));
    }

    private static void settle(BudgetReservation reservation, YearMonth month, String decision, String budgetId,
                               BigDecimal remaining, String reason) {
        reservation.decision = decision;
        reservation.budgetId = budgetId;
        reservation.remainingUsd = remaining;
        reservation.reason = reason;
        reservation.month = month.toString();
    }

    private void lockTenant(String tenantId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext('cost.reservations:' || :tenant))) l")
                .setParameter("tenant", tenantId).getSingleResult();
    }
}
