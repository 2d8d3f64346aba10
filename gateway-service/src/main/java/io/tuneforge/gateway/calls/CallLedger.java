package io.tuneforge.gateway.calls;

import io.tuneforge.gateway.domain.InferenceCall;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records every call (for the rollout guards and feedback) and adds its tokens to the usage window of its
 * tenant, model and minute (for inference.usage), in one transaction. A call is recorded when it ends, so
 * its minute is the minute it ended in.
 */
@ApplicationScoped
public class CallLedger {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(CallRecord call) {
        Instant now = clock.instant();
        InferenceCall row = new InferenceCall();
        row.id = EntityIds.next("call");
        row.tenantId = call.tenantId();
        row.completionId = call.completionId();
        row.alias = call.route().alias();
        row.arm = call.route().arm().wire();
        row.model = call.route().model();
        row.rolloutId = call.route().rolloutId();
        row.stepIndex = call.route().stepIndex();
        row.status = call.status();
        row.failed = call.failed();
        row.latencyMs = call.latencyMs();
        row.promptTokens = call.usage().promptTokens();
        row.cachedPromptTokens = call.usage().cachedPromptTokens();
        row.completionTokens = call.usage().completionTokens();
        row.pipelineId = call.route().pipelineId();
        row.streamed = call.streamed();
        row.captureSkipped = call.captureSkipped();
        row.createdAt = now;
        row.persist();
        if (call.status() < 200 || call.status() >= 300) {
            // A failed call bills nothing.
            return;
        }
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        String pipeline = call.route().pipelineId() == null ? "" : call.route().pipelineId();
        em.createNativeQuery("""
                        insert into usage_window (tenant_id, model, pipeline_id, window_start, calls, prompt_tokens,
                                                  cached_prompt_tokens, completion_tokens, usage_id)
                        values (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8)
                        on conflict (tenant_id, model, pipeline_id, window_start) do update set
                            calls = usage_window.calls + 1,
                            prompt_tokens = usage_window.prompt_tokens + excluded.prompt_tokens,
                            cached_prompt_tokens = usage_window.cached_prompt_tokens + excluded.cached_prompt_tokens,
                            completion_tokens = usage_window.completion_tokens + excluded.completion_tokens""")
                .setParameter(1, call.tenantId()).setParameter(2, call.route().model()).setParameter(3, pipeline)
                .setParameter(4, window).setParameter(5, call.usage().promptTokens()).setParameter(6, call.usage().cachedPromptTokens())
                .setParameter(7, call.usage().completionTokens()).setParameter(8, EntityIds.next("use"))
                .executeUpdate();
    }
}
