package io.tuneforge.gateway.rollout;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which replica judges which rollout, as training-service claims jobs: active rollouts are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a time-bound lease, so two replicas do not measure the same rollout at
 * once, and a crashed replica's leases simply expire. The lease saves work; correctness comes from
 * {@link Rollouts#decide}, which re-checks state and step under a row lock.
 */
@ApplicationScoped
public class RolloutLeases {

    private final String owner = "replica-" + UUID.randomUUID();

    @Inject
    EntityManager em;

    @Inject
    GatewayConfig config;

    @Inject
    Clock clock;

    @SuppressWarnings("unchecked")
    public List<String> claimActive(int limit) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        update rollout set lease_owner = ?1, lease_until = ?2
                        where id in (select id from rollout
                            where state = 'active' and (lease_until is null or lease_until < ?3)
                            order by id limit ?4 for update skip locked)
                        returning id""")
                .setParameter(1, owner).setParameter(2, now.plus(config.rollouts().lease())).setParameter(3, now)
                .setParameter(4, limit).getResultList());
    }

    /** Lets the next tick (of any replica) claim the rollout again. */
    public void release(String rolloutId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update rollout set lease_owner = null, lease_until = null where id = ?1 and lease_owner = ?2")
                .setParameter(1, rolloutId).setParameter(2, owner).executeUpdate());
    }

    public String owner() {
        return owner;
    }
}
