package io.tuneforge.training.submission;

import io.tuneforge.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Idempotency keys of job submissions ({@code Idempotency-Key} on {@code POST /api/v1/jobs}): a client
 * retrying after a timeout gets the job its first request created, not a second one. A key belongs to a
 * tenant, binds the request it first came with (by hash) and is kept for
 * {@code tuneforge.training.jobs.idempotency-retention}. Only a created job is recorded: a request refused
 * with a 4xx leaves its key unused, so the corrected request may reuse it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SubmissionKeys {

    /** What a key says about a request. */
    public sealed interface Claim {
        /** First use: the caller creates the job and {@link #record}s its answer in the same transaction. */
        record Fresh() implements Claim {
        }

        /** Seen with the same request: answer what was answered then. */
        record Replay(String jobId, int status, String body) implements Claim {
        }

        /** Seen with another request: the key is being reused by mistake. */
        record Mismatch() implements Claim {
        }
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TrainingConfig config;

    /**
     * Claims {@code key} for {@code requestHash}. A concurrent first use of the same key waits here (on the
     * primary key) until the other transaction ends, then sees its job, or takes the key if it rolled back.
     */
    public Claim claim(String tenantId, String key, String requestHash) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from job_request_key where expires_at < ?1").setParameter(1, now).executeUpdate();
        int inserted = em.createNativeQuery("""
                        insert into job_request_key (tenant_id, idempotency_key, request_hash, created_at, expires_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, now)
                .setParameter(5, now.plus(config.jobs().idempotencyRetention())).executeUpdate();
        if (inserted == 1) {
            return new Claim.Fresh();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, job_id, response_status, response_body from job_request_key
                        where tenant_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, tenantId).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            // Expired and deleted by another request between our insert and this read: a first use after all.
            return claim(tenantId, key, requestHash);
        }
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            return new Claim.Mismatch();
        }
        return new Claim.Replay((String) row[1], ((Number) row[2]).intValue(), (String) row[3]);
    }

    /** The answer a {@link Claim.Fresh} key gave, replayed on the key's next use. */
    public void record(String tenantId, String key, String jobId, int status, String body) {
        em.createNativeQuery("""
                        update job_request_key set job_id = ?3, response_status = ?4, response_body = ?5
                        where tenant_id = ?1 and idempotency_key = ?2""")
                .setParameter(1, tenantId).setParameter(2, key).setParameter(3, jobId).setParameter(4, status)
                .setParameter(5, body).executeUpdate();
    }
}
