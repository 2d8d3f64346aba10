package io.tuneforge.gateway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** One call served through the gateway: what the rollout guards, usage and feedback are computed from. */
@Entity
@Table(name = "inference_call")
public class InferenceCall extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    /** The provider's completion id returned to the caller (what feedback names); null when the call failed. */
    @Column(name = "completion_id")
    public String completionId;

    @Column
    public String alias;

    @Column(nullable = false)
    public String arm;

    @Column(nullable = false)
    public String model;

    @Column(name = "rollout_id")
    public String rolloutId;

    @Column(name = "step_index")
    public Integer stepIndex;

    @Column(nullable = false)
    public int status;

    /** Counts against the error-rate guard: 5xx, timeouts, unreachable provider (not the caller's own 4xx). */
    @Column(nullable = false)
    public boolean failed;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    @Column(name = "prompt_tokens", nullable = false)
    public long promptTokens;

    @Column(name = "cached_prompt_tokens", nullable = false)
    public long cachedPromptTokens;

    @Column(name = "completion_tokens", nullable = false)
    public long completionTokens;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(nullable = false)
    public boolean streamed;

    /**
     * Why a call through a capturing alias has no stored exchange: {@code too_large} (over
     * {@code tuneforge.gateway.capture.max-size}) or {@code failed} (storing it failed); null otherwise.
     */
    @Column(name = "capture_skipped")
    public String captureSkipped;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<InferenceCall> byCompletion(String tenantId, String completionId) {
        return find("tenantId = ?1 and completionId = ?2", tenantId, completionId).firstResultOptional();
    }
}
