package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished model call for one example: the answer, or the provider's final refusal. Its presence is
 * what makes a resumed run skip the call.
 */
@Entity
@Table(name = "eval_sample")
@IdClass(EvalSample.Key.class)
public class EvalSample extends PanacheEntityBase {

    @Id
    @Column(name = "run_id")
    public String runId;

    @Id
    public String role;

    @Id
    public int idx;

    @Column(nullable = false)
    public String model;

    public String output;

    @Column(name = "latency_ms")
    public Long latencyMs;

    @Column(name = "prompt_tokens")
    public Integer promptTokens;

    @Column(name = "completion_tokens")
    public Integer completionTokens;

    /** Why the provider gave no answer (e.g. the prompt is too long); null for an answer. */
    public String error;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    public static List<EvalSample> ofRun(String runId) {
        return list("runId = ?1 order by role, idx", runId);
    }

    public static List<EvalSample> ofRole(String runId, String role) {
        return list("runId = ?1 and role = ?2 order by idx", runId, role);
    }

    public static class Key implements Serializable {
        public String runId;
        public String role;
        public int idx;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.idx == idx && Objects.equals(k.runId, runId) && Objects.equals(k.role, role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, role, idx);
        }
    }
}
