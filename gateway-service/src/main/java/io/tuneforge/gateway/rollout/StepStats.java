package io.tuneforge.gateway.rollout;

import io.tuneforge.gateway.domain.Arm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a rollout's calls measured, per step and arm, computed by PostgreSQL from {@code inference_call}. */
@ApplicationScoped
public class StepStats {

    @Inject
    EntityManager em;

    /** Step index → arm → stats, for every step that has calls. */
    @SuppressWarnings("unchecked")
    public Map<Integer, Map<Arm, ArmStats>> of(String rolloutId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select step_index, arm, count(*), count(*) filter (where failed),
                               percentile_disc(0.5) within group (order by latency_ms) filter (where not failed),
                               percentile_disc(0.95) within group (order by latency_ms) filter (where not failed)
                        from inference_call where rollout_id = ?1 group by step_index, arm""")
                .setParameter(1, rolloutId).getResultList();
        Map<Integer, Map<Arm, ArmStats>> byStep = new HashMap<>();
        for (Object[] row : rows) {
            byStep.computeIfAbsent(((Number) row[0]).intValue(), s -> new HashMap<>())
                    .put(Arm.valueOf(((String) row[1]).toUpperCase(Locale.ROOT)), new ArmStats(((Number) row[2]).longValue(),
                            ((Number) row[3]).longValue(), row[4] == null ? null : ((Number) row[4]).longValue(),
                            row[5] == null ? null : ((Number) row[5]).longValue()));
        }
        return byStep;
    }

    /** Below this many successful stable calls the latency ratio has no baseline and is not judged. */
    static final int MIN_BASELINE_CALLS = 5;

    /**
     * The stable arm's p95 over the whole rollout so far (at 100 % the stable arm gets no calls of its own):
     * what the latency-ratio guard compares against; null below {@value #MIN_BASELINE_CALLS} successful calls.
     */
    public Long stableP95(String rolloutId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), percentile_disc(0.95) within group (order by latency_ms)
                        from inference_call where rollout_id = ?1 and arm = 'stable' and not failed""")
                .setParameter(1, rolloutId).getSingleResult();
        return ((Number) row[0]).longValue() < MIN_BASELINE_CALLS || row[1] == null ? null : ((Number) row[1]).longValue();
    }
}
